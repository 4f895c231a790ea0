import { describe, expect, it } from 'vitest';
import { evaluateMatch, explainPair, prepareCompany, prepareNeed, scorePair, EXCLUDED, type MatchingPolicy } from '../../../lib/matching';
import { CONTEXT, makeCompany, makeNeed, NO_HARD, period, weighOnly } from './builders';

// Hard constraints: each one excludes exactly the pairs it should, names itself and its reason,
// and only when the policy makes it hard (sector always is).

const hard = (fields: Partial<MatchingPolicy['hardConstraints']>): MatchingPolicy => weighOnly('capability', { ...NO_HARD, ...fields });
const fast = (need: ReturnType<typeof makeNeed>, company: ReturnType<typeof makeCompany>, policy: MatchingPolicy) =>
  scorePair(prepareNeed(need, CONTEXT.asOf), prepareCompany(company), CONTEXT, policy);

describe('hard constraints', () => {
  it('sector is always hard', () => {
    const result = evaluateMatch(makeNeed(), makeCompany({ sectors: ['ENERGY', 'HEALTH'] }), CONTEXT, hard({}));
    expect(result).toEqual({ kind: 'excluded', failed: [{ constraint: 'sector', reason: { code: 'OUTSIDE_COMPANY_SECTORS', params: { sector: 'WATER_SANITATION' } } }] });
    expect(fast(makeNeed(), makeCompany({ sectors: ['ENERGY'] }), hard({}))).toBe(EXCLUDED);
    expect(evaluateMatch(makeNeed(), makeCompany({ sectors: ['ENERGY', 'WATER_SANITATION'] }), CONTEXT, hard({})).kind).toBe('scored');
  });

  it('security: occupied, waiting for a ceasefire, beyond the appetite on site', () => {
    const on = hard({ security: true });
    const occupied = makeNeed({}, { periods: [period('TEMPORARILY_OCCUPIED', '2022-03-01')] });
    expect(evaluateMatch(occupied, makeCompany({ riskAppetite: 'ACTIVE_HOSTILITIES' }), CONTEXT, on))
      .toEqual({ kind: 'excluded', failed: [{ constraint: 'security', reason: { code: 'SITE_OCCUPIED', params: {} } }] });
    const possible = makeNeed({}, { periods: [period('POSSIBLE_HOSTILITIES', '2022-03-01', null, false)] });
    expect(evaluateMatch(possible, makeCompany({ riskAppetite: 'AFTER_CEASEFIRE_ONLY', deliveryModes: ['SUPPLY_ONLY'] }), CONTEXT, on))
      .toEqual({ kind: 'excluded', failed: [{ constraint: 'security', reason: { code: 'WAITS_FOR_CEASEFIRE', params: { status: 'POSSIBLE_HOSTILITIES', wholeHromada: false } } }] });
    const active = makeNeed({}, { periods: [period('ACTIVE_HOSTILITIES', '2022-03-01')] });
    expect(evaluateMatch(active, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES' }), CONTEXT, on))
      .toEqual({ kind: 'excluded', failed: [{ constraint: 'security', reason: { code: 'BEYOND_RISK_APPETITE', params: { status: 'ACTIVE_HOSTILITIES', appetite: 'POSSIBLE_HOSTILITIES', wholeHromada: true } } }] });
    for (const [need, company] of [
      [occupied, makeCompany({ riskAppetite: 'ACTIVE_HOSTILITIES' })],
      [possible, makeCompany({ riskAppetite: 'AFTER_CEASEFIRE_ONLY' })],
      [active, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES' })],
    ] as const) {
      expect(fast(need, company, on)).toBe(EXCLUDED);
      expect(evaluateMatch(need, company, CONTEXT, hard({})).kind).toBe('scored');
    }
  });

  it('without the security constraint, a pair beyond the appetite is scored (0 on security), fast or explained', () => {
    const active = makeNeed({}, { periods: [period('ACTIVE_HOSTILITIES', '2022-03-01')] });
    const policy = weighOnly('security');
    expect(fast(active, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES' }), policy)).toBe(0);
    expect(fast(active, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES', deliveryModes: ['SUPPLY_ONLY'] }), policy)).toBe(40);
    expect(EXCLUDED).toBeLessThan(0);
  });

  it('the fast path scores the branches the explanation names without being asked to explain', () => {
    const recent = makeNeed({}, { periods: [period('ACTIVE_HOSTILITIES', '2024-01-01', '2026-06-30')] });
    expect(fast(recent, makeCompany({ riskAppetite: 'NO_HOSTILITIES' }), weighOnly('security'))).toBe(80);
    expect(fast(makeNeed({ requiredCapabilities: [] }), makeCompany(), weighOnly('capability'))).toBe(50);
    const occupied = makeNeed({}, { periods: [period('TEMPORARILY_OCCUPIED', '2022-03-01')] });
    expect(fast(occupied, makeCompany({ riskAppetite: 'ACTIVE_HOSTILITIES' }), weighOnly('security'))).toBe(0);
    const waiting = makeNeed({}, { periods: [period('POSSIBLE_HOSTILITIES', '2022-03-01')] });
    expect(fast(waiting, makeCompany({ riskAppetite: 'AFTER_CEASEFIRE_ONLY' }), weighOnly('security'))).toBe(0);
    expect(fast(waiting, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES' }), weighOnly('security'))).toBe(75);
    // Each sister-tie grade, without a reason to give: the city, a prefecture tied to the oblast, a tied city's prefecture.
    const tie = (kind: 'CITY' | 'PREFECTURE', japanCode: string) => ({ kind, japanCode, prefectureCode: '14', nameJa: '', nameEn: '', sinceYear: 1965 });
    const yokohama = makeCompany({ prefectureCode: '14', cityCode: '141003' });
    expect(fast(makeNeed({}, { sisterTies: [tie('CITY', '141003')] }), yokohama, weighOnly('sisterCity'))).toBe(100);
    expect(fast(makeNeed({}, { sisterTies: [tie('PREFECTURE', '140007')] }), yokohama, weighOnly('sisterCity'))).toBe(75);
    expect(fast(makeNeed({}, { sisterTies: [tie('CITY', '141305')] }), yokohama, weighOnly('sisterCity'))).toBe(50);
  });

  it('security lets through delivery without travel, a site within the appetite, and a site off the list', () => {
    const on = hard({ security: true });
    const active = makeNeed({}, { periods: [period('ACTIVE_HOSTILITIES', '2022-03-01')] });
    expect(fast(active, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES', deliveryModes: ['SUPPLY_ONLY'] }), on)).toBe(100);
    expect(fast(active, makeCompany({ riskAppetite: 'ACTIVE_HOSTILITIES' }), on)).toBe(100);
    expect(fast(makeNeed(), makeCompany({ riskAppetite: 'AFTER_CEASEFIRE_ONLY' }), on)).toBe(100);
    const partlyOccupied = makeNeed({}, { periods: [period('TEMPORARILY_OCCUPIED', '2022-03-01', null, false)] });
    expect(fast(partlyOccupied, makeCompany({ riskAppetite: 'ACTIVE_HOSTILITIES' }), on)).toBe(100);
  });

  it('integrity: a company that requires a public tender, or international oversight', () => {
    const on = hard({ integrity: true });
    const tender = makeCompany({ tenderRequirement: 'TRANSPARENT_TENDER' });
    const oversight = makeCompany({ tenderRequirement: 'IFI_OR_DONOR_OVERSIGHT' });
    expect(evaluateMatch(makeNeed({ fundingSource: 'JICA' }), tender, CONTEXT, on))
      .toEqual({ kind: 'excluded', failed: [{ constraint: 'integrity', reason: { code: 'REQUIRES_TRANSPARENT_TENDER', params: { procurement: 'NONE' } } }] });
    expect(evaluateMatch(makeNeed({ procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-1' }), oversight, CONTEXT, on))
      .toEqual({ kind: 'excluded', failed: [{ constraint: 'integrity', reason: { code: 'REQUIRES_INTERNATIONAL_OVERSIGHT', params: { funding: 'MUNICIPAL_BUDGET' } } }] });
    expect(fast(makeNeed({ procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-1' }), tender, on)).toBe(100);
    expect(fast(makeNeed({ fundingSource: 'DONOR_GRANT' }), oversight, on)).toBe(100);
    expect(fast(makeNeed(), makeCompany(), on)).toBe(100);
    expect(fast(makeNeed(), tender, on)).toBe(EXCLUDED);
    expect(fast(makeNeed(), oversight, on)).toBe(EXCLUDED);
    expect(fast(makeNeed(), tender, hard({}))).toBe(100);
    expect(fast(makeNeed(), oversight, hard({}))).toBe(100);
  });

  it('stage, when hard', () => {
    const company = makeCompany({ stages: ['RECONSTRUCTION'] });
    expect(evaluateMatch(makeNeed(), company, CONTEXT, hard({ stage: true })))
      .toEqual({ kind: 'excluded', failed: [{ constraint: 'stage', reason: { code: 'STAGE_MISMATCH', params: { stage: 'RAPID_RECOVERY' } } }] });
    expect(fast(makeNeed(), company, hard({ stage: true }))).toBe(EXCLUDED);
    expect(fast(makeNeed({ stage: 'RECONSTRUCTION' }), company, hard({ stage: true }))).toBe(100);
    expect(fast(makeNeed(), company, hard({}))).toBe(100);
  });

  it('scale, when hard: more than ten times the capacity', () => {
    const on = hard({ scale: true });
    const company = makeCompany({ maxProjectEur: 1_000_000 });
    expect(evaluateMatch(makeNeed({ budgetAmount: 10_000_001.4 }), company, CONTEXT, on))
      .toEqual({ kind: 'excluded', failed: [{ constraint: 'scale', reason: { code: 'FAR_ABOVE_CAPACITY', params: { budgetEur: 10_000_001, capacityEur: 1_000_000 } } }] });
    expect(fast(makeNeed({ budgetAmount: 10_000_001 }), company, on)).toBe(EXCLUDED);
    expect(fast(makeNeed({ budgetAmount: 10_000_000 }), company, on)).toBe(100);
    expect(fast(makeNeed({ budgetAmount: null, budgetCurrency: null }), company, on)).toBe(100);
    expect(fast(makeNeed({ budgetAmount: 50_000_000 }), company, hard({}))).toBe(100);
  });

  it('names every failed constraint when explaining, and stops at the first when only scoring', () => {
    const all = hard({ security: true, integrity: true, stage: true, scale: true });
    const need = makeNeed({ budgetAmount: 50_000_000 }, { periods: [period('ACTIVE_HOSTILITIES', '2022-03-01')] });
    const company = makeCompany({ sectors: ['ENERGY'], tenderRequirement: 'TRANSPARENT_TENDER', stages: ['RECONSTRUCTION'], maxProjectEur: 1_000_000 });
    const result = explainPair(prepareNeed(need, CONTEXT.asOf), prepareCompany(company), CONTEXT, all);
    expect(result.kind === 'excluded' && result.failed.map((f) => f.constraint)).toEqual(['sector', 'security', 'integrity', 'stage', 'scale']);
    const oversight = evaluateMatch(makeNeed(), makeCompany({ tenderRequirement: 'IFI_OR_DONOR_OVERSIGHT' }), CONTEXT, all);
    expect(oversight.kind === 'excluded' && oversight.failed.map((f) => f.reason.code)).toEqual(['REQUIRES_INTERNATIONAL_OVERSIGHT']);
    // Each constraint alone also stops the fast path.
    const only = (c: keyof MatchingPolicy['hardConstraints']) => hard({ [c]: true });
    const inSector = { ...company, sectors: ['WATER_SANITATION'] as const };
    for (const c of ['security', 'integrity', 'stage', 'scale'] as const) expect(fast(need, inSector, only(c)), c).toBe(EXCLUDED);
  });
});
