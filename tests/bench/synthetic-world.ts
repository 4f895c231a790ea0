import type { Db } from '../../lib/db';
import { withCheckDigit } from '../../lib/companies/corporate-number';
import { CAPABILITY_VALUES, SECTOR_VALUES } from '../../lib/matching/vocabulary';
import { SECTORS } from '../../lib/reference/sectors';

// A synthetic platform at national scale for the benchmark: every hromada has a verified
// municipality; companies and needs are drawn with a fixed seed so that runs compare.

export function seededRandom(seed: number): () => number {
  // mulberry32
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// [prefecture, city, its code on the official list of local governments (japan-municipalities.csv)]
const PREFECTURES = [['27', 'Osaka', '271004'], ['28', 'Kobe', '281000'], ['26', 'Kyoto', '261009'], ['25', 'Otsu', '252018'], ['29', 'Nara', '292010'], ['30', 'Wakayama', '302015'], ['13', 'Chiyoda', '131016'], ['14', 'Yokohama', '141003'], ['23', 'Nagoya', '231002'], ['40', 'Fukuoka', '401307'], ['04', 'Sendai', '041009'], ['34', 'Hiroshima', '341002']];
const APPETITES = ['AFTER_CEASEFIRE_ONLY', 'NO_HOSTILITIES', 'POSSIBLE_HOSTILITIES', 'ACTIVE_HOSTILITIES'];
const MODES = ['ON_SITE', 'SUPPLY_ONLY', 'REMOTE_SUPPORT', 'TRAINING_IN_JAPAN'];
const TENDER = ['NONE', 'NONE', 'TRANSPARENT_TENDER', 'IFI_OR_DONOR_OVERSIGHT'];
const COUNTRIES = ['KH', 'IQ', 'AF', 'BA', 'VN', 'US'];
const FUNDING = ['MUNICIPAL_BUDGET', 'STATE_BUDGET', 'JICA', 'INTERNATIONAL_FINANCIAL_INSTITUTION', 'DONOR_GRANT', 'PRIVATE', 'NOT_YET_FUNDED'];
const CURRENCIES = ['EUR', 'UAH', 'USD'];

const CHUNK = 5_000;

export async function createSyntheticWorld(db: Db, counts: { companies: number; needs: number }, seed = 20261121): Promise<void> {
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]) => values[Math.floor(random() * values.length)];
  const some = <T>(values: readonly T[], min: number, max: number) => {
    const n = min + Math.floor(random() * (max - min + 1));
    return [...new Set(Array.from({ length: n }, () => pick(values)))];
  };
  const sectorCapabilities = new Map(SECTORS.map((s) => [s.code, s.capabilities]));

  await db.$executeRaw`
    INSERT INTO "Municipality" (id, "hromadaCode", "contactName", "contactEmail", "verificationStatus", "updatedAt")
    SELECT gen_random_uuid(), code, 'Synthetic officer', 'officer@synthetic.test', 'VERIFIED', now()
    FROM "Hromada" WHERE "hostilityStatus" <> 'TEMPORARILY_OCCUPIED' OR random() < 0.05
    ON CONFLICT ("hromadaCode") WHERE "verificationStatus" <> 'REJECTED' DO NOTHING`;
  const municipalities = await db.municipality.findMany({ select: { id: true, hromadaCode: true } });

  for (let start = 0; start < counts.companies; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, counts.companies - start) }, (_, i) => {
      const index = start + i;
      const sectors = some(SECTOR_VALUES, 1, 2);
      const capabilities = [...new Set([...sectors.flatMap((s) => some(sectorCapabilities.get(s)!, 1, 2)), ...(random() < 0.2 ? [pick(CAPABILITY_VALUES)] : [])])];
      const [prefecture, city, municipalityCode] = random() < 0.6 ? pick(PREFECTURES.slice(0, 6)) : pick(PREFECTURES);
      const large = random() < 0.08;
      return {
        legalNameJa: `合成株式会社${index}`, legalNameEn: `Synthetic ${index} Co.`,
        corporateNumber: withCheckDigit(String(200_000_000_000 + index)),
        prefectureCode: prefecture, municipalityCode, cityJa: city, cityEn: city,
        industry: 'MANUFACTURING_AND_OTHER', employees: large ? 1000 + Math.floor(random() * 20000) : 5 + Math.floor(random() * 290),
        capitalJpy: large ? 5_000_000_000 : 10_000_000 + Math.floor(random() * 280_000_000),
        sectors, capabilities,
        riskAppetite: large ? pick(APPETITES.slice(0, 2)) : pick(APPETITES),
        deliveryModes: some(MODES, 1, 3), stages: some(['RAPID_RECOVERY', 'RECONSTRUCTION'], 1, 2),
        tenderRequirement: pick(TENDER),
        maxProjectEur: random() < 0.3 ? null : Math.round(10 ** (5 + random() * 3)),
        experienceCountries: random() < 0.2 ? some(COUNTRIES, 1, 2) : [],
        hasDisasterReconstructionExperience: random() < 0.3,
      };
    });
    await db.$executeRaw`
      INSERT INTO "Company" (id, "legalNameJa", "legalNameEn", "corporateNumber", "prefectureCode", "municipalityCode", "cityJa", "cityEn", industry,
        employees, "capitalJpy", sectors, capabilities, "riskAppetite", "deliveryModes", stages, "tenderRequirement",
        "maxProjectEur", "experienceCountries", "hasDisasterReconstructionExperience", languages, "contactName", "contactEmail",
        "verificationStatus", "updatedAt")
      SELECT gen_random_uuid(), r."legalNameJa", r."legalNameEn", r."corporateNumber", r."prefectureCode", r."municipalityCode", r."cityJa", r."cityEn",
        r.industry::"SmeIndustry", r.employees, r."capitalJpy", r.sectors::"SectorCode"[], r.capabilities::"Capability"[],
        r."riskAppetite"::"RiskAppetite", r."deliveryModes"::"DeliveryMode"[], r.stages::"Stage"[],
        r."tenderRequirement"::"TenderRequirement", r."maxProjectEur", r."experienceCountries", r."hasDisasterReconstructionExperience",
        ARRAY['ja','en']::"Locale"[], 'Synthetic contact', 'contact@synthetic.test', 'VERIFIED', now()
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r("legalNameJa" text, "legalNameEn" text, "corporateNumber" text,
        "prefectureCode" text, "municipalityCode" text, "cityJa" text, "cityEn" text, industry text, employees int, "capitalJpy" bigint, sectors text[],
        capabilities text[], "riskAppetite" text, "deliveryModes" text[], stages text[], "tenderRequirement" text,
        "maxProjectEur" int, "experienceCountries" text[], "hasDisasterReconstructionExperience" boolean)`;
  }

  for (let start = 0; start < counts.needs; start += CHUNK) {
    const rows = Array.from({ length: Math.min(CHUNK, counts.needs - start) }, (_, i) => {
      const municipality = pick(municipalities);
      const sector = pick(SECTOR_VALUES);
      const procurement = pick(['PROZORRO', 'PROZORRO', 'DREAM', 'NONE']);
      const currency = pick(CURRENCIES);
      return {
        municipalityId: municipality.id, hromadaCode: municipality.hromadaCode, sector,
        title: `Synthetic need ${start + i}`, stage: pick(['RAPID_RECOVERY', 'RECONSTRUCTION']), urgency: pick(['LOW', 'MEDIUM', 'HIGH', 'CRITICAL']),
        budgetAmount: random() < 0.1 ? null : Math.round(10 ** (4 + random() * 4) * (currency === 'UAH' ? 40 : 1)),
        budgetCurrency: currency, fundingSource: pick(FUNDING), procurementMethod: procurement,
        prozorroTenderId: procurement === 'PROZORRO' ? 'UA-2025-01-01-000001-a' : null,
        dreamProjectId: procurement === 'DREAM' ? `DREAM-SYN-${start + i}` : null,
        requiredCapabilities: some(sectorCapabilities.get(sector)!, 1, 3),
      };
    });
    await db.$executeRaw`
      INSERT INTO "Need" (id, "municipalityId", "hromadaCode", sector, title, description, stage, urgency, "budgetAmount", "budgetCurrency",
        "fundingSource", "procurementMethod", "prozorroTenderId", "dreamProjectId", "requiredCapabilities", status, "publishedAt", "updatedAt")
      SELECT gen_random_uuid(), r."municipalityId", r."hromadaCode", r.sector::"SectorCode", r.title, 'Synthetic', r.stage::"Stage",
        r.urgency::"Urgency", r."budgetAmount", CASE WHEN r."budgetAmount" IS NULL THEN NULL ELSE r."budgetCurrency"::"Currency" END,
        r."fundingSource"::"FundingSource", r."procurementMethod"::"ProcurementMethod", r."prozorroTenderId", r."dreamProjectId",
        r."requiredCapabilities"::"Capability"[], 'OPEN', now(), now()
      FROM json_to_recordset(${JSON.stringify(rows)}::json) AS r("municipalityId" uuid, "hromadaCode" text, sector text, title text,
        stage text, urgency text, "budgetAmount" numeric, "budgetCurrency" text, "fundingSource" text, "procurementMethod" text,
        "prozorroTenderId" text, "dreamProjectId" text, "requiredCapabilities" text[])`;
  }
  await db.$executeRaw`ANALYZE`;
}
