import { randomInt } from 'node:crypto';
import { withCheckDigit } from '../../lib/companies/corporate-number';

// Unique values for factories: a per-process counter plus randomness, so that parallel test
// files and repeated seeds never collide on unique columns.

let counter = 0;
export const nextSequence = (): number => (counter += 1);

export const uniqueSuffix = (): string => `${nextSequence()}-${randomInt(1e9).toString(36)}`;

export function uniqueCorporateNumber(): string {
  const base = `${randomInt(1, 10)}${String(randomInt(1e11)).padStart(11, '0')}`;
  return withCheckDigit(base);
}
