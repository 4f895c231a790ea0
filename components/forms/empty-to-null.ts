/** For optional inputs: an empty field means "no value" (null), not an empty string or 0. */
export const emptyToNull = (value: unknown) => (value === '' ? null : value);
