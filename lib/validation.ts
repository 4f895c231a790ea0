import type { z } from 'zod';
import { AppError } from './errors';

/** Field path ("company.corporateNumber") → message catalogue key ("validation.corporateNumber"). */
export type FieldErrors = Record<string, string>;

/**
 * Parses input with the shared schema; on failure throws VALIDATION with one message key per
 * field, which the form shows next to the field it belongs to. Before the schema has its say,
 * every string in the input (keys included) must be clean text: see findInvalidText.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const fieldErrors: FieldErrors = findInvalidText(input);
  const parsed = schema.safeParse(input);
  if (parsed.success && Object.keys(fieldErrors).length === 0) return parsed.data;
  for (const issue of parsed.error?.issues ?? []) {
    const path = issue.path.join('.') || '_form';
    // Unknown keys from a strict object: name the offending field, never accept it.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        fieldErrors[path === '_form' ? key : `${path}.${key}`] ??= 'validation.unexpectedField';
      }
      continue;
    }
    fieldErrors[path] ??= issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  }
  throw new AppError('VALIDATION', 'Invalid input', { fieldErrors });
}

// Text a person can type: no NUL (PostgreSQL cannot store it in text), no other control
// characters, no half of a surrogate pair (not UTF-8 at all) and no U+FFFD (what a broken
// decoder leaves behind). Tab and line breaks only in the fields that are textareas.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]/;
const LINE_CONTROLS = /[\t\n\r]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/**
 * Fields a form shows as a textarea (TextAreaField), by their last path segment.
 * tests/unit/text-rules.test.ts fails when a textarea's field is missing here.
 */
export const MULTI_LINE_FIELDS: ReadonlySet<string> = new Set(['description', 'descriptionJa', 'descriptionEn', 'note', 'hostilityTable', 'translation']);

/** Deeper than any form nests its fields: refused rather than walked (and no stack to blow). */
const MAX_DEPTH = 16;

export function isCleanText(value: string, options: { multiLine?: boolean } = {}): boolean {
  if (CONTROL_CHARACTERS.test(value) || LONE_SURROGATE.test(value)) return false;
  return options.multiLine === true || !LINE_CONTROLS.test(value);
}

/** Every string and key in the input checked against the text rule: path → message key. */
export function findInvalidText(input: unknown): FieldErrors {
  const errors: FieldErrors = {};
  const visit = (value: unknown, path: string[], depth: number) => {
    const at = path.join('.') || '_form';
    if (typeof value === 'string') {
      if (!isCleanText(value, { multiLine: MULTI_LINE_FIELDS.has(path.at(-1) ?? '') })) errors[at] = 'validation.invalidCharacters';
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth >= MAX_DEPTH) {
      errors[at] = 'validation.invalid';
      return;
    }
    for (const [key, child] of Object.entries(value)) {
      // A key with a control character in it names no field: report it on its parent.
      if (!isCleanText(key)) {
        errors[at] = 'validation.invalidCharacters';
        continue;
      }
      visit(child, [...path, key], depth + 1);
    }
  };
  visit(input, [], 0);
  return errors;
}
