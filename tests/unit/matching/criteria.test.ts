import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Capability } from '../../../lib/generated/prisma/enums';
import { CONTEXT, makeCompany, makeNeed, period, read } from './builders';

// Each criterion's value on every branch, read through evaluateMatch with all the weight on it
// (so a changed constant, comparison or branch shows as a changed score).

describe('capability', () => {
  it('grades the share of required capabilities the company offers', () => {
    const need = makeNeed({ requiredCapabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'] });
    expect(read('capability', need, makeCompany({ capabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'] })))
      .toMatchObject({ points: 100, code: 'ALL_CAPABILITIES', params: { covered: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'], missing: [] } });
    expect(read('capability', need, makeCompany({ capabilities: ['WATER_NETWORK_REPAIR', 'IRRIGATION'] })))
      .toMatchObject({ points: 50, code: 'SOME_CAPABILITIES', params: { covered: ['WATER_NETWORK_REPAIR'], missing: ['WATER_PURIFICATION'] } });
    expect(read('capability', need, makeCompany({ capabilities: ['IRRIGATION'] })))
      .toMatchObject({ points: 0, code: 'NO_REQUIRED_CAPABILITY', params: { covered: [], missing: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'] } });
  });

  it('gives half marks when the need names no capability', () => {
    expect(read('capability', makeNeed({ requiredCapabilities: [] }), makeCompany())).toMatchObject({ points: 50, code: 'NO_REQUIRED_CAPABILITIES' });
  });

  it('counts a capability named twice once', () => {
    expect(read('capability', makeNeed({ requiredCapabilities: ['WATER_PURIFICATION', 'WATER_PURIFICATION'] }), makeCompany()).points).toBe(100);
  });

  it('tells apart capabilities in the first and the second bit mask', () => {
    // POWER_GENERATORS is the first capability, TELECOM_NETWORKS the 31st: the same bit in each mask.
    const values = Object.values(Capability);
    expect(values.indexOf('POWER_GENERATORS')).toBe(0);
    expect(values.indexOf('TELECOM_NETWORKS')).toBe(30);
    const telecom = makeNeed({ requiredCapabilities: ['TELECOM_NETWORKS'] });
    expect(read('capability', telecom, makeCompany({ capabilities: ['POWER_GENERATORS'] })).points).toBe(0);
    expect(read('capability', telecom, makeCompany({ capabilities: ['TELECOM_NETWORKS'] })).points).toBe(100);
    const power = makeNeed({ requiredCapabilities: ['POWER_GENERATORS'] });
    expect(read('capability', power, makeCompany({ capabilities: ['TELECOM_NETWORKS'] })).points).toBe(0);
    expect(read('capability', power, makeCompany({ capabilities: ['POWER_GENERATORS'] })).points).toBe(100);
    const both = makeNeed({ requiredCapabilities: ['POWER_GENERATORS', 'PROJECT_MANAGEMENT', 'SATELLITE_COMMUNICATIONS'] });
    expect(read('capability', both, makeCompany({ capabilities: ['PROJECT_MANAGEMENT', 'SATELLITE_COMMUNICATIONS'] })).points).toBe(67);
  });

  it('ignores a capability outside the vocabulary', () => {
    const unknown = 'NOT_A_CAPABILITY' as Capability;
    // On both sides it is never "covered": it must not take a bit of its own.
    expect(read('capability', makeNeed({ requiredCapabilities: ['WATER_PURIFICATION', unknown] }), makeCompany({ capabilities: ['WATER_PURIFICATION', 'OTHER' as Capability] })).points).toBe(50);
    expect(read('capability', makeNeed(), makeCompany({ capabilities: [unknown, 'WATER_PURIFICATION'] })).points).toBe(100);
    expect(read('capability', makeNeed(), makeCompany({ capabilities: [unknown] })).points).toBe(0);
  });

  it('equals the share of distinct required capabilities covered, for any two sets', () => {
    const someCapabilities = fc.uniqueArray(fc.constantFrom(...Object.values(Capability)), { maxLength: 34 });
    fc.assert(
      fc.property(someCapabilities.filter((c) => c.length > 0), someCapabilities, (required, offered) => {
        const covered = required.filter((c) => offered.includes(c)).length;
        expect(read('capability', makeNeed({ requiredCapabilities: required }), makeCompany({ capabilities: offered })).points)
          .toBe(Math.round((100 * covered) / required.length));
      }),
      { numRuns: 300 },
    );
  });
});

describe('security', () => {
  const listed = (status: Parameters<typeof period>[0], whole = true) => makeNeed({}, { periods: [period(status, '2023-01-01', null, whole)] });

  it('gives nothing in an occupied hromada, even to the boldest company', () => {
    expect(read('security', listed('TEMPORARILY_OCCUPIED'), makeCompany({ riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['SUPPLY_ONLY'] })))
      .toMatchObject({ points: 0, code: 'SITE_OCCUPIED' });
  });

  it('reads occupied settlements of a hromada as active hostilities for the rest of it', () => {
    expect(read('security', listed('TEMPORARILY_OCCUPIED', false), makeCompany({ riskAppetite: 'ACTIVE_HOSTILITIES' })))
      .toMatchObject({ points: 75, code: 'WITHIN_RISK_APPETITE', params: { status: 'TEMPORARILY_OCCUPIED', atEdge: true, isSme: true } });
  });

  it('gives nothing to a company that waits for a ceasefire wherever any settlement is listed', () => {
    const waiting = makeCompany({ riskAppetite: 'AFTER_CEASEFIRE_ONLY', deliveryModes: ['SUPPLY_ONLY'] });
    expect(read('security', listed('POSSIBLE_HOSTILITIES', false), waiting)).toMatchObject({ points: 0, code: 'WAITS_FOR_CEASEFIRE', params: { status: 'POSSIBLE_HOSTILITIES' } });
    expect(read('security', makeNeed(), waiting)).toMatchObject({ points: 100, code: 'NOT_ON_HOSTILITIES_LIST' });
  });

  it('beyond the risk appetite: 40 for delivery without travel, nothing for work on site', () => {
    const active = listed('ACTIVE_HOSTILITIES');
    for (const mode of ['SUPPLY_ONLY', 'REMOTE_SUPPORT', 'TRAINING_IN_JAPAN'] as const) {
      expect(read('security', active, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES', deliveryModes: ['ON_SITE', mode] })))
        .toMatchObject({ points: 40, code: 'REMOTE_DELIVERY_ONLY', params: { status: 'ACTIVE_HOSTILITIES', appetite: 'POSSIBLE_HOSTILITIES' } });
    }
    expect(read('security', active, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES' })))
      .toMatchObject({ points: 0, code: 'BEYOND_RISK_APPETITE', params: { status: 'ACTIVE_HOSTILITIES', appetite: 'POSSIBLE_HOSTILITIES' } });
    expect(read('security', listed('ACTIVE_HOSTILITIES_WITH_STATE_SERVICES'), makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES' })).points).toBe(0);
  });

  it('full marks off the list, and where only other settlements are listed', () => {
    expect(read('security', makeNeed(), makeCompany())).toMatchObject({ points: 100, code: 'NOT_ON_HOSTILITIES_LIST', params: { status: 'NONE' } });
    expect(read('security', listed('POSSIBLE_HOSTILITIES', false), makeCompany()))
      .toMatchObject({ points: 100, code: 'LISTED_SETTLEMENTS_ONLY', params: { status: 'POSSIBLE_HOSTILITIES' } });
  });

  it('a cautious company loses a little where hostilities ended within the year', () => {
    const recent = makeNeed({}, { periods: [period('ACTIVE_HOSTILITIES', '2024-01-01', '2026-06-30')] });
    expect(read('security', recent, makeCompany({ riskAppetite: 'NO_HOSTILITIES' })))
      .toMatchObject({ points: 80, code: 'RECENT_HOSTILITIES', params: { endedOn: '2026-06-30', partial: false } });
    expect(read('security', recent, makeCompany({ riskAppetite: 'AFTER_CEASEFIRE_ONLY' })).points).toBe(80);
    expect(read('security', recent, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES' }))).toMatchObject({ points: 100, code: 'NOT_ON_HOSTILITIES_LIST' });
    const recentAndPartial = makeNeed({}, { periods: [period('ACTIVE_HOSTILITIES', '2024-01-01', '2026-06-30'), period('POSSIBLE_HOSTILITIES', '2026-07-01', null, false)] });
    expect(read('security', recentAndPartial, makeCompany({ riskAppetite: 'NO_HOSTILITIES' })))
      .toMatchObject({ points: 80, params: { partial: true } });
  });

  it('within the risk appetite: less at its edge, and less for a large corporation (SMEs "take risks")', () => {
    const possible = listed('POSSIBLE_HOSTILITIES');
    expect(read('security', possible, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES' })))
      .toMatchObject({ points: 75, code: 'WITHIN_RISK_APPETITE', params: { atEdge: true, isSme: true, appetite: 'POSSIBLE_HOSTILITIES' } });
    expect(read('security', possible, makeCompany({ riskAppetite: 'ACTIVE_HOSTILITIES' }))).toMatchObject({ points: 90, params: { atEdge: false } });
    expect(read('security', possible, makeCompany({ riskAppetite: 'POSSIBLE_HOSTILITIES', isSme: false }))).toMatchObject({ points: 60, params: { isSme: false } });
    expect(read('security', possible, makeCompany({ riskAppetite: 'ACTIVE_HOSTILITIES', isSme: false })).points).toBe(72);
    expect(read('security', listed('ACTIVE_HOSTILITIES'), makeCompany({ riskAppetite: 'ACTIVE_HOSTILITIES' })).points).toBe(75);
  });
});

describe('integrity', () => {
  const PROZORRO = { procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-21-002209-a' } as const;
  const DREAM = { procurementMethod: 'DREAM', dreamProjectId: 'DREAM-1' } as const;

  it('grades a declared public tender and international oversight below verified evidence', () => {
    // Declared only: top marks are kept for what Prozorro or DREAM verified (integrity-evidence.test.ts).
    expect(read('integrity', makeNeed({ ...PROZORRO, fundingSource: 'DONOR_GRANT' }), makeCompany()))
      .toMatchObject({ points: 75, code: 'TRANSPARENT_AND_OVERSEEN', params: { procurement: 'PROZORRO', funding: 'DONOR_GRANT' } });
    expect(read('integrity', makeNeed({ ...DREAM }), makeCompany())).toMatchObject({ points: 60, code: 'TRANSPARENT_TENDER' });
    expect(read('integrity', makeNeed({ fundingSource: 'JICA' }), makeCompany())).toMatchObject({ points: 50, code: 'INTERNATIONAL_OVERSIGHT' });
    expect(read('integrity', makeNeed({ fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION' }), makeCompany()).points).toBe(50);
    expect(read('integrity', makeNeed(), makeCompany())).toMatchObject({ points: 20, code: 'NO_TRANSPARENCY_SIGNAL', params: { procurement: 'NONE', funding: 'MUNICIPAL_BUDGET' } });
  });

  it('grades what Prozorro or DREAM verified, whatever was declared, and says so', () => {
    const record = { source: 'PROZORRO', verifiedOn: '2026-11-20', procedure: 'open', bids: 4, funders: [] as string[] } as const;
    const facts = { source: 'PROZORRO', verifiedOn: '2026-11-20', procedure: 'open', bids: 4 };
    // A verified funder: full marks, even where the hromada declared its own budget and no tender.
    expect(read('integrity', makeNeed({ tenderEvidence: { ...record, funders: ['EBRD'] } }), makeCompany()))
      .toMatchObject({ points: 100, code: 'VERIFIED_TENDER_FUNDED', params: { ...facts, funders: ['EBRD'] } });
    // A verified competitive tender, with donor money only declared: 0.9; with the hromada's own budget: 0.8.
    expect(read('integrity', makeNeed({ fundingSource: 'DONOR_GRANT', tenderEvidence: record }), makeCompany()))
      .toEqual({ points: 90, score: 90, code: 'VERIFIED_TENDER_DECLARED_FUNDING', params: { ...facts, funding: 'DONOR_GRANT' } });
    expect(read('integrity', makeNeed({ tenderEvidence: record }), makeCompany()))
      .toEqual({ points: 80, score: 80, code: 'VERIFIED_TENDER', params: { ...facts, funding: 'MUNICIPAL_BUDGET' } });
    // Selective is competitive (any qualified supplier may bid); limited and direct are not.
    expect(read('integrity', makeNeed({ tenderEvidence: { ...record, procedure: 'selective' } }), makeCompany()).points).toBe(80);
    for (const procedure of ['limited', 'direct'] as const) {
      expect(read('integrity', makeNeed({ tenderEvidence: { ...record, procedure } }), makeCompany())).toMatchObject({ points: 10, code: 'VERIFIED_NOT_COMPETITIVE' });
    }
    // A record without a tender section proves no competition, even against a declared Prozorro tender;
    // declared oversight still counts for something.
    expect(read('integrity', makeNeed({ ...PROZORRO, fundingSource: 'JICA', tenderEvidence: { ...record, procedure: null, bids: null } }), makeCompany()))
      .toEqual({ points: 40, score: 40, code: 'VERIFIED_NOT_COMPETITIVE', params: { source: 'PROZORRO', verifiedOn: '2026-11-20', procedure: 'none', bids: -1, procurement: 'PROZORRO', funding: 'JICA' } });
  });

  it('a tender counts only with the identifier that lets anyone look it up', () => {
    expect(read('integrity', makeNeed({ procurementMethod: 'PROZORRO' }), makeCompany()).points).toBe(20);
    expect(read('integrity', makeNeed({ procurementMethod: 'DREAM' }), makeCompany()).points).toBe(20);
    expect(read('integrity', makeNeed({ procurementMethod: 'PROZORRO', dreamProjectId: 'DREAM-1' }), makeCompany()).points).toBe(20);
    expect(read('integrity', makeNeed({ procurementMethod: 'DREAM', prozorroTenderId: 'UA-2025-01-21-002209-a' }), makeCompany()).points).toBe(20);
    expect(read('integrity', makeNeed({ procurementMethod: 'NONE', prozorroTenderId: 'UA-2025-01-21-002209-a', dreamProjectId: 'DREAM-1' }), makeCompany()).points).toBe(20);
  });

  it('own budgets and private money carry no international checks', () => {
    for (const fundingSource of ['STATE_BUDGET', 'PRIVATE', 'NOT_YET_FUNDED', 'MUNICIPAL_BUDGET'] as const) {
      expect(read('integrity', makeNeed({ fundingSource }), makeCompany()).points).toBe(20);
    }
  });
});

describe('stage', () => {
  it('full marks for a stage the company works in, none otherwise', () => {
    expect(read('stage', makeNeed(), makeCompany())).toMatchObject({ points: 100, code: 'STAGE_MATCH', params: { stage: 'RAPID_RECOVERY' } });
    expect(read('stage', makeNeed({ stage: 'RECONSTRUCTION' }), makeCompany())).toMatchObject({ points: 0, code: 'STAGE_MISMATCH', params: { stage: 'RECONSTRUCTION' } });
    expect(read('stage', makeNeed({ stage: 'RECONSTRUCTION' }), makeCompany({ stages: ['RECONSTRUCTION'] })).points).toBe(100);
    expect(read('stage', makeNeed(), makeCompany({ stages: ['RECONSTRUCTION'] })).points).toBe(0);
    expect(read('stage', makeNeed({ stage: 'RECONSTRUCTION' }), makeCompany({ stages: ['RAPID_RECOVERY', 'RECONSTRUCTION'] })).points).toBe(100);
  });
});

describe('scale', () => {
  it('half marks when the budget is unknown', () => {
    expect(read('scale', makeNeed({ budgetAmount: null, budgetCurrency: null }), makeCompany())).toMatchObject({ points: 50, code: 'BUDGET_UNKNOWN' });
    expect(read('scale', makeNeed({ budgetAmount: 1_000, budgetCurrency: null }), makeCompany()).points).toBe(50);
    expect(read('scale', makeNeed({ budgetAmount: null, budgetCurrency: 'EUR' }), makeCompany()).points).toBe(50);
  });

  it('full marks up to the capacity; above it, less than half, falling by one log10 step to zero at ten times it', () => {
    const company = makeCompany({ maxProjectEur: 1_000_000 });
    expect(read('scale', makeNeed({ budgetAmount: 1_000_000 }), company)).toMatchObject({ points: 100, code: 'WITHIN_CAPACITY', params: { budgetEur: 1_000_000, capacityEur: 1_000_000 } });
    expect(read('scale', makeNeed({ budgetAmount: 2_000_000 }), company)).toMatchObject({ points: 35, code: 'ABOVE_CAPACITY', params: { budgetEur: 2_000_000 } });
    // Just above the capacity the sentence is already against the pair: under half, never full marks.
    expect(read('scale', makeNeed({ budgetAmount: 1_000_001 }), company)).toMatchObject({ points: 50, code: 'ABOVE_CAPACITY' });
    expect(read('scale', makeNeed({ budgetAmount: 1_100_000 }), company).points).toBe(48);
    expect(read('scale', makeNeed({ budgetAmount: 10_000_000 }), company).points).toBe(0);
    expect(read('scale', makeNeed({ budgetAmount: 50_000_000 }), company).points).toBe(0);
  });

  it('a very small job is worth less to a large corporation, not to an SME', () => {
    const large = makeCompany({ isSme: false, maxProjectEur: 100_000_000 });
    expect(read('scale', makeNeed({ budgetAmount: 400_000 }), large)).toMatchObject({ points: 60, code: 'SMALL_FOR_LARGE_COMPANY' });
    expect(read('scale', makeNeed({ budgetAmount: 500_000 }), large)).toMatchObject({ points: 100, code: 'WITHIN_CAPACITY' });
    expect(read('scale', makeNeed({ budgetAmount: 400_000 }), makeCompany({ maxProjectEur: 100_000_000 })).points).toBe(100);
  });

  it('compares in euros, and uses the estimate from capital and staff where the company names no maximum', () => {
    const company = makeCompany({ maxProjectEur: 11_000 });
    // Twice the capacity at the reference rates (prisma/reference/exchange-rates.json).
    expect(read('scale', makeNeed({ budgetAmount: 22_000 * 51.03685457, budgetCurrency: 'UAH' }), company)).toMatchObject({ points: 35, params: { budgetEur: 22_000 } });
    expect(read('scale', makeNeed({ budgetAmount: 22_000 * 185.82, budgetCurrency: 'JPY' }), company).points).toBe(35);
    expect(read('scale', makeNeed({ budgetAmount: 22_000 * 1.1418, budgetCurrency: 'USD' }), company).points).toBe(35);
    // 10 M against an estimate of 5 M: 0.5 × (1 − log(2)/log(10)) = 0.349 → 35.
    expect(read('scale', makeNeed({ budgetAmount: 10_000_000 }), makeCompany({ maxProjectEur: null, estimatedCapacityEur: 5_000_000 })))
      .toMatchObject({ points: 35, params: { capacityEur: 5_000_000 } });
    expect(read('scale', makeNeed({ budgetAmount: 400_000_000 }), makeCompany({ maxProjectEur: null, estimatedCapacityEur: 200_000_000, isSme: false })))
      .toMatchObject({ points: 35, params: { capacityEur: 200_000_000 } });
    // A maximum the company names outweighs the estimate, in either direction.
    expect(read('scale', makeNeed({ budgetAmount: 2_000_000 }), makeCompany({ maxProjectEur: 1_000_000, estimatedCapacityEur: 50_000_000 })))
      .toMatchObject({ points: 35, params: { capacityEur: 1_000_000 } });
    expect(read('scale', makeNeed({ budgetAmount: 2_000_000 }), makeCompany({ maxProjectEur: 2_000_000, estimatedCapacityEur: 100_000 })))
      .toMatchObject({ points: 100, params: { capacityEur: 2_000_000 } });
  });
});

describe('kansai, sister city, experience, reciprocal interest', () => {
  it('Kansai companies get the Kansai points', () => {
    expect(read('kansai', makeNeed(), makeCompany({ region: 'KANSAI', prefectureCode: '27' }))).toMatchObject({ points: 100, code: 'KANSAI_COMPANY', params: { prefectureCode: '27' } });
    expect(read('kansai', makeNeed(), makeCompany({ region: 'CHUGOKU', prefectureCode: '34' }))).toMatchObject({ points: 0, code: 'OUTSIDE_KANSAI', params: { prefectureCode: '34' } });
  });

  // Real codes from prisma/reference/japan-municipalities.csv: Yokohama 141003 (its Naka ward
  // 141046 carries the city's code), Kawasaki 141305, Kyoto 261009, Uji 262048; Kanagawa 14, Kyoto pref. 26.
  const YOKOHAMA = { kind: 'CITY', japanCode: '141003', prefectureCode: '14', nameJa: '横浜市', nameEn: 'Yokohama', sinceYear: 1965 } as const;
  const KYOTO = { kind: 'CITY', japanCode: '261009', prefectureCode: '26', nameJa: '京都市', nameEn: 'Kyoto', sinceYear: 1971 } as const;
  const UJI = { kind: 'CITY', japanCode: '262048', prefectureCode: '26', nameJa: '宇治市', nameEn: 'Uji', sinceYear: 2000 } as const;
  const KANAGAWA = { kind: 'PREFECTURE', japanCode: '140007', prefectureCode: '14', nameJa: '神奈川県', nameEn: 'Kanagawa', sinceYear: 1986 } as const;
  const inYokohama = (fields: Parameters<typeof makeCompany>[0] = {}) => makeCompany({ prefectureCode: '14', cityCode: '141003', ...fields });

  it('the sister city itself, then its prefecture, compared by code', () => {
    const odesa = makeNeed({}, { sisterTies: [YOKOHAMA] });
    expect(read('sisterCity', odesa, inYokohama()))
      .toMatchObject({ points: 100, code: 'SISTER_CITY', params: { cityJa: '横浜市', cityEn: 'Yokohama', sinceYear: 1965 } });
    // Spelling does not matter by design: the code decides, whatever the company typed as its city.
    expect(read('sisterCity', odesa, inYokohama({ cityEn: 'Naka-ku, Yokohama' })).points).toBe(100);
    expect(read('sisterCity', odesa, inYokohama({ cityEn: 'Kawasaki' })).points).toBe(100);
    expect(read('sisterCity', odesa, makeCompany({ prefectureCode: '14', cityEn: 'Yokohama', cityCode: '141305' })))
      .toMatchObject({ points: 50, code: 'SISTER_CITY_PREFECTURE', params: { cityEn: 'Yokohama', prefectureCode: '14' } });
    // A company that has not picked its city from the list is only "in the prefecture".
    expect(read('sisterCity', odesa, makeCompany({ prefectureCode: '14', cityEn: 'Yokohama', cityCode: null })).points).toBe(50);
    // The same city code in another prefecture is impossible, but the prefecture is checked first.
    expect(read('sisterCity', odesa, makeCompany({ prefectureCode: '27', cityCode: '141003' }))).toMatchObject({ points: 0, code: 'NO_SISTER_TIE' });
    expect(read('sisterCity', makeNeed(), inYokohama()).points).toBe(0);
  });

  it('a prefecture tied to the oblast counts for any company in the prefecture, below the city itself', () => {
    const oblast = makeNeed({}, { sisterTies: [KANAGAWA] });
    expect(read('sisterCity', oblast, makeCompany({ prefectureCode: '14', cityCode: '141305' })))
      .toMatchObject({ points: 75, code: 'SISTER_PREFECTURE', params: { cityJa: '神奈川県', cityEn: 'Kanagawa', sinceYear: 1986 } });
    // Even a company whose city code happens to equal the prefecture tie's code is not "the city".
    expect(read('sisterCity', oblast, makeCompany({ prefectureCode: '14', cityCode: '140007' })).points).toBe(75);
    expect(read('sisterCity', oblast, makeCompany({ prefectureCode: '13', cityCode: '131016' })).points).toBe(0);
    // Both ties: the city's own outranks the prefecture's, in either order; a neighbour takes the prefecture's.
    for (const ties of [[KANAGAWA, YOKOHAMA], [YOKOHAMA, KANAGAWA]]) {
      const both = makeNeed({}, { sisterTies: ties });
      expect(read('sisterCity', both, inYokohama())).toMatchObject({ points: 100, code: 'SISTER_CITY' });
      expect(read('sisterCity', both, makeCompany({ prefectureCode: '14', cityCode: '141305' }))).toMatchObject({ points: 75, code: 'SISTER_PREFECTURE' });
    }
  });

  it('of equal ties, names the first listed (the loader orders them by code), so an explanation is stable', () => {
    const both = makeNeed({}, { sisterTies: [KYOTO, UJI] });
    const kameoka = makeCompany({ prefectureCode: '26', cityCode: '262064' });
    expect(read('sisterCity', both, kameoka)).toMatchObject({ points: 50, params: { cityEn: 'Kyoto' } });
    expect(read('sisterCity', makeNeed({}, { sisterTies: [UJI, KYOTO] }), kameoka)).toMatchObject({ points: 50, params: { cityEn: 'Uji' } });
  });

  it('keeps looking past a tie in the same prefecture for the city itself', () => {
    const twoTies = makeNeed({}, { sisterTies: [UJI, KYOTO] });
    expect(read('sisterCity', twoTies, makeCompany({ prefectureCode: '26', cityCode: '261009' }))).toMatchObject({ points: 100, params: { cityEn: 'Kyoto', sinceYear: 1971 } });
    expect(read('sisterCity', twoTies, makeCompany({ prefectureCode: '26', cityCode: '262048' }))).toMatchObject({ points: 100, params: { cityEn: 'Uji', sinceYear: 2000 } });
    const otherFirst = makeNeed({}, { sisterTies: [YOKOHAMA, KYOTO] });
    expect(read('sisterCity', otherFirst, makeCompany({ prefectureCode: '26', cityCode: '262048' })))
      .toMatchObject({ points: 50, code: 'SISTER_CITY_PREFECTURE', params: { cityEn: 'Kyoto', prefectureCode: '26' } });
  });

  it('mine action for demining, other post-conflict work, then disaster reconstruction', () => {
    const demining = makeNeed({ sector: 'DEMINING', requiredCapabilities: ['MINE_DETECTION'] });
    const deminer = (fields: Parameters<typeof makeCompany>[0]) => makeCompany({ sectors: ['DEMINING'], capabilities: ['MINE_DETECTION'], ...fields });
    for (const country of ['KH', 'AF', 'IQ', 'BA']) {
      expect(read('experience', demining, deminer({ experienceCountries: ['US', country] })))
        .toMatchObject({ points: 100, code: 'MINE_ACTION_EXPERIENCE', params: { countries: [country] } });
    }
    expect(read('experience', demining, deminer({ experienceCountries: ['TL', 'US'] })))
      .toMatchObject({ points: 80, code: 'POST_CONFLICT_EXPERIENCE', params: { countries: ['TL'] } });
    expect(read('experience', makeNeed(), makeCompany({ experienceCountries: ['KH'] })))
      .toMatchObject({ points: 80, code: 'POST_CONFLICT_EXPERIENCE', params: { countries: ['KH'] } });
    expect(read('experience', demining, deminer({ hasDisasterReconstructionExperience: true }))).toMatchObject({ points: 60, code: 'DISASTER_RECONSTRUCTION_EXPERIENCE' });
    expect(read('experience', makeNeed(), makeCompany({ experienceCountries: ['US', 'FR'] }))).toMatchObject({ points: 0, code: 'NO_COMPARABLE_EXPERIENCE' });
  });

  it('knows which countries are mine-contaminated and which are post-conflict', () => {
    const demining = makeNeed({ sector: 'DEMINING', requiredCapabilities: ['MINE_DETECTION'] });
    const deminer = (country: string) => makeCompany({ sectors: ['DEMINING'], capabilities: ['MINE_DETECTION'], experienceCountries: [country] });
    for (const country of ['KH', 'AF', 'IQ', 'BA', 'AO', 'LA', 'VN', 'MZ', 'HR', 'LK', 'CO']) {
      expect(read('experience', demining, deminer(country)).points, country).toBe(100);
    }
    for (const country of ['TL', 'SS', 'RW', 'LR', 'SL', 'XK', 'RS', 'SY', 'YE', 'PS']) {
      expect(read('experience', demining, deminer(country)).points, country).toBe(80);
    }
    for (const country of ['US', 'FR', 'JP', '']) expect(read('experience', demining, deminer(country)).points, country).toBe(0);
  });

  it('registered interest, an invitation, or both', () => {
    expect(read('reciprocal', makeNeed(), makeCompany())).toMatchObject({ points: 0, code: 'NO_INTEREST_YET' });
    expect(read('reciprocal', makeNeed(), makeCompany(), { ...CONTEXT, companyRegisteredInterest: true })).toMatchObject({ points: 100, code: 'COMPANY_REGISTERED_INTEREST' });
    expect(read('reciprocal', makeNeed(), makeCompany(), { ...CONTEXT, municipalityInvitedCompany: true })).toMatchObject({ points: 100, code: 'MUNICIPALITY_INVITED' });
    expect(read('reciprocal', makeNeed(), makeCompany(), { ...CONTEXT, companyRegisteredInterest: true, municipalityInvitedCompany: true }))
      .toMatchObject({ points: 100, code: 'MUTUAL_INTEREST' });
  });
});
