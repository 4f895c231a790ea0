import { describe, expect, it } from 'vitest';
import {
  CRITERIA,
  DEFAULT_POLICY,
  evaluateMatch,
  HARD_CONSTRAINTS,
  matchingPolicySchema,
  policyWeightsSchema,
  TOTAL_WEIGHT,
  updatePolicyInputSchema,
} from '../../../lib/matching';
import { fromEur, toEur } from '../../../lib/matching/currency';
import { CONTEXT, makeCompany, makeNeed, scoredOrThrow } from './builders';

describe('matching policy', () => {
  it('the default is valid and weighs the criteria as the documents read (see policy.ts)', () => {
    expect(matchingPolicySchema.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY).toEqual({
      weights: { capability: 25, security: 20, integrity: 15, stage: 10, scale: 8, kansai: 5, sisterCity: 5, experience: 7, reciprocal: 5 },
      hardConstraints: { security: true, integrity: true, stage: false, scale: false },
    });
    expect(TOTAL_WEIGHT).toBe(100);
    expect(CRITERIA).toHaveLength(9);
    expect(HARD_CONSTRAINTS).toEqual(['sector', 'security', 'integrity', 'stage', 'scale']);
  });

  it('weights are whole points from 0 to 100 that add up to 100', () => {
    const ok = { ...DEFAULT_POLICY.weights };
    expect(policyWeightsSchema.safeParse(ok).success).toBe(true);
    expect(policyWeightsSchema.safeParse({ ...ok, capability: 100, security: 0, integrity: 0, stage: 0, scale: 0, kansai: 0, sisterCity: 0, experience: 0, reciprocal: 0 }).success).toBe(true);
    const sumError = policyWeightsSchema.safeParse({ ...ok, capability: 26 });
    expect(sumError.success).toBe(false);
    expect(sumError.error?.issues[0].message).toBe('matching.policy.weightsMustAddUpTo100');
    expect(policyWeightsSchema.safeParse({ ...ok, capability: 24 }).success).toBe(false);
    expect(policyWeightsSchema.safeParse({ ...ok, capability: 24.5, security: 20.5 }).success).toBe(false);
    expect(policyWeightsSchema.safeParse({ ...ok, capability: -5, security: 50 }).success).toBe(false);
    expect(policyWeightsSchema.safeParse({ ...ok, capability: 101, security: -56 }).success).toBe(false);
    expect(policyWeightsSchema.safeParse({ ...ok, extra: 0 }).success).toBe(false);
    const missing: Partial<typeof ok> = { ...ok, capability: 30 };
    delete missing.reciprocal;
    expect(policyWeightsSchema.safeParse(missing).success).toBe(false);
  });

  it('hard constraints are four booleans, and nothing else', () => {
    expect(matchingPolicySchema.safeParse({ ...DEFAULT_POLICY, hardConstraints: { ...DEFAULT_POLICY.hardConstraints, sector: false } }).success).toBe(false);
    expect(matchingPolicySchema.safeParse({ ...DEFAULT_POLICY, hardConstraints: { ...DEFAULT_POLICY.hardConstraints, stage: 'yes' } }).success).toBe(false);
    expect(matchingPolicySchema.safeParse({ ...DEFAULT_POLICY, extra: 1 }).success).toBe(false);
  });

  it('the editor sends the version it saw and a note of up to 500 characters', () => {
    const input = { expectedVersion: 3, weights: DEFAULT_POLICY.weights, hardConstraints: DEFAULT_POLICY.hardConstraints };
    expect(updatePolicyInputSchema.parse(input)).toEqual({ ...input, note: '' });
    expect(updatePolicyInputSchema.parse({ ...input, note: '  why  ' }).note).toBe('why');
    expect(updatePolicyInputSchema.safeParse({ ...input, note: 'x'.repeat(500) }).success).toBe(true);
    const long = updatePolicyInputSchema.safeParse({ ...input, note: 'x'.repeat(501) });
    expect(long.error?.issues[0].message).toBe('validation.tooLong');
    expect(updatePolicyInputSchema.safeParse({ ...input, expectedVersion: 0 }).success).toBe(false);
    expect(updatePolicyInputSchema.safeParse({ ...input, expectedVersion: 1.5 }).success).toBe(false);
    expect(updatePolicyInputSchema.safeParse({ ...input, other: 1 }).success).toBe(false);
  });
});

describe('points per criterion', () => {
  it('add up to the score, rounding leftovers to the largest remainders', () => {
    // Default policy; security 0.72 × 20 = 14.4, scale 0.6 × 8 = 4.8, integrity 0.2 × 15 = 3,
    // sister city 0.5 × 5 = 2.5: raw 25 + 14.4 + 3 + 10 + 4.8 + 0 + 2.5 + 0 + 0 = 59.7 → 60.
    const need = makeNeed({ budgetAmount: 100_000 }, { periods: [], sisterTies: [{ prefectureCode: '13', cityEn: 'Hachioji', sinceYear: 1990 }] });
    const company = makeCompany({ isSme: false, riskAppetite: 'ACTIVE_HOSTILITIES', maxProjectEur: 100_000_000 });
    const listed = { ...need, site: { ...need.site, periods: [{ status: 'POSSIBLE_HOSTILITIES' as const, isWholeHromada: true, start: new Date('2022-01-01'), end: null }] } };
    const result = scoredOrThrow(evaluateMatch(listed, company, CONTEXT, DEFAULT_POLICY));
    expect(result.score).toBe(60);
    const points = Object.fromEntries(result.entries.map((e) => [e.criterion, e.points]));
    // Floors 25+14+3+10+4+0+2 = 58; the two leftover points go to scale (.8), then sister city (.5).
    expect(points).toEqual({ capability: 25, security: 14, integrity: 3, stage: 10, scale: 5, kansai: 0, sisterCity: 3, experience: 0, reciprocal: 0 });
    expect(result.entries.map((e) => e.maxPoints)).toEqual([25, 20, 15, 10, 8, 5, 5, 7, 5]);
  });

  it('an equal remainder goes to the criterion listed first', () => {
    // Capability 0.5 × 25 = 12.5 and sister city 0.5 × 5 = 2.5; the rest whole: raw 56, one point left over.
    const need = makeNeed({ requiredCapabilities: [] }, { sisterTies: [{ prefectureCode: '13', cityEn: 'Hachioji', sinceYear: 1990 }] });
    const result = scoredOrThrow(evaluateMatch(need, makeCompany(), CONTEXT, DEFAULT_POLICY));
    expect(result.score).toBe(56);
    const points = Object.fromEntries(result.entries.map((e) => [e.criterion, e.points]));
    expect(points).toMatchObject({ capability: 13, sisterCity: 2 });
  });

  it('a criterion without weight is explained but gives no points', () => {
    const policy = { ...DEFAULT_POLICY, weights: { ...DEFAULT_POLICY.weights, kansai: 0, capability: 30 } };
    const result = scoredOrThrow(evaluateMatch(makeNeed(), makeCompany({ region: 'KANSAI' }), CONTEXT, policy));
    const kansai = result.entries.find((e) => e.criterion === 'kansai')!;
    expect(kansai).toEqual({ criterion: 'kansai', points: 0, maxPoints: 0, reason: { code: 'KANSAI_COMPANY', params: { prefectureCode: '13' } } });
  });

  it('a whole share is not rounded down by floating-point error', () => {
    // 0.7 × 90 is 62.99999999999999 in floating point: integrity must still show 63 of 90.
    const policy = { ...DEFAULT_POLICY, weights: { capability: 0, security: 0, integrity: 90, stage: 10, scale: 0, kansai: 0, sisterCity: 0, experience: 0, reciprocal: 0 } };
    const need = makeNeed({ procurementMethod: 'DREAM', dreamProjectId: 'D-1' });
    const result = scoredOrThrow(evaluateMatch(need, makeCompany(), CONTEXT, policy));
    expect(result.score).toBe(73);
    expect(Object.fromEntries(result.entries.filter((e) => e.maxPoints > 0).map((e) => [e.criterion, e.points]))).toEqual({ integrity: 63, stage: 10 });
  });
});

describe('reference exchange rates', () => {
  it('convert to euros and back', () => {
    expect(toEur(100, 'EUR')).toBe(100);
    expect(toEur(100, 'USD')).toBeCloseTo(90, 9);
    expect(toEur(1_000, 'UAH')).toBeCloseTo(22, 9);
    expect(toEur(1_000, 'JPY')).toBeCloseTo(6, 9);
    for (const currency of ['EUR', 'USD', 'UAH', 'JPY'] as const) expect(toEur(fromEur(1_234, currency), currency)).toBeCloseTo(1_234, 6);
    expect(fromEur(90, 'USD')).toBeCloseTo(100, 9);
  });
});
