import type { MatchCompany, MatchNeed, SitePeriod } from '../types';
import type { JudgedCandidate, JudgedNeed } from './types';

// The judged set: needs and candidate companies, each pair graded 0–3 by reading the two source
// documents (/work/shared/seeds in the project's history; cited below as
//   RP  — Getmanchuk & Litra, "Responsible Partnership", New Europe Center, 2023;
//   UJF — Fifth Ukraine–Japan Forum, panel of 5 March 2025, New Europe Center).
// The judgements were written before looking at the engine's scores: they say what a facilitator
// who has read the documents would recommend, so that the engine can be measured against them.
//
// Places, hromada codes, sister ties (prisma/reference/sister-cities.csv) and hostility statuses
// are the real ones used by the scenario tests; companies are fictional, needs are illustrative.

const AS_OF = new Date('2026-11-21');

const period = (status: SitePeriod['status'], start: string, end: string | null = null, isWholeHromada = true): SitePeriod => ({
  status, isWholeHromada, start: new Date(start), end: end ? new Date(end) : null,
});

const SITES = {
  odesa: { hromadaCode: 'UA51100270000073549', periods: [], sisterTies: [{ kind: 'CITY', japanCode: '141003', prefectureCode: '14', nameJa: '横浜市', nameEn: 'Yokohama', sinceYear: 1965 }] },
  kyiv: { hromadaCode: 'UA80000000000093317', periods: [], sisterTies: [{ kind: 'CITY', japanCode: '261009', prefectureCode: '26', nameJa: '京都市', nameEn: 'Kyoto', sinceYear: 1971 }] },
  lviv: { hromadaCode: 'UA46060250000025047', periods: [], sisterTies: [] },
  kharkiv: { hromadaCode: 'UA63120270000028556', periods: [period('ACTIVE_HOSTILITIES', '2022-02-24', '2022-09-15'), period('POSSIBLE_HOSTILITIES', '2022-09-15')], sisterTies: [] },
  izium: { hromadaCode: 'UA63040090000021240', periods: [period('POSSIBLE_HOSTILITIES', '2022-09-11')], sisterTies: [] },
  kherson: { hromadaCode: 'UA65100150000057191', periods: [period('TEMPORARILY_OCCUPIED', '2022-03-01', '2022-11-11'), period('ACTIVE_HOSTILITIES_WITH_STATE_SERVICES', '2023-05-01')], sisterTies: [] },
  bucha: { hromadaCode: 'UA32080070000050759', periods: [period('TEMPORARILY_OCCUPIED', '2022-02-25', '2022-04-01', false)], sisterTies: [] },
} satisfies Record<string, MatchNeed['site']>;

const need = (id: string, fields: Omit<MatchNeed, 'id' | 'prozorroTenderId' | 'dreamProjectId'> & Partial<MatchNeed>): MatchNeed => ({
  id, prozorroTenderId: null, dreamProjectId: null, ...fields,
});

// Places in Japan: prefecture code, region, city and its code on the official list (全国地方公共団体コード,
// prisma/reference/japan-municipalities.csv) as a company profile gives them.
const PLACE = {
  osaka: { prefectureCode: '27', region: 'KANSAI', cityEn: 'Osaka', cityCode: '271004' },
  sakai: { prefectureCode: '27', region: 'KANSAI', cityEn: 'Sakai', cityCode: '271403' },
  kobe: { prefectureCode: '28', region: 'KANSAI', cityEn: 'Kobe', cityCode: '281000' },
  kyoto: { prefectureCode: '26', region: 'KANSAI', cityEn: 'Kyoto', cityCode: '261009' },
  uji: { prefectureCode: '26', region: 'KANSAI', cityEn: 'Uji', cityCode: '262048' },
  yokohama: { prefectureCode: '14', region: 'KANTO', cityEn: 'Yokohama', cityCode: '141003' },
  kawasaki: { prefectureCode: '14', region: 'KANTO', cityEn: 'Kawasaki', cityCode: '141305' },
  tokyo: { prefectureCode: '13', region: 'KANTO', cityEn: 'Chiyoda', cityCode: '131016' },
  sendai: { prefectureCode: '04', region: 'TOHOKU', cityEn: 'Sendai', cityCode: '041009' },
  iwaki: { prefectureCode: '07', region: 'TOHOKU', cityEn: 'Iwaki', cityCode: '072044' },
  sapporo: { prefectureCode: '01', region: 'HOKKAIDO', cityEn: 'Sapporo', cityCode: '011002' },
  fukuoka: { prefectureCode: '40', region: 'KYUSHU_OKINAWA', cityEn: 'Fukuoka', cityCode: '401307' },
  hiroshima: { prefectureCode: '34', region: 'CHUGOKU', cityEn: 'Hiroshima', cityCode: '341002' },
  nagoya: { prefectureCode: '23', region: 'CHUBU', cityEn: 'Nagoya', cityCode: '231002' },
} as const satisfies Record<string, Pick<MatchCompany, 'prefectureCode' | 'region' | 'cityEn' | 'cityCode'>>;

type CompanyFields = Partial<MatchCompany> & Pick<MatchCompany, 'sectors' | 'capabilities'> & { at: keyof typeof PLACE };

const company = (id: string, { at, ...fields }: CompanyFields): MatchCompany => ({
  id,
  riskAppetite: 'NO_HOSTILITIES',
  deliveryModes: ['ON_SITE'],
  stages: ['RAPID_RECOVERY', 'RECONSTRUCTION'],
  tenderRequirement: 'NONE',
  maxProjectEur: null,
  // What the judgements assume a company can take on when it states no largest project: an SME
  // about €5 M, a large company about €200 M (the engine estimates it from capital and staff).
  estimatedCapacityEur: fields.isSme === false ? 200_000_000 : 5_000_000,
  isSme: true,
  experienceCountries: [],
  hasDisasterReconstructionExperience: false,
  ...PLACE[at],
  ...fields,
});

const judge = (
  relevance: JudgedCandidate['relevance'],
  turnsOn: JudgedCandidate['turnsOn'],
  rationale: string,
  companyValue: MatchCompany,
  interest: { asked?: boolean; invited?: boolean } = {},
): JudgedCandidate => ({ company: companyValue, relevance, turnsOn, rationale, ...interest });

export const JUDGED_SET: readonly JudgedNeed[] = [
  {
    asOf: AS_OF,
    need: need('energy-kharkiv-generators', {
      sector: 'ENERGY', stage: 'RAPID_RECOVERY', requiredCapabilities: ['POWER_GENERATORS'], budgetAmount: 1_500_000, budgetCurrency: 'EUR',
      fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2026-03-02-000101-a', site: SITES.kharkiv,
    }),
    candidates: [
      judge(3, ['capability', 'security', 'kansai'], 'Generators "each capable of providing electricity to 18,000 people" (RP) from an Osaka SME — SMEs "are far more willing to take risks" and concentrate in Kansai (UJF, Matsuda).',
        company('energy-a-osaka-generators', { at: 'osaka', sectors: ['ENERGY'], capabilities: ['POWER_GENERATORS'], riskAppetite: 'POSSIBLE_HOSTILITIES', maxProjectEur: 3_000_000 })),
      judge(0, ['security'], 'Works only after a ceasefire while Kharkiv is on the hostilities list: RP makes security "starting from the cessation of hostilities" its condition.',
        company('energy-b-tokyo-ceasefire', { at: 'tokyo', sectors: ['ENERGY'], capabilities: ['POWER_GENERATORS'], riskAppetite: 'AFTER_CEASEFIRE_ONLY', isSme: false, maxProjectEur: 300_000_000 })),
      judge(2, ['capability', 'security'], 'A large maker that supplies generators without sending staff: "Japanese generators" already proved their worth in Ukraine (RP), risk aversion of large companies (UJF, Matsunaga) limits it to supply.',
        company('energy-c-tokyo-supply', { at: 'tokyo', sectors: ['ENERGY'], capabilities: ['POWER_GENERATORS'], deliveryModes: ['SUPPLY_ONLY'], isSme: false, maxProjectEur: 100_000_000 })),
      judge(1, ['capability'], 'Solar and storage is energy work but not the generators asked for; rapid recovery needs the equipment named (RP: generators at the stage of rapid renovation).',
        company('energy-d-fukuoka-solar', { at: 'fukuoka', sectors: ['ENERGY'], capabilities: ['SOLAR_AND_STORAGE'], riskAppetite: 'POSSIBLE_HOSTILITIES' })),
      judge(2, ['capability', 'scale', 'experience', 'kansai'], 'Kobe SME with earthquake-reconstruction experience (RP: Japan rebuilt "after major natural disasters"), but the budget is three times what it takes on.',
        company('energy-e-kobe-small', { at: 'kobe', sectors: ['ENERGY'], capabilities: ['POWER_GENERATORS'], riskAppetite: 'POSSIBLE_HOSTILITIES', maxProjectEur: 500_000, hasDisasterReconstructionExperience: true })),
      judge(0, ['sector'], 'A medical-equipment company has no place in an energy need: JICA lists energy and health as separate sectors of Japan’s work (UJF, Matsunaga).',
        company('energy-f-kyoto-medical', { at: 'kyoto', sectors: ['HEALTH'], capabilities: ['MEDICAL_EQUIPMENT'], riskAppetite: 'POSSIBLE_HOSTILITIES' })),
      judge(3, ['capability', 'security', 'reciprocal', 'kansai'], 'A Sakai generator SME that accepts front-line risk and has already asked for this need: the SMEs Matsuda wants Ukraine to connect with (UJF).',
        company('energy-g-sakai-interested', { at: 'sakai', sectors: ['ENERGY'], capabilities: ['POWER_GENERATORS'], riskAppetite: 'ACTIVE_HOSTILITIES', maxProjectEur: 2_000_000 }), { asked: true }),
      judge(3, ['capability', 'security', 'experience'], 'Generators from a Hiroshima SME that worked on Iraq’s reconstruction — "years of taking part in reconstruction of other countries have helped Japan develop relevant expertise" (RP).',
        company('energy-h-hiroshima-iraq', { at: 'hiroshima', sectors: ['ENERGY'], capabilities: ['POWER_GENERATORS'], riskAppetite: 'POSSIBLE_HOSTILITIES', experienceCountries: ['IQ'], maxProjectEur: 2_000_000 })),
      judge(3, ['capability', 'integrity', 'security'], 'Insists on a public tender and this one is on Prozorro: "how tenders will be conducted … is a matter of principle for the Japanese side" (RP), and it accepts the site.',
        company('energy-i-nagoya-tender', { at: 'nagoya', sectors: ['ENERGY'], capabilities: ['POWER_GENERATORS', 'GRID_EQUIPMENT'], riskAppetite: 'POSSIBLE_HOSTILITIES', tenderRequirement: 'TRANSPARENT_TENDER', maxProjectEur: 4_000_000 })),
      judge(1, ['capability', 'scale'], 'Grid equipment, not generators, from a corporation for which €1.5 million is small; large companies are "somewhat reluctant" (UJF, Matsunaga).',
        company('energy-j-tokyo-grid', { at: 'tokyo', sectors: ['ENERGY'], capabilities: ['GRID_EQUIPMENT'], riskAppetite: 'POSSIBLE_HOSTILITIES', isSme: false, maxProjectEur: 300_000_000 })),
    ],
  },
  {
    asOf: AS_OF,
    need: need('demining-izium-survey', {
      sector: 'DEMINING', stage: 'RAPID_RECOVERY', requiredCapabilities: ['MINE_DETECTION', 'DEMINING_TRAINING'], budgetAmount: 2_000_000, budgetCurrency: 'EUR',
      fundingSource: 'JICA', procurementMethod: 'NONE', site: SITES.izium,
    }),
    candidates: [
      judge(3, ['capability', 'experience', 'security'], 'Detection and training with Cambodia experience: "Japan already has the history of working in another mine-contaminated country, Cambodia" (RP).',
        company('demining-a-cambodia', { at: 'hiroshima', sectors: ['DEMINING'], capabilities: ['MINE_DETECTION', 'DEMINING_TRAINING'], riskAppetite: 'ACTIVE_HOSTILITIES', experienceCountries: ['KH'] })),
      judge(2, ['capability', 'security'], 'Offers detection and accepts a listed site, without the Cambodia track record RP values; "the most mine-contaminated country in the world" needs it (RP).',
        company('demining-b-novice', { at: 'nagoya', sectors: ['DEMINING'], capabilities: ['MINE_DETECTION'], riskAppetite: 'POSSIBLE_HOSTILITIES' })),
      judge(1, ['capability', 'experience'], 'Machinery from Afghanistan work fits Tokyo’s wish "to transfer … the demining equipment previously used in Cambodia" (RP), but this need asks for survey and training.',
        company('demining-c-machinery', { at: 'tokyo', sectors: ['DEMINING'], capabilities: ['DEMINING_MACHINERY'], deliveryModes: ['SUPPLY_ONLY'], isSme: false, experienceCountries: ['AF'] })),
      judge(2, ['capability', 'experience', 'security'], 'Trains deminers in Japan with Cambodia experience — the "training course in Cambodia" for the State Emergency Service (RP) — but does no detection itself.',
        company('demining-d-training', { at: 'uji', sectors: ['DEMINING'], capabilities: ['DEMINING_TRAINING'], deliveryModes: ['TRAINING_IN_JAPAN'], experienceCountries: ['KH'] })),
      judge(0, ['integrity'], 'Requires a public tender and this JICA work has none: "how tenders will be conducted … is a matter of principle for the Japanese side" (RP) — the company’s own principle excludes it.',
        company('demining-e-tender-only', { at: 'osaka', sectors: ['DEMINING'], capabilities: ['MINE_DETECTION', 'DEMINING_TRAINING'], riskAppetite: 'ACTIVE_HOSTILITIES', tenderRequirement: 'TRANSPARENT_TENDER' })),
      judge(1, ['capability', 'security'], 'Robot tractors "that can work on potentially mine-contaminated agricultural land" (RP) help after clearance, not with survey and training.',
        company('demining-f-robot-tractors', { at: 'sapporo', sectors: ['DEMINING', 'AGRICULTURE'], capabilities: ['ROBOTIC_AGRI_MACHINERY'], riskAppetite: 'POSSIBLE_HOSTILITIES' })),
      judge(0, ['security'], 'Waits for a ceasefire and Izium is listed: security "starting from the cessation of hostilities" (RP) is this company’s condition.',
        company('demining-g-ceasefire', { at: 'tokyo', sectors: ['DEMINING'], capabilities: ['MINE_DETECTION'], riskAppetite: 'AFTER_CEASEFIRE_ONLY', isSme: false })),
    ],
  },
  {
    asOf: AS_OF,
    need: need('debris-bucha-clearance', {
      sector: 'DEBRIS_REMOVAL', stage: 'RAPID_RECOVERY', requiredCapabilities: ['DEBRIS_CLEARANCE', 'DEBRIS_RECYCLING'], budgetAmount: 3_000_000, budgetCurrency: 'EUR',
      fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'DREAM', dreamProjectId: 'DREAM-UA-KYI-2026-0147', site: SITES.bucha,
    }),
    candidates: [
      judge(3, ['capability', 'experience'], 'Sendai firm that cleared the 2011 tsunami debris: experience that "came in handy after the large-scale tsunami of 2011" (RP).',
        company('debris-a-sendai-tsunami', { at: 'sendai', sectors: ['DEBRIS_REMOVAL'], capabilities: ['DEBRIS_CLEARANCE', 'DEBRIS_RECYCLING'], hasDisasterReconstructionExperience: true, maxProjectEur: 5_000_000 })),
      judge(3, ['capability', 'experience', 'integrity'], 'Iraq reconstruction experience (RP) and asks for IFI oversight, which this IFI-funded DREAM project has — corruption judged by "international financial institutions" (RP).',
        company('debris-b-iraq-ifi', { at: 'tokyo', sectors: ['DEBRIS_REMOVAL'], capabilities: ['DEBRIS_CLEARANCE', 'DEBRIS_RECYCLING', 'HAZARDOUS_MATERIAL_HANDLING'], isSme: false, tenderRequirement: 'IFI_OR_DONOR_OVERSIGHT', experienceCountries: ['IQ'], maxProjectEur: 80_000_000 })),
      judge(1, ['capability', 'scale'], 'Clears but does not recycle, and the project is six times what it takes on; debris removal is one of JICA’s sectors (UJF) but this is too big for it.',
        company('debris-c-osaka-small', { at: 'osaka', sectors: ['DEBRIS_REMOVAL'], capabilities: ['DEBRIS_CLEARANCE'], riskAppetite: 'POSSIBLE_HOSTILITIES', maxProjectEur: 500_000 })),
      judge(0, ['capability'], 'In the sector but builds roads only: none of the "debris removal" work JICA lists among its sectors (UJF, Matsunaga).',
        company('debris-d-roads', { at: 'fukuoka', sectors: ['DEBRIS_REMOVAL', 'TRANSPORT'], capabilities: ['ROAD_CONSTRUCTION'] })),
      judge(1, ['stage', 'capability'], 'Fully capable but only takes large-scale reconstruction, and Tokyo "clearly divides" recovery from reconstruction (RP).',
        company('debris-e-reconstruction-only', { at: 'nagoya', sectors: ['DEBRIS_REMOVAL'], capabilities: ['DEBRIS_CLEARANCE', 'DEBRIS_RECYCLING'], stages: ['RECONSTRUCTION'] })),
      judge(2, ['capability', 'security'], 'Waits for a ceasefire, yet Bucha’s occupation ended in April 2022 and it is off the list: capable, and the site meets its security condition (RP).',
        company('debris-f-ceasefire-capable', { at: 'tokyo', sectors: ['DEBRIS_REMOVAL'], capabilities: ['DEBRIS_CLEARANCE', 'DEBRIS_RECYCLING'], riskAppetite: 'AFTER_CEASEFIRE_ONLY', isSme: false, maxProjectEur: 50_000_000 })),
      judge(2, ['capability', 'kansai'], 'Kyoto recycler with both capabilities and no track record abroad: capable, a Kansai SME (UJF), nothing more.',
        company('debris-g-kyoto-recycler', { at: 'kyoto', sectors: ['DEBRIS_REMOVAL'], capabilities: ['DEBRIS_RECYCLING', 'DEBRIS_CLEARANCE'], maxProjectEur: 4_000_000 })),
    ],
  },
  {
    asOf: AS_OF,
    need: need('transport-kherson-bridge', {
      sector: 'TRANSPORT', stage: 'RAPID_RECOVERY', requiredCapabilities: ['TEMPORARY_BRIDGES'], budgetAmount: 800_000, budgetCurrency: 'EUR',
      fundingSource: 'STATE_BUDGET', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2026-05-12-004417-a', site: SITES.kherson,
    }),
    candidates: [
      judge(3, ['capability', 'security', 'kansai'], 'Temporary bridges "that can be erected in 72 hours" (RP), built on site by a Sakai SME that accepts active hostilities (UJF: SMEs take risks).',
        company('transport-a-sakai-bridges', { at: 'sakai', sectors: ['TRANSPORT'], capabilities: ['TEMPORARY_BRIDGES'], riskAppetite: 'ACTIVE_HOSTILITIES', maxProjectEur: 2_000_000 })),
      judge(0, ['security'], 'A large corporation that works on site only where there are no hostilities, for a site with active ones: "one of the most stringent requirements for personnel safety" (RP).',
        company('transport-b-tokyo-onsite', { at: 'tokyo', sectors: ['TRANSPORT'], capabilities: ['TEMPORARY_BRIDGES', 'BRIDGE_ENGINEERING'], isSme: false })),
      judge(2, ['capability', 'security'], 'Ships bridge kits without sending staff: the bridge gets built, Japanese personnel stay safe (RP).',
        company('transport-c-supply-kits', { at: 'nagoya', sectors: ['TRANSPORT'], capabilities: ['TEMPORARY_BRIDGES'], deliveryModes: ['SUPPLY_ONLY'], isSme: false })),
      judge(0, ['security'], 'Accepts possible hostilities only, on site only, for a site with active hostilities: its own risk limit rules it out (UJF: risk aversion).',
        company('transport-d-cautious-sme', { at: 'hiroshima', sectors: ['TRANSPORT'], capabilities: ['TEMPORARY_BRIDGES'], riskAppetite: 'POSSIBLE_HOSTILITIES' })),
      judge(1, ['capability'], 'Builds roads, not the temporary bridge asked for; useful later in the "largest construction site in the world" (RP).',
        company('transport-e-roads', { at: 'osaka', sectors: ['TRANSPORT'], capabilities: ['ROAD_CONSTRUCTION'], riskAppetite: 'ACTIVE_HOSTILITIES' })),
      judge(0, ['integrity'], 'Requires IFI or donor oversight; a state-budget tender has none — the company relies on "international financial institutions", not Ukraine’s own claims (RP).',
        company('transport-f-ifi-only', { at: 'kobe', sectors: ['TRANSPORT'], capabilities: ['TEMPORARY_BRIDGES'], riskAppetite: 'ACTIVE_HOSTILITIES', tenderRequirement: 'IFI_OR_DONOR_OVERSIGHT' })),
      judge(1, ['stage', 'capability'], 'Has the bridges but offers them only for reconstruction; recovery and reconstruction are two stages in Tokyo’s view (RP).',
        company('transport-g-reconstruction-only', { at: 'osaka', sectors: ['TRANSPORT'], capabilities: ['TEMPORARY_BRIDGES'], riskAppetite: 'ACTIVE_HOSTILITIES', stages: ['RECONSTRUCTION'] })),
    ],
  },
  {
    asOf: AS_OF,
    need: need('water-odesa-purification', {
      sector: 'WATER_SANITATION', stage: 'RAPID_RECOVERY', requiredCapabilities: ['WATER_PURIFICATION'], budgetAmount: 900_000, budgetCurrency: 'EUR',
      fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-21-002209-a', site: SITES.odesa,
    }),
    candidates: [
      judge(3, ['capability', 'sisterCity'], '"Yokohama, which provides its sister city, Odesa, with mobile water purification systems" (RP): the exact case.',
        company('water-a-yokohama', { at: 'yokohama', sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], maxProjectEur: 2_000_000 })),
      judge(2, ['capability', 'sisterCity'], 'Purification from Kanagawa, the prefecture of Odesa’s sister city, but not Yokohama itself (RP).',
        company('water-b-kawasaki', { at: 'kawasaki', sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], maxProjectEur: 2_000_000 })),
      judge(2, ['capability', 'kansai'], 'An Osaka SME that purifies water: capable, and of the Kansai SMEs Matsuda points to (UJF).',
        company('water-c-osaka', { at: 'osaka', sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], riskAppetite: 'POSSIBLE_HOSTILITIES', maxProjectEur: 2_000_000 })),
      judge(1, ['capability'], 'Wastewater treatment is the same sector but not the "mobile water purification" Odesa receives from Yokohama (RP).',
        company('water-d-wastewater', { at: 'tokyo', sectors: ['WATER_SANITATION'], capabilities: ['WASTEWATER_TREATMENT'], isSme: false })),
      judge(1, ['capability', 'scale'], 'A large corporation for a €0.9 million job: capable, but large companies are "reluctant to enter the Ukrainian market" (UJF, Matsunaga) and this is far below its scale.',
        company('water-e-large', { at: 'tokyo', sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], isSme: false, maxProjectEur: 500_000_000 })),
      judge(1, ['capability', 'security'], 'Repairs networks, not purification; it waits for a ceasefire, and Odesa is off the list so its security condition (RP) holds, but it does not do this work.',
        company('water-f-network', { at: 'fukuoka', sectors: ['WATER_SANITATION'], capabilities: ['WATER_NETWORK_REPAIR'], riskAppetite: 'AFTER_CEASEFIRE_ONLY' })),
      judge(0, ['sector'], 'An energy company for a water need: JICA works "across many sectors" (UJF), and a company is matched only in its own.',
        company('water-g-energy', { at: 'yokohama', sectors: ['ENERGY'], capabilities: ['POWER_GENERATORS'] })),
      judge(1, ['stage', 'capability', 'sisterCity'], 'From Yokohama, but it offers its purification for reconstruction only, and Odesa needs rapid recovery — two stages Tokyo "clearly divides" (RP).',
        company('water-h-yokohama-reconstruction', { at: 'yokohama', sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION', 'WATER_NETWORK_REPAIR'], stages: ['RECONSTRUCTION'], maxProjectEur: 3_000_000 })),
      judge(3, ['capability', 'experience'], 'Mobile purification from Sendai, proven after the 2011 tsunami — experience that "came in handy" (RP) for exactly this kind of emergency water.',
        company('water-i-sendai-tsunami', { at: 'sendai', sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], hasDisasterReconstructionExperience: true, maxProjectEur: 2_000_000 })),
      judge(3, ['capability', 'reciprocal', 'kansai'], 'An Osaka purification SME that has already asked for this need: the Kansai SMEs Ukraine should connect with (UJF, Matsuda).',
        company('water-j-osaka-interested', { at: 'osaka', sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], riskAppetite: 'POSSIBLE_HOSTILITIES', maxProjectEur: 2_000_000 }), { asked: true }),
    ],
  },
  {
    asOf: AS_OF,
    need: need('health-kharkiv-clinics', {
      sector: 'HEALTH', stage: 'RECONSTRUCTION', requiredCapabilities: ['MODULAR_CLINICS', 'MEDICAL_EQUIPMENT'], budgetAmount: 12_000_000, budgetCurrency: 'EUR',
      fundingSource: 'INTERNATIONAL_FINANCIAL_INSTITUTION', procurementMethod: 'DREAM', dreamProjectId: 'DREAM-UA-KHA-2026-0311', site: SITES.kharkiv,
    }),
    candidates: [
      judge(3, ['capability', 'integrity', 'experience', 'security'], 'Clinics and equipment, Bosnia and Herzegovina reconstruction (RP), IFI oversight it asks for is there, and it accepts a listed site.',
        company('health-a-bosnia', { at: 'tokyo', sectors: ['HEALTH'], capabilities: ['MODULAR_CLINICS', 'MEDICAL_EQUIPMENT'], riskAppetite: 'POSSIBLE_HOSTILITIES', isSme: false, tenderRequirement: 'IFI_OR_DONOR_OVERSIGHT', experienceCountries: ['BA'], maxProjectEur: 100_000_000 })),
      judge(1, ['capability', 'scale'], 'Equipment only, twelve times what this SME takes on: a supplier to the main contractor of a "large-scale" project (RP) at best.',
        company('health-b-small-equipment', { at: 'fukuoka', sectors: ['HEALTH'], capabilities: ['MEDICAL_EQUIPMENT'], riskAppetite: 'POSSIBLE_HOSTILITIES', maxProjectEur: 1_000_000 })),
      judge(3, ['capability', 'kansai', 'security'], 'An Osaka SME with both capabilities, large enough, accepting a listed site: the Kansai risk-takers Matsuda describes (UJF).',
        company('health-c-osaka-clinics', { at: 'osaka', sectors: ['HEALTH'], capabilities: ['MODULAR_CLINICS', 'MEDICAL_EQUIPMENT'], riskAppetite: 'POSSIBLE_HOSTILITIES', maxProjectEur: 15_000_000 })),
      judge(0, ['security'], 'Waits for a ceasefire and Kharkiv is listed: "Large-scale participation … will likely not be possible until the war ends" (UJF, Matsunaga).',
        company('health-d-ceasefire', { at: 'tokyo', sectors: ['HEALTH'], capabilities: ['MODULAR_CLINICS', 'MEDICAL_EQUIPMENT'], riskAppetite: 'AFTER_CEASEFIRE_ONLY', isSme: false })),
      judge(1, ['capability', 'security'], 'Telemedicine needs no travel (RP: "stringent requirements for personnel safety"), but neither clinics nor equipment are offered.',
        company('health-e-telemedicine', { at: 'kyoto', sectors: ['HEALTH'], capabilities: ['TELEMEDICINE'], deliveryModes: ['REMOTE_SUPPORT'] })),
      judge(1, ['stage', 'capability'], 'Capable, but offers rapid recovery only and this is reconstruction — Tokyo "clearly divides these processes into two stages" (RP).',
        company('health-f-recovery-only', { at: 'nagoya', sectors: ['HEALTH'], capabilities: ['MODULAR_CLINICS', 'MEDICAL_EQUIPMENT'], riskAppetite: 'POSSIBLE_HOSTILITIES', stages: ['RAPID_RECOVERY'], maxProjectEur: 20_000_000 })),
      judge(0, ['sector'], 'A school-equipment company, outside health: health and education are separate sectors of Japan’s work (UJF, Matsunaga).',
        company('health-g-education', { at: 'osaka', sectors: ['EDUCATION'], capabilities: ['SCHOOL_EQUIPMENT'], riskAppetite: 'POSSIBLE_HOSTILITIES' })),
    ],
  },
  {
    asOf: AS_OF,
    need: need('education-lviv-school', {
      sector: 'EDUCATION', stage: 'RECONSTRUCTION', requiredCapabilities: ['SCHOOL_EQUIPMENT', 'EDUCATION_IT'], budgetAmount: 400_000, budgetCurrency: 'EUR',
      fundingSource: 'MUNICIPAL_BUDGET', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2026-02-17-001938-a', site: SITES.lviv,
    }),
    candidates: [
      judge(3, ['capability', 'kansai', 'integrity'], 'Both capabilities, a Kyoto SME, and the school is tendered on Prozorro — transparent selection, as "a matter of principle for the Japanese side" (RP).',
        company('education-a-kyoto', { at: 'kyoto', sectors: ['EDUCATION'], capabilities: ['SCHOOL_EQUIPMENT', 'EDUCATION_IT'], maxProjectEur: 1_000_000 })),
      judge(1, ['capability', 'scale'], 'A large corporation with education IT only, for a €0.4 million school: half the need, far below its scale (UJF: large companies are reluctant).',
        company('education-b-large-it', { at: 'tokyo', sectors: ['EDUCATION'], capabilities: ['EDUCATION_IT'], riskAppetite: 'AFTER_CEASEFIRE_ONLY', isSme: false })),
      judge(2, ['capability', 'reciprocal'], 'School equipment only, but Lviv has invited it: the hromada itself drives its recovery, as Japan wants (RP: Ukraine "should be the driving force").',
        company('education-c-invited', { at: 'hiroshima', sectors: ['EDUCATION'], capabilities: ['SCHOOL_EQUIPMENT'], maxProjectEur: 1_000_000 }), { invited: true }),
      judge(0, ['integrity'], 'Requires IFI or donor oversight; a municipal-budget school has none, so by its own rule it will not bid (RP on corruption assessed by IFIs).',
        company('education-d-ifi-only', { at: 'osaka', sectors: ['EDUCATION'], capabilities: ['SCHOOL_EQUIPMENT', 'EDUCATION_IT'], tenderRequirement: 'IFI_OR_DONOR_OVERSIGHT' })),
      judge(1, ['capability'], 'Modular buildings could house a school, but education (UJF, Matsunaga) here means equipment and IT.',
        company('education-e-modular', { at: 'sapporo', sectors: ['EDUCATION', 'HOUSING'], capabilities: ['MODULAR_BUILDINGS'] })),
      judge(3, ['capability'], 'Both capabilities from a Fukuoka SME; Lviv is off the hostilities list, so the security condition (RP) holds for any capable SME.',
        company('education-f-fukuoka', { at: 'fukuoka', sectors: ['EDUCATION'], capabilities: ['SCHOOL_EQUIPMENT', 'EDUCATION_IT'], maxProjectEur: 1_000_000 })),
      judge(0, ['sector'], 'Housing only: outside education, one of the distinct sectors JICA works in (UJF).',
        company('education-g-housing', { at: 'kyoto', sectors: ['HOUSING'], capabilities: ['ENERGY_EFFICIENT_CONSTRUCTION'] })),
      judge(3, ['capability', 'reciprocal', 'kansai'], 'Both capabilities, an Osaka SME, and it registered interest in this school: reciprocal interest and the Kansai SMEs of UJF (Matsuda).',
        company('education-h-osaka-interested', { at: 'osaka', sectors: ['EDUCATION'], capabilities: ['SCHOOL_EQUIPMENT', 'EDUCATION_IT'], maxProjectEur: 1_000_000 }), { asked: true }),
      judge(2, ['capability'], 'Education IT only, half the need, but Lviv is off the list and education is one of Japan’s sectors of work (UJF, Matsunaga).',
        company('education-i-kobe-it', { at: 'kobe', sectors: ['EDUCATION'], capabilities: ['EDUCATION_IT'], maxProjectEur: 1_000_000 })),
      judge(2, ['capability', 'scale'], 'A large corporation with both capabilities for a small school: able, but large companies are "somewhat reluctant to enter the Ukrainian market" (UJF, Matsunaga).',
        company('education-j-tokyo-large', { at: 'tokyo', sectors: ['EDUCATION'], capabilities: ['SCHOOL_EQUIPMENT', 'EDUCATION_IT'], isSme: false, maxProjectEur: 300_000_000 })),
    ],
  },
  {
    asOf: AS_OF,
    need: need('housing-kyiv-blocks', {
      sector: 'HOUSING', stage: 'RECONSTRUCTION', requiredCapabilities: ['ENERGY_EFFICIENT_CONSTRUCTION', 'MODULAR_BUILDINGS'], budgetAmount: 20_000_000, budgetCurrency: 'EUR',
      fundingSource: 'JICA', procurementMethod: 'DREAM', dreamProjectId: 'DREAM-UA-KYI-2026-0452', site: SITES.kyiv,
    }),
    candidates: [
      judge(3, ['capability', 'sisterCity', 'kansai'], 'A Kyoto builder for Kyiv: "cooperation used to be concentrated between official Kyoto and Kyiv" (RP), and it can take on the whole project.',
        company('housing-a-kyoto', { at: 'kyoto', sectors: ['HOUSING'], capabilities: ['ENERGY_EFFICIENT_CONSTRUCTION', 'MODULAR_BUILDINGS'], maxProjectEur: 30_000_000 })),
      judge(3, ['capability', 'integrity', 'scale'], 'A large builder for a JICA-funded, DREAM-published project: "large-scale infrastructure projects by using Japanese technologies" (RP), with the oversight it requires.',
        company('housing-b-large', { at: 'tokyo', sectors: ['HOUSING'], capabilities: ['ENERGY_EFFICIENT_CONSTRUCTION', 'MODULAR_BUILDINGS'], isSme: false, tenderRequirement: 'IFI_OR_DONOR_OVERSIGHT', maxProjectEur: 500_000_000 })),
      judge(1, ['capability', 'scale'], 'Modular buildings only, for a project ten times its size: "large-scale infrastructure" (RP) is not for every SME.',
        company('housing-c-osaka-small', { at: 'osaka', sectors: ['HOUSING'], capabilities: ['MODULAR_BUILDINGS'], maxProjectEur: 2_000_000 })),
      judge(1, ['stage', 'capability'], 'Temporary modular housing is rapid recovery; this is reconstruction, a stage Tokyo keeps apart (RP).',
        company('housing-d-recovery-only', { at: 'nagoya', sectors: ['HOUSING'], capabilities: ['MODULAR_BUILDINGS', 'ENERGY_EFFICIENT_CONSTRUCTION'], stages: ['RAPID_RECOVERY'], maxProjectEur: 30_000_000 })),
      judge(3, ['capability', 'experience'], 'An Iwaki builder from the Fukushima resettlement, where "it is necessary not only to rebuild the buildings … but also to secure human connection" (RP).',
        company('housing-e-fukushima', { at: 'iwaki', sectors: ['HOUSING'], capabilities: ['ENERGY_EFFICIENT_CONSTRUCTION', 'MODULAR_BUILDINGS'], hasDisasterReconstructionExperience: true, maxProjectEur: 25_000_000 })),
      judge(1, ['capability', 'sisterCity'], 'From Kyoto, Kyiv’s sister city (RP), but it does seismic retrofit, which neither capability asked for covers.',
        company('housing-f-kyoto-seismic', { at: 'kyoto', sectors: ['HOUSING'], capabilities: ['SEISMIC_RETROFIT'], maxProjectEur: 5_000_000 })),
      judge(0, ['sector'], 'Rail only — Shinkansen-style networks (RP) — outside housing.',
        company('housing-g-rail', { at: 'kyoto', sectors: ['TRANSPORT'], capabilities: ['RAIL_SYSTEMS'], isSme: false })),
    ],
  },
  {
    asOf: AS_OF,
    need: need('agriculture-izium-fields', {
      sector: 'AGRICULTURE', stage: 'RAPID_RECOVERY', requiredCapabilities: ['ROBOTIC_AGRI_MACHINERY', 'AGRICULTURAL_MACHINERY'], budgetAmount: 600_000, budgetCurrency: 'EUR',
      fundingSource: 'PRIVATE', procurementMethod: 'NONE', site: SITES.izium,
    }),
    candidates: [
      judge(3, ['capability', 'security'], '"The world’s only robot tractors that can work on potentially mine-contaminated agricultural land" (RP), from an SME that accepts a listed site.',
        company('agriculture-a-robot-tractors', { at: 'sapporo', sectors: ['AGRICULTURE'], capabilities: ['ROBOTIC_AGRI_MACHINERY', 'AGRICULTURAL_MACHINERY'], riskAppetite: 'POSSIBLE_HOSTILITIES', maxProjectEur: 2_000_000 })),
      judge(2, ['capability', 'security'], 'Conventional machinery shipped without staff: half the need, delivered with personnel safety first (RP).',
        company('agriculture-b-supply', { at: 'tokyo', sectors: ['AGRICULTURE'], capabilities: ['AGRICULTURAL_MACHINERY'], deliveryModes: ['SUPPLY_ONLY'], isSme: false })),
      judge(1, ['capability'], 'Irrigation is farm work, but not the robot tractors for mine-contaminated land (RP) asked for.',
        company('agriculture-c-irrigation', { at: 'fukuoka', sectors: ['AGRICULTURE'], capabilities: ['IRRIGATION'], riskAppetite: 'POSSIBLE_HOSTILITIES' })),
      judge(0, ['integrity'], 'Requires a public tender; this privately funded purchase has none (RP: tenders "a matter of principle").',
        company('agriculture-d-tender-only', { at: 'osaka', sectors: ['AGRICULTURE'], capabilities: ['ROBOTIC_AGRI_MACHINERY', 'AGRICULTURAL_MACHINERY'], riskAppetite: 'POSSIBLE_HOSTILITIES', tenderRequirement: 'TRANSPARENT_TENDER' })),
      judge(3, ['capability', 'kansai', 'experience'], 'Robot tractors from an Osaka SME that has farmed cleared land in Cambodia (RP: "more than twenty years of bilateral cooperation").',
        company('agriculture-e-osaka-cambodia', { at: 'osaka', sectors: ['AGRICULTURE'], capabilities: ['ROBOTIC_AGRI_MACHINERY', 'AGRICULTURAL_MACHINERY'], riskAppetite: 'POSSIBLE_HOSTILITIES', experienceCountries: ['KH'], maxProjectEur: 2_000_000 })),
      judge(1, ['capability'], 'Food processing comes after the fields are worked again by the robot tractors RP describes.',
        company('agriculture-f-food', { at: 'kobe', sectors: ['AGRICULTURE'], capabilities: ['FOOD_PROCESSING'], riskAppetite: 'POSSIBLE_HOSTILITIES' })),
      judge(0, ['security'], 'Waits for a ceasefire; Izium is listed (RP: security "starting from the cessation of hostilities").',
        company('agriculture-g-ceasefire', { at: 'nagoya', sectors: ['AGRICULTURE'], capabilities: ['ROBOTIC_AGRI_MACHINERY'], riskAppetite: 'AFTER_CEASEFIRE_ONLY' })),
    ],
  },
  {
    asOf: AS_OF,
    need: need('communications-kherson-links', {
      sector: 'COMMUNICATIONS', stage: 'RAPID_RECOVERY', requiredCapabilities: ['SATELLITE_COMMUNICATIONS', 'TELECOM_NETWORKS'], budgetAmount: 2_000_000, budgetCurrency: 'EUR',
      fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2026-06-30-007712-a', site: SITES.kherson,
    }),
    candidates: [
      judge(3, ['capability', 'security', 'kansai'], 'Both capabilities, on site under active hostilities: the risk-taking Kansai SME of Matsuda’s remarks (UJF).',
        company('communications-a-osaka', { at: 'osaka', sectors: ['COMMUNICATIONS'], capabilities: ['SATELLITE_COMMUNICATIONS', 'TELECOM_NETWORKS'], riskAppetite: 'ACTIVE_HOSTILITIES', maxProjectEur: 5_000_000 })),
      judge(2, ['capability', 'security'], 'Satellite terminals supplied without staff: part of the need, no personnel at risk (RP on personnel safety).',
        company('communications-b-supply', { at: 'tokyo', sectors: ['COMMUNICATIONS'], capabilities: ['SATELLITE_COMMUNICATIONS'], deliveryModes: ['SUPPLY_ONLY'], isSme: false })),
      judge(0, ['security'], 'Works on site up to possible hostilities only; Kherson has active ones — Japanese risk aversion (UJF, Matsunaga) sets its own limit.',
        company('communications-c-cautious', { at: 'hiroshima', sectors: ['COMMUNICATIONS'], capabilities: ['TELECOM_NETWORKS'], riskAppetite: 'POSSIBLE_HOSTILITIES' })),
      judge(0, ['security'], 'Waits for a ceasefire: "Large-scale participation of private sector will likely not be possible until the war ends" (UJF).',
        company('communications-d-ceasefire', { at: 'tokyo', sectors: ['COMMUNICATIONS'], capabilities: ['SATELLITE_COMMUNICATIONS', 'TELECOM_NETWORKS'], riskAppetite: 'AFTER_CEASEFIRE_ONLY', isSme: false })),
      judge(2, ['capability', 'reciprocal', 'security'], 'Satellite only, but Kherson invited it and it accepts the risk — the hromada drives its own recovery (RP).',
        company('communications-e-invited', { at: 'fukuoka', sectors: ['COMMUNICATIONS'], capabilities: ['SATELLITE_COMMUNICATIONS'], riskAppetite: 'ACTIVE_HOSTILITIES', maxProjectEur: 3_000_000 }), { invited: true }),
      judge(0, ['capability'], 'Listed in communications but offers grid equipment only — energy work (UJF), not the links asked for.',
        company('communications-f-grid', { at: 'nagoya', sectors: ['ENERGY', 'COMMUNICATIONS'], capabilities: ['GRID_EQUIPMENT'], riskAppetite: 'ACTIVE_HOSTILITIES' })),
      judge(1, ['capability', 'scale'], 'Capable and "willing to take risks" (UJF), but the project is twenty times what it takes on.',
        company('communications-g-tiny', { at: 'kobe', sectors: ['COMMUNICATIONS'], capabilities: ['SATELLITE_COMMUNICATIONS', 'TELECOM_NETWORKS'], riskAppetite: 'ACTIVE_HOSTILITIES', maxProjectEur: 100_000 })),
      judge(3, ['capability', 'reciprocal', 'security', 'kansai'], 'Both capabilities, accepts active hostilities, and asked for this need: an Osaka SME "far more willing to take risks" (UJF, Matsuda).',
        company('communications-h-osaka-interested', { at: 'osaka', sectors: ['COMMUNICATIONS'], capabilities: ['SATELLITE_COMMUNICATIONS', 'TELECOM_NETWORKS'], riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE', 'SUPPLY_ONLY'], maxProjectEur: 5_000_000 }), { asked: true }),
      judge(2, ['capability', 'security'], 'A large corporation with both capabilities that accepts the risk — rarer than among SMEs (UJF), but able to do the whole job.',
        company('communications-i-tokyo-large', { at: 'tokyo', sectors: ['COMMUNICATIONS'], capabilities: ['SATELLITE_COMMUNICATIONS', 'TELECOM_NETWORKS'], riskAppetite: 'ACTIVE_HOSTILITIES', isSme: false, maxProjectEur: 100_000_000 })),
      judge(1, ['capability', 'security'], 'Network support from Japan for a site beyond its appetite: half the need, remotely — no personnel at risk (RP), little done.',
        company('communications-j-remote', { at: 'fukuoka', sectors: ['COMMUNICATIONS'], capabilities: ['TELECOM_NETWORKS'], riskAppetite: 'POSSIBLE_HOSTILITIES', deliveryModes: ['ON_SITE', 'REMOTE_SUPPORT'] })),
    ],
  },
];
