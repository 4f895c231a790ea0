import type { z } from 'zod';
import { AppError } from './errors';

/** Field path ("company.corporateNumber") → message catalogue key ("validation.corporateNumber"). */
export type FieldErrors = Record<string, string>;

/**
 * Parses input with the shared schema; on failure throws VALIDATION with one message key per
 * field, which the form shows next to the field it belongs to.
 */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  const fieldErrors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || '_form';
    // Unknown keys from a strict object: name the offending field, never accept it.
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fieldErrors[path === '_form' ? key : `${path}.${key}`] = 'validation.unexpectedField';
      continue;
    }
    fieldErrors[path] ??= issue.message.startsWith('validation.') ? issue.message : 'validation.invalid';
  }
  throw new AppError('VALIDATION', 'Invalid input', { fieldErrors });
}
