import { z, type core } from 'zod';

// Zod and react-hook-form carry one string per error. To say the limit ("At least 5
// characters."), the catalogue key travels with its ICU values in that string:
// `validation.tooShort|{"min":5}`. Schemas build it here; the form translates it in one place
// (translateKey in components/forms/text-field.tsx); the server passes it on unchanged.

export type MessageValues = Record<string, string | number>;

const SEPARATOR = '|';

/** A catalogue key with the values its message needs, as one string. */
export function withValues(key: string, values: MessageValues): string {
  return Object.keys(values).length === 0 ? key : `${key}${SEPARATOR}${JSON.stringify(values)}`;
}

/** The key and values of a message made by `withValues`; a bare key has no values. */
export function readMessage(message: string): { key: string; values: MessageValues } {
  const at = message.indexOf(SEPARATOR);
  if (at < 0) return { key: message, values: {} };
  try {
    const values: unknown = JSON.parse(message.slice(at + 1));
    if (typeof values !== 'object' || values === null || Array.isArray(values)) return { key: message, values: {} };
    const clean = Object.entries(values).filter(([, value]) => typeof value === 'string' || typeof value === 'number');
    return { key: message.slice(0, at), values: Object.fromEntries(clean) as MessageValues };
  } catch {
    return { key: message, values: {} };
  }
}

/**
 * A zod error for a limit: the key, with the limit the issue names as `min` or `max`
 * (`.max(200, limit('validation.tooLong'))` → "At most 200 characters.").
 */
export function limit(key: string): { error: (issue: core.$ZodRawIssue) => string } {
  return {
    error: (issue) => {
      const values: MessageValues = {};
      if (issue.code === 'too_small') values.min = Number(issue.minimum);
      if (issue.code === 'too_big') values.max = Number(issue.maximum);
      return withValues(key, values);
    },
  };
}

/** Nothing typed (empty field, null, undefined) reads "Enter a number"; anything else "not a whole number". */
export const numberTypeError = (issue: core.$ZodRawIssue) =>
  issue.input === undefined || issue.input === null || issue.input === '' ? 'validation.enterNumber' : 'validation.number';

/** An amount that may have cents (a budget): anything but empty or figures is "enter an amount". */
export const amountTypeError = (issue: core.$ZodRawIssue) =>
  issue.input === undefined || issue.input === null || issue.input === '' ? 'validation.enterNumber' : 'validation.amount';

// Forms send numbers (components/forms/number-field.tsx parses what was typed); a script or an
// old form may send figures as text. An empty field arrives as null and says "Enter a number".
const figures = (value: unknown) =>
  value === '' ? null : typeof value === 'string' && /^-?\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;

/** A whole number between `min` and `max` (employees, capital); the errors name the limits. */
export const wholeNumber = (min: number, max: number) =>
  z.preprocess(
    figures,
    z.number({ error: numberTypeError }).int({ error: 'validation.number' }).min(min, limit('validation.tooSmall')).max(max, limit('validation.tooLarge')),
  );

/** An amount with possible cents (a budget) between `min` and `max`. */
export const amount = (min: number, max: number) =>
  z.preprocess(figures, z.number({ error: amountTypeError }).min(min, limit('validation.tooSmall')).max(max, limit('validation.tooLarge')));
