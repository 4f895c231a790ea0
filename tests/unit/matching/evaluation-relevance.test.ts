import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, type MatchCompany, type MatchingPolicy, type MatchNeed } from '../../../lib/matching';
import { JUDGED_SET, measureRelevance, rankJudgedNeed, type JudgedNeed } from '../../../lib/matching/evaluation';

const AS_OF = new Date('2026-11-21');
const need: MatchNeed = {
  id: 'need', sector: 'ENERGY', stage: 'RAPID_RECOVERY', requiredCapabilities: ['POWER_GENERATORS'], budgetAmount: null, budgetCurrency: null,
  fundingSource: 'MUNICIPAL_BUDGET', procurementMethod: 'NONE', prozorroTenderId: null, dreamProjectId: null,
  site: { hromadaCode: 'UA46060250000025047', periods: [], sisterTies: [] },
};
const company = (id: string, fields: Partial<MatchCompany> = {}): MatchCompany => ({
  id, sectors: ['ENERGY'], capabilities: ['POWER_GENERATORS'], riskAppetite: 'NO_HOSTILITIES', deliveryModes: ['ON_SITE'],
  stages: ['RAPID_RECOVERY'], tenderRequirement: 'NONE', maxProjectEur: null, estimatedCapacityEur: 5_000_000, isSme: true, prefectureCode: '13',
  region: 'KANTO', cityEn: 'Chiyoda', cityCode: '131016', experienceCountries: [], hasDisasterReconstructionExperience: false, ...fields,
});
const judged = (candidates: JudgedNeed['candidates']): JudgedNeed => ({ need, asOf: AS_OF, candidates });
const only = (criterion: keyof MatchingPolicy['weights']): MatchingPolicy => ({
  weights: { capability: 0, security: 0, integrity: 0, stage: 0, scale: 0, kansai: 0, sisterCity: 0, experience: 0, reciprocal: 0, [criterion]: 100 },
  hardConstraints: DEFAULT_POLICY.hardConstraints,
});

describe('measuring a policy against judgements', () => {
  it('ranks by score, then by id, and leaves out the excluded', () => {
    const set = judged([
      { company: company('b-capable'), relevance: 3, rationale: 'x', turnsOn: ['capability'] },
      { company: company('a-capable'), relevance: 2, rationale: 'x', turnsOn: ['capability'] },
      { company: company('c-none', { capabilities: [] }), relevance: 0, rationale: 'x', turnsOn: ['capability'] },
      { company: company('d-outside', { sectors: ['HEALTH'] }), relevance: 1, rationale: 'x', turnsOn: ['sector'] },
    ]);
    // The capability constraint (on by default) excludes c-none, like the sector d-outside.
    expect(rankJudgedNeed(set, only('capability'))).toEqual([
      { companyId: 'a-capable', score: 100, relevance: 2 },
      { companyId: 'b-capable', score: 100, relevance: 3 },
    ]);
    // With it off, c-none is ranked, last, with its zero; d-outside is still out (sector is always hard).
    const capabilityOff = { ...only('capability'), hardConstraints: { ...DEFAULT_POLICY.hardConstraints, capability: false } };
    expect(rankJudgedNeed(set, capabilityOff)).toEqual([
      { companyId: 'a-capable', score: 100, relevance: 2 },
      { companyId: 'b-capable', score: 100, relevance: 3 },
      { companyId: 'c-none', score: 0, relevance: 0 },
    ]);
    const figures = measureRelevance([set], only('capability'));
    // Ranked 2, 3, 0; ideal 3, 2, 1, 0.
    const dcg = 3 + 7 / Math.log2(3);
    const ideal = 7 + 3 / Math.log2(3) + 1 / 2;
    expect(figures).toMatchObject({ needs: 1, pairs: 4, precisionAt5: 0.4, precisionAt5Ceiling: 0.4 });
    expect(figures.ndcgAt10).toBeCloseTo(dcg / ideal, 12);
    expect(figures.perNeed[0]).toMatchObject({ needId: 'need', precisionAt5: 0.4 });
  });

  it('passes the interest already expressed to the reciprocal criterion', () => {
    const set = judged([
      { company: company('a-silent'), relevance: 0, rationale: 'x', turnsOn: ['reciprocal'] },
      { company: company('b-asked'), asked: true, relevance: 3, rationale: 'x', turnsOn: ['reciprocal'] },
      { company: company('c-invited'), invited: true, relevance: 3, rationale: 'x', turnsOn: ['reciprocal'] },
    ]);
    expect(rankJudgedNeed(set, only('reciprocal')).map((r) => [r.companyId, r.score])).toEqual([['b-asked', 100], ['c-invited', 100], ['a-silent', 0]]);
    expect(measureRelevance([set], only('reciprocal')).ndcgAt10).toBe(1);
  });

  it('the best precision@5 any ranking could reach, however the candidates are listed', () => {
    const candidates = [0, 1, 0, 1, 0, 3, 2, 3].map((relevance, i) => ({
      company: company(`c${i}`, { capabilities: [] }), relevance: relevance as 0 | 1 | 2 | 3, rationale: 'x', turnsOn: ['capability' as const],
    }));
    expect(measureRelevance([judged(candidates)], only('capability')).precisionAt5Ceiling).toBe(0.6);
  });

  it('averages over needs', () => {
    const good = judged([{ company: company('a'), relevance: 3, rationale: 'x', turnsOn: ['capability'] }]);
    const bad = { ...judged([{ company: company('b', { sectors: ['HEALTH'] }), relevance: 3, rationale: 'x', turnsOn: ['sector'] }]), need: { ...need, id: 'other' } };
    const figures = measureRelevance([good, bad], DEFAULT_POLICY);
    expect(figures.perNeed.map((n) => n.ndcgAt10)).toEqual([1, 0]);
    expect(figures).toMatchObject({ ndcgAt10: 0.5, precisionAt5: 0.1, needs: 2, pairs: 2 });
  });

  it('tells a sensible policy from a careless one on the judged set', () => {
    const sensible = measureRelevance(JUDGED_SET, DEFAULT_POLICY);
    const careless = measureRelevance(JUDGED_SET, only('kansai'));
    expect(sensible.pairs).toBeGreaterThanOrEqual(60);
    expect(sensible.ndcgAt10).toBeGreaterThan(careless.ndcgAt10);
    // Today's figures under the default policy (npm run eval:matching): a floor against regressions.
    expect(sensible.ndcgAt10).toBeGreaterThanOrEqual(0.9);
    expect(sensible.precisionAt5).toBeGreaterThanOrEqual(0.5);
  });
});
