import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_POLICY,
  evaluateMatch,
  explainPair,
  matchingPolicySchema,
  pairPoints,
  prepareCompany,
  prepareNeed,
  scorePair,
  EXCLUDED,
} from '../../../lib/matching';
import { company, context, need, policy } from './arbitraries';

// Fewer runs under mutation testing (tests/unit/matching/vitest.mutation.config.ts), where they repeat per mutant.
const RUNS = { numRuns: Number(process.env.FC_NUM_RUNS ?? 2000) };

describe('matching engine properties', () => {
  it('generates only valid policies (the arbitrary itself is sound)', () => {
    fc.assert(fc.property(policy, (p) => matchingPolicySchema.safeParse(p).success));
  });

  it('scores every pair from 0 to 100, and the entries add up to the score', () => {
    fc.assert(
      fc.property(need, company, context, policy, (n, c, ctx, p) => {
        const result = evaluateMatch(n, c, ctx, p);
        if (result.kind === 'excluded') return;
        expect(result.score).toBeGreaterThanOrEqual(0);
        expect(result.score).toBeLessThanOrEqual(100);
        expect(Number.isInteger(result.score)).toBe(true);
        expect(result.entries.reduce((sum, e) => sum + e.points, 0)).toBe(result.score);
        for (const entry of result.entries) {
          expect(entry.points).toBeGreaterThanOrEqual(0);
          expect(entry.points).toBeLessThanOrEqual(entry.maxPoints);
          expect(entry.maxPoints).toBe(p.weights[entry.criterion]);
        }
      }),
      RUNS,
    );
  });

  it('always excludes a pair that fails a hard constraint, and names the constraint', () => {
    fc.assert(
      fc.property(need, company, context, policy, (n, c, ctx, p) => {
        const outsideSectors = { ...c, sectors: c.sectors.filter((s) => s !== n.sector) };
        fc.pre(outsideSectors.sectors.length > 0);
        const result = evaluateMatch(n, outsideSectors, ctx, p);
        expect(result.kind).toBe('excluded');
        if (result.kind === 'excluded') expect(result.failed.map((f) => f.constraint)).toContain('sector');
      }),
      RUNS,
    );
    fc.assert(
      fc.property(need, company, context, policy, (n, c, ctx, p) => {
        const result = evaluateMatch(n, c, ctx, p);
        if (result.kind === 'excluded') {
          expect(result.failed.length).toBeGreaterThan(0);
          for (const failure of result.failed) {
            expect(failure.constraint === 'sector' || p.hardConstraints[failure.constraint]).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('never lowers the score when the company adds a capability the need requires', () => {
    fc.assert(
      fc.property(need, company, context, policy, fc.nat(), (n, c, ctx, p, pick) => {
        const missing = n.requiredCapabilities.filter((cap) => !c.capabilities.includes(cap));
        fc.pre(missing.length > 0);
        const before = evaluateMatch(n, c, ctx, p);
        const after = evaluateMatch(n, { ...c, capabilities: [...c.capabilities, missing[pick % missing.length]] }, ctx, p);
        // A capability never excludes: it can only let in a company that offered none (the capability constraint).
        if (before.kind === 'scored') expect(after.kind).toBe('scored');
        if (before.kind === 'excluded' && after.kind === 'scored') {
          expect(before.failed.some((f) => f.reason.code === 'OFFERS_NONE_OF_REQUIRED_CAPABILITIES')).toBe(true);
        }
        if (before.kind === 'scored' && after.kind === 'scored') expect(after.score).toBeGreaterThanOrEqual(before.score);
      }),
      RUNS,
    );
  });

  it('gives the same result for the same inputs, and the fast score equals the explained one', () => {
    fc.assert(
      fc.property(need, company, context, policy, (n, c, ctx, p) => {
        const first = evaluateMatch(n, c, ctx, p);
        expect(evaluateMatch(structuredClone(n), structuredClone(c), { ...ctx }, structuredClone(p))).toEqual(first);
        const fast = scorePair(prepareNeed(n, ctx.asOf), prepareCompany(c), ctx, p);
        expect(fast).toBe(first.kind === 'scored' ? first.score : EXCLUDED);
      }),
      RUNS,
    );
  });

  it('stores exactly the explained points: what a stored match keeps is what its explanation shows', () => {
    fc.assert(
      fc.property(need, company, context, policy, (n, c, ctx, p) => {
        const explained = evaluateMatch(n, c, ctx, p);
        const stored = pairPoints(prepareNeed(n, ctx.asOf), prepareCompany(c), ctx, p);
        expect(stored).toEqual(explained.kind === 'scored' ? { score: explained.score, points: explained.entries.map((e) => e.points) } : null);
      }),
      RUNS,
    );
  });

  it('explains with a reason for every criterion', () => {
    fc.assert(
      fc.property(need, company, context, (n, c, ctx) => {
        const result = explainPair(prepareNeed(n, ctx.asOf), prepareCompany(c), ctx, DEFAULT_POLICY);
        if (result.kind === 'scored') {
          expect(result.entries).toHaveLength(9);
          for (const entry of result.entries) expect(entry.reason.code).toMatch(/^[A-Z_]+$/);
        }
      }),
      { numRuns: Math.min(500, RUNS.numRuns) },
    );
  });
});
