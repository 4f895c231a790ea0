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
import { convert, fromEur, ratesBehind, referenceRate, toEur } from '../../../lib/matching/currency';
import { CONTEXT, makeCompany, makeNeed, scoredOrThrow } from './builders';

describe('matching policy', () => {
  it('the default is valid and weighs the criteria as the documents read (see policy.ts)', () => {
    expect(matchingPolicySchema.parse(DEFAULT_POLICY)).toEqual(DEFAULT_POLICY);
    expect(DEFAULT_POLICY).toEqual({
      weights: { capability: 30, security: 18, integrity: 14, stage: 8, scale: 12, kansai: 4, sisterCity: 4, experience: 6, reciprocal: 4 },
      hardConstraints: { capability: true, security: true, integrity: true, stage: false, scale: true },
    });
    expect(TOTAL_WEIGHT).toBe(100);
    expect(CRITERIA).toHaveLength(9);
    expect(HARD_CONSTRAINTS).toEqual(['sector', 'capability', 'security', 'integrity', 'stage', 'scale']);
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
    expect(long.error?.issues[0].message).toBe('validation.tooLong|{"max":500}');
    expect(updatePolicyInputSchema.safeParse({ ...input, expectedVersion: 0 }).success).toBe(false);
    expect(updatePolicyInputSchema.safeParse({ ...input, expectedVersion: 1.5 }).success).toBe(false);
    expect(updatePolicyInputSchema.safeParse({ ...input, other: 1 }).success).toBe(false);
  });
});

describe('points per criterion', () => {
  it('add up to the score, rounding leftovers to the largest remainders', () => {
    // Default policy (capability 30, security 18, integrity 14, stage 8, scale 12, Kansai 4,
    // sister city 4, experience 6, reciprocal 4). A large company within its appetite: security
    // 0.9 × 0.8 × 18 = 12.96; no transparency signal 0.2 × 14 = 2.8; a job below 0.5 % of its
    // capacity 0.6 × 12 = 7.2; in Tokyo, a prefecture with a tied city (Hachioji, not its own
    // city Chiyoda) 0.5 × 4 = 2. Raw 30 + 12.96 + 2.8 + 8 + 7.2 + 0 + 2 + 0 + 0 = 62.96 → 63.
    const hachioji = { kind: 'CITY', japanCode: '132012', prefectureCode: '13', nameJa: '八王子市', nameEn: 'Hachioji', sinceYear: 1990 } as const;
    const need = makeNeed({ budgetAmount: 100_000 }, { periods: [], sisterTies: [hachioji] });
    const company = makeCompany({ isSme: false, riskAppetite: 'ACTIVE_HOSTILITIES', maxProjectEur: 100_000_000 });
    const listed = { ...need, site: { ...need.site, periods: [{ status: 'POSSIBLE_HOSTILITIES' as const, isWholeHromada: true, start: new Date('2022-01-01'), end: null }] } };
    const result = scoredOrThrow(evaluateMatch(listed, company, CONTEXT, DEFAULT_POLICY));
    expect(result.score).toBe(63);
    const points = Object.fromEntries(result.entries.map((e) => [e.criterion, e.points]));
    // Floors 30+12+2+8+7+0+2 = 61; the two leftover points go to security (.96), then integrity (.8), not scale (.2).
    expect(points).toEqual({ capability: 30, security: 13, integrity: 3, stage: 8, scale: 7, kansai: 0, sisterCity: 2, experience: 0, reciprocal: 0 });
    expect(result.entries.map((e) => e.maxPoints)).toEqual([30, 18, 14, 8, 12, 4, 4, 6, 4]);
  });

  it('an equal remainder goes to the criterion listed first', () => {
    // At the edge of an SME's appetite, security 0.75 × 18 = 13.5; a Prozorro tender with donor
    // money, integrity 0.75 × 14 = 10.5; the rest whole: raw 30 + 13.5 + 10.5 + 8 + 12 = 74, one point left over.
    const need = makeNeed(
      { procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-21-002209-a', fundingSource: 'DONOR_GRANT' },
      { periods: [{ status: 'POSSIBLE_HOSTILITIES', isWholeHromada: true, start: new Date('2022-01-01'), end: null }] },
    );
    const result = scoredOrThrow(evaluateMatch(need, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES' }), CONTEXT, DEFAULT_POLICY));
    expect(result.score).toBe(74);
    const points = Object.fromEntries(result.entries.map((e) => [e.criterion, e.points]));
    expect(points).toEqual({ capability: 30, security: 14, integrity: 10, stage: 8, scale: 12, kansai: 0, sisterCity: 0, experience: 0, reciprocal: 0 });
  });

  it('a criterion without weight is explained but gives no points', () => {
    const policy = { ...DEFAULT_POLICY, weights: { ...DEFAULT_POLICY.weights, kansai: 0, capability: 30 } };
    const result = scoredOrThrow(evaluateMatch(makeNeed(), makeCompany({ region: 'KANSAI' }), CONTEXT, policy));
    const kansai = result.entries.find((e) => e.criterion === 'kansai')!;
    expect(kansai).toEqual({ criterion: 'kansai', points: 0, maxPoints: 0, reason: { code: 'KANSAI_COMPANY', params: { prefectureCode: '13' } } });
  });

  it('a whole share is not rounded down by floating-point error', () => {
    // 90 × 7/10 is 62.99999999999999 in floating point: seven of ten capabilities must still show 63 of 90.
    const policy = { ...DEFAULT_POLICY, weights: { capability: 90, security: 0, integrity: 0, stage: 10, scale: 0, kansai: 0, sisterCity: 0, experience: 0, reciprocal: 0 } };
    const required = ['POWER_GENERATORS', 'GRID_EQUIPMENT', 'SOLAR_AND_STORAGE', 'HEATING_SYSTEMS', 'MINE_DETECTION', 'DEBRIS_CLEARANCE', 'TEMPORARY_BRIDGES', 'WATER_PURIFICATION', 'MEDICAL_EQUIPMENT', 'TELECOM_NETWORKS'] as const;
    const need = makeNeed({ requiredCapabilities: required });
    const result = scoredOrThrow(evaluateMatch(need, makeCompany({ capabilities: required.slice(0, 7) }), CONTEXT, policy));
    expect(result.score).toBe(73);
    expect(Object.fromEntries(result.entries.filter((e) => e.maxPoints > 0).map((e) => [e.criterion, e.points]))).toEqual({ capability: 63, stage: 10 });
  });
});

describe('reference exchange rates', () => {
  it('convert to euros and back', () => {
    expect(toEur(100, 'EUR')).toBe(100);
    // The committed rates: ECB 2026-07-21 (USD, JPY per euro), exchange-api 2026-09-29 (UAH per euro).
    expect(toEur(114.18, 'USD')).toBeCloseTo(100, 9);
    expect(toEur(51_036.85457, 'UAH')).toBeCloseTo(1_000, 9);
    expect(toEur(185_820, 'JPY')).toBeCloseTo(1_000, 9);
    for (const currency of ['EUR', 'USD', 'UAH', 'JPY'] as const) expect(toEur(fromEur(1_234, currency), currency)).toBeCloseTo(1_234, 6);
    expect(fromEur(100, 'USD')).toBeCloseTo(114.18, 9);
    expect(convert(51.03685457, 'UAH', 'JPY')).toBeCloseTo(185.82, 9);
    expect(referenceRate('UAH')).toEqual({ currency: 'UAH', perEur: 51.03685457, date: '2026-09-29', source: 'CURRENCY_API', note: expect.stringContaining('exchange-api') });
    expect(referenceRate('JPY')).toMatchObject({ date: '2026-07-21', source: 'ECB' });
    expect(ratesBehind('UAH', 'JPY').map((r) => r.source)).toEqual(['CURRENCY_API', 'ECB']);
    expect(ratesBehind('UAH', 'EUR').map((r) => r.currency)).toEqual(['UAH']);
    expect(ratesBehind('EUR', 'EUR')).toEqual([]);
  });
});
