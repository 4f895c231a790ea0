import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { needTransitionSchema } from '../../lib/needs/need-schema';
import { verifyOrganisationSchema } from '../../lib/verification/verification-schema';

// Versions are PostgreSQL integers: a larger number, though a safe JavaScript integer, reached the
// database and failed there (a 500 the fuzz test found: verifyOrganisation with 4666374655937895).
// The schemas refuse it first, as bad input.
describe('version fields', () => {
  it.each([2 ** 31, 4_666_374_655_937_895])('refuse %d, beyond a PostgreSQL integer', (version) => {
    expect(needTransitionSchema.safeParse({ needId: randomUUID(), expectedVersion: version }).success).toBe(false);
    expect(verifyOrganisationSchema.safeParse({ kind: 'company', id: randomUUID(), decision: 'VERIFIED', expectedVersion: version }).success).toBe(false);
  });
  it('accept the largest PostgreSQL integer', () => {
    expect(needTransitionSchema.safeParse({ needId: randomUUID(), expectedVersion: 2 ** 31 - 1 }).success).toBe(true);
    expect(verifyOrganisationSchema.safeParse({ kind: 'company', id: randomUUID(), decision: 'VERIFIED', expectedVersion: 2 ** 31 - 1 }).success).toBe(true);
  });
});
