import { poolOf, type Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import {
  DeliveryMode,
  Stage,
  type JapanRegion,
  type RiskAppetite,
  type SmeIndustry,
  type TenderRequirement,
} from '../generated/prisma/enums';
import { estimateCapacityEur } from '../companies/capacity';
import { isSme } from '../companies/sme';
import type { MatchingPolicy } from '../matching/policy';
import { candidateFilter, FAR_ABOVE_CAPACITY_FACTOR, REMOTE_DELIVERY_MODES } from '../matching/rules';
import type { MatchCompany } from '../matching/types';
import { CAPABILITY_VALUES, SECTOR_VALUES } from '../matching/vocabulary';
import { CAPACITY_CEILING_SQL, scoreBoundSql } from './bound';
import { MINE_CONTAMINATED_COUNTRIES, POST_CONFLICT_COUNTRIES, type PreparedCompany, type PreparedNeed } from '../matching/prepare';
import { TOLERANCE } from '../matching/site-security';
import { TenderRequirement as TenderRequirements } from '../generated/prisma/enums';

// The narrow company rows ranking reads (CompanyMatchProfile). A bit is a value's position in
// the engine's own list of the values (the generated enums, in prisma/schema.prisma's order), given
// to SQL as a constant array, so the masks written here are the ones the engine decodes
// (tests/integration/company-profiles.test.ts holds the two together for every value).

type Executor = Pick<Db, '$executeRaw'>;

const DELIVERY_VALUES = Object.values(DeliveryMode);
const STAGE_VALUES = Object.values(Stage);

// A constant array, folded once per statement: reading the enum's order from the catalogue
// (enum_range) for every value of every company cost 20 s of a national rebuild's sync of
// 100,000 profiles, against about 3 s this way (docs/benchmarks/matching.md, session 12).
const bitOf = (values: readonly string[], enumType: string, column: string, offset = 0, below?: number) => Prisma.raw(`
  (SELECT COALESCE(bit_or(1 << (i - 1 - ${offset})), 0)
     FROM unnest(c."${column}") v, array_position('{${values.join(',')}}'::"${enumType}"[], v) i
    WHERE i > ${offset}${below ? ` AND i <= ${below}` : ''})`);

/** The profile's columns a sync writes, after "companyId", in the order its SELECT gives them. */
const SYNCED_COLUMNS = [
  'isEligible', 'sectorMask', 'capabilityLo', 'capabilityHi', 'riskAppetite', 'deliveryMask', 'stageMask', 'tenderRequirement',
  'maxProjectEur', 'industry', 'capitalJpy', 'employees', 'prefectureCode', 'region', 'cityEn', 'cityCode', 'experienceCountries',
  'hasDisasterReconstructionExperience',
].map((column) => `"${column}"`);
const columnsOf = (alias: string) => Prisma.raw(SYNCED_COLUMNS.map((column) => `${alias}.${column}`).join(', '));

/**
 * Writes the profiles of the companies matching `where` (alias c). One statement, any count. A
 * profile as stored is not rewritten. With `skipUnchanged` (the rebuild, every company) it is not
 * even locked: an upsert's conflict locks its row even where its WHERE then writes nothing, which
 * held every profile for seconds (a company's edit, which syncs its own in its transaction, and
 * re-ranks waited on it). A company's own sync (its edit, its re-rank) does take its row: it then
 * waits for a sync still writing that row, and writes over what that one wrote from an older
 * snapshot, where a skip decided on its own snapshot would leave it.
 */
export async function syncCompanyProfiles(db: Executor, where: Prisma.Sql, { skipUnchanged = false } = {}): Promise<number> {
  return db.$executeRaw`
    INSERT INTO "CompanyMatchProfile" ("companyId", ${Prisma.raw(SYNCED_COLUMNS.join(', '))})
    SELECT v.* FROM (
      SELECT c.id AS "companyId", c."verificationStatus" = 'VERIFIED', ${bitOf(SECTOR_VALUES, 'SectorCode', 'sectors')},
        ${bitOf(CAPABILITY_VALUES, 'Capability', 'capabilities', 0, 30)}, ${bitOf(CAPABILITY_VALUES, 'Capability', 'capabilities', 30)},
        c."riskAppetite", ${bitOf(DELIVERY_VALUES, 'DeliveryMode', 'deliveryModes')}, ${bitOf(STAGE_VALUES, 'Stage', 'stages')},
        c."tenderRequirement", c."maxProjectEur", c.industry, c."capitalJpy", c.employees, c."prefectureCode", p.region, c."cityEn",
        m."cityCode", c."experienceCountries", c."hasDisasterReconstructionExperience"
      FROM "Company" c JOIN "Prefecture" p ON p.code = c."prefectureCode"
        LEFT JOIN "JapanMunicipality" m ON m.code = c."municipalityCode"
      WHERE ${where} OFFSET 0) v(${Prisma.raw(['"companyId"', ...SYNCED_COLUMNS].join(', '))})
    WHERE ${skipUnchanged ? Prisma.sql`NOT EXISTS (SELECT 1 FROM "CompanyMatchProfile" x
      WHERE x."companyId" = v."companyId" AND (${columnsOf('x')}) IS NOT DISTINCT FROM (${columnsOf('v')}))` : Prisma.sql`true`}
    -- In id order: the statement locks the existing profiles it writes until its transaction ends,
    -- and re-ranks take profile rows in id order too (write.ts lockListOwners): the same order, so
    -- they queue and never cycle. (INSERT … SELECT … ORDER BY takes its conflicts in the sort's
    -- order: the sort runs below the insert, never in parallel; how PostgreSQL runs it, not a promise.)
    ORDER BY v."companyId"
    ON CONFLICT ("companyId") DO UPDATE SET ${Prisma.raw(SYNCED_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', '))}
    -- As this sync would write it (or changed meanwhile to that): left as it is.
    WHERE (${columnsOf('"CompanyMatchProfile"')}) IS DISTINCT FROM (${columnsOf('EXCLUDED')})`;
}

export type CompanyInput = MatchCompany & { matchFloor: number };

const REMOTE_MASK = REMOTE_DELIVERY_MODES.reduce((mask, mode) => mask | (1 << DELIVERY_VALUES.indexOf(mode)), 0);

function fromMask<T>(values: readonly T[], mask: number, offset = 0): T[] {
  const out: T[] = [];
  for (let i = 0; i < 30 && offset + i < values.length; i += 1) if (mask & (1 << i)) out.push(values[offset + i]);
  return out;
}

type ProfileRow = [
  id: string, sectorMask: number, capabilityLo: number, capabilityHi: number, riskAppetite: RiskAppetite,
  deliveryMask: number, stageMask: number, tenderRequirement: TenderRequirement, maxProjectEur: number | null,
  industry: SmeIndustry, capitalJpy: string, employees: number, prefectureCode: string, region: JapanRegion,
  cityEn: string, cityCode: string | null, experienceCountries: string[] | null, hasDisaster: boolean, matchFloor: number,
];

const PROFILE_COLUMNS = `"companyId", "sectorMask", "capabilityLo", "capabilityHi", "riskAppetite", "deliveryMask", "stageMask",
  "tenderRequirement", "maxProjectEur", industry, "capitalJpy", employees, "prefectureCode", region, "cityEn", "cityCode",
  "experienceCountries", "hasDisasterReconstructionExperience", "matchFloor"`;

/** The profile columns as one JSON array, in ProfileRow's order, for a statement that reads them beside others (alias p). */
export const PROFILE_JSON_ARRAY = Prisma.raw(`json_build_array(${PROFILE_COLUMNS.split(',').map((column) => `p.${column.trim()}`).join(', ')})`);


/** A profile read as PROFILE_JSON_ARRAY (null: not eligible, or none). */
export const profileFromJson = (row: unknown[] | null): CompanyInput | null => (row ? toCompany(row as ProfileRow) : null);

function toCompany(row: ProfileRow): CompanyInput {
  const [id, sectorMask, lo, hi, riskAppetite, deliveryMask, stageMask, tenderRequirement, maxProjectEur, industry,
    capitalJpy, employees, prefectureCode, region, cityEn, cityCode, experienceCountries, hasDisaster, matchFloor] = row;
  return {
    id,
    sectors: fromMask(SECTOR_VALUES, sectorMask),
    capabilities: [...fromMask(CAPABILITY_VALUES, lo), ...fromMask(CAPABILITY_VALUES, hi, 30)],
    riskAppetite,
    deliveryModes: fromMask(DELIVERY_VALUES, deliveryMask),
    stages: fromMask(STAGE_VALUES, stageMask),
    tenderRequirement,
    maxProjectEur,
    estimatedCapacityEur: estimateCapacityEur({ capitalJpy: BigInt(capitalJpy), employees }),
    isSme: isSme({ industry, capitalJpy: BigInt(capitalJpy), employees }),
    prefectureCode,
    region,
    cityEn,
    cityCode,
    experienceCountries: experienceCountries ?? [],
    hasDisasterReconstructionExperience: hasDisaster,
    matchFloor,
  };
}

// Frozen: shared by most profiles (and their explanations), so a write to it must fail, not spread.
const NO_COUNTRIES = Object.freeze([]) as unknown as string[];

/**
 * The engine's input (PreparedCompany) built straight from a profile row: the masks are the
 * profile's own bits, so a re-rank that scores thousands of stored pairs does not turn each mask
 * into arrays of names and back (prepareCompany). The company as names (`company`) is built only
 * when read: explaining a pair reads it, scoring does not. prepareCompany(toCompany(row)) is the
 * same input (tests/integration/company-profiles.test.ts).
 */
class ProfileInput implements PreparedCompany {
  readonly sectorMask: number;
  readonly capabilityLo: number;
  readonly capabilityHi: number;
  readonly tolerance: number;
  readonly waitsForCeasefire: boolean;
  readonly isKansai: boolean;
  readonly canDeliverRemotely: boolean;
  readonly stageMask: number;
  readonly capacityEur: number;
  readonly mineActionCountries: string[];
  readonly postConflictCountries: string[];
  readonly isSme: boolean;
  readonly tenderRequirement: TenderRequirement;
  readonly prefectureCode: string;
  readonly cityCode: string | null;
  readonly hasDisasterReconstructionExperience: boolean;
  readonly hasMineActionExperience: boolean;
  readonly hasPostConflictExperience: boolean;
  readonly #row: unknown[];
  readonly #offset: number;
  #company: MatchCompany | null = null;

  /** The profile from `offset` of an array-mode row (read in place: no copy of the row per company). */
  constructor(row: unknown[], offset: number) {
    const sectorMask = row[offset + 1] as number;
    const lo = row[offset + 2] as number;
    const hi = row[offset + 3] as number;
    const riskAppetite = row[offset + 4] as RiskAppetite;
    const deliveryMask = row[offset + 5] as number;
    const stageMask = row[offset + 6] as number;
    const tenderRequirement = row[offset + 7] as TenderRequirement;
    const maxProjectEur = row[offset + 8] as number | null;
    const industry = row[offset + 9] as SmeIndustry;
    const capitalJpy = row[offset + 10] as string;
    const employees = row[offset + 11] as number;
    const prefectureCode = row[offset + 12] as string;
    const region = row[offset + 13] as JapanRegion;
    const cityCode = row[offset + 15] as string | null;
    const experienceCountries = row[offset + 16] as string[] | null;
    const hasDisaster = row[offset + 17] as boolean;
    this.#row = row;
    this.#offset = offset;
    const capital = BigInt(capitalJpy);
    this.sectorMask = sectorMask;
    this.capabilityLo = lo;
    this.capabilityHi = hi;
    this.tolerance = TOLERANCE[riskAppetite];
    this.waitsForCeasefire = riskAppetite === 'AFTER_CEASEFIRE_ONLY';
    this.isKansai = region === 'KANSAI';
    this.canDeliverRemotely = (deliveryMask & REMOTE_MASK) !== 0;
    this.stageMask = stageMask;
    this.capacityEur = maxProjectEur ?? estimateCapacityEur({ capitalJpy: capital, employees });
    // Most companies name no country: they share one empty list (nothing writes to these).
    const countries = experienceCountries ?? NO_COUNTRIES;
    this.mineActionCountries = countries.length === 0 ? NO_COUNTRIES : countries.filter((c) => MINE_CONTAMINATED_COUNTRIES.has(c));
    this.postConflictCountries = countries.length === 0 ? NO_COUNTRIES : countries.filter((c) => POST_CONFLICT_COUNTRIES.has(c));
    this.isSme = isSme({ industry, capitalJpy: capital, employees });
    // The enum's own constant, so that the integrity rule compares interned strings.
    this.tenderRequirement = TenderRequirements[tenderRequirement] ?? tenderRequirement;
    this.prefectureCode = prefectureCode;
    this.cityCode = cityCode;
    this.hasDisasterReconstructionExperience = hasDisaster;
    this.hasMineActionExperience = this.mineActionCountries.length > 0;
    this.hasPostConflictExperience = this.postConflictCountries.length > 0;
  }

  get company(): MatchCompany {
    return (this.#company ??= toCompany((this.#offset === 0 ? this.#row : this.#row.slice(this.#offset)) as ProfileRow));
  }
}

/**
 * A company ready for scoring, with its own list's floor and, when the read had the need's id,
 * whether the need wins a tie at that floor (winsTie: its id sorts before the list's last need,
 * or the list has room); without it the re-rank probes the list (refresh.ts, tiesThatEnter).
 */
export type PreparedCandidate = { id: string; matchFloor: number; winsTie?: boolean; prepared: PreparedCompany };

const toCandidate = (row: ProfileRow): PreparedCandidate => ({ id: row[0], matchFloor: row[18], prepared: new ProfileInput(row, 0) });

/**
 * The profile columns but the company's id, in the order candidateFromRow reads after the id, for a
 * statement that reads them beside others (alias p) and the id just before them from a table joined
 * on it: the id is then sent once per row, not twice.
 */
export const PROFILE_COLUMNS_AFTER_ID_OF_P = PROFILE_COLUMNS.split(',').slice(1).map((column) => `p.${column.trim()}`).join(', ');

/** A profile read as its id then PROFILE_COLUMNS_AFTER_ID_OF_P from `offset` of an array-mode row, prepared for scoring. */
export const candidateFromRow = (row: unknown[], offset = 0): PreparedCandidate =>
  ({ id: row[offset] as string, matchFloor: row[offset + 18] as number, prepared: new ProfileInput(row, offset) });

/** The eligible profiles matching `where`, every column but eligibility (a sector's come from its index alone). */
export const eligibleProfilesSql = (where: string) => `SELECT ${PROFILE_COLUMNS} FROM "CompanyMatchProfile" WHERE "isEligible" AND ${where}`;

async function queryRows(db: Db, where: string, values: unknown[]): Promise<ProfileRow[]> {
  const result = await poolOf(db).query<ProfileRow>({ text: eligibleProfilesSql(where), values, rowMode: 'array' });
  return result.rows;
}

async function queryProfiles(db: Db, where: string, values: unknown[]): Promise<CompanyInput[]> {
  return (await queryRows(db, where, values)).map(toCompany);
}

const SECTOR_MASKS = Array.from({ length: 2 ** SECTOR_VALUES.length }, (_, mask) => mask);

/** Every sector mask holding a sector's bit: `"sectorMask" = ANY(...)` reads the sector by its index. */
const masksHoldingBit = (bit: number) => SECTOR_MASKS.filter((mask) => (mask & bit) !== 0);
export const sectorMasksHolding = (sector: string): number[] =>
  masksHoldingBit(1 << SECTOR_VALUES.indexOf(sector as (typeof SECTOR_VALUES)[number]));

/**
 * Read only the companies that may score at least `threshold` or their own list's floor (by the
 * bound), and those in `always` whatever their bound.
 */
export type CandidatePrune = {
  threshold: number;
  always: string[];
  asOf: Date;
  /**
   * The need whose re-rank reads: a company whose bound reaches its full list's floor but not one
   * point above can enter only by a tie at the floor, so it is read only if the need wins that tie
   * (its id sorts before the list's last need, "matchFloorNeedId") or may reach the need's own
   * threshold.
   */
  tieBreakNeedId?: string;
};


/**
 * The companies that can match a need: eligible, and passing the hard rules the policy switches
 * on. The conditions are not written here: `candidateFilter` (lib/matching/rules.ts) computes
 * them by running the engine's own rules over every value a profile column can hold, and this
 * turns its answer into SQL. The scale rule (withinReachOfCapacity) is applied to a ceiling of
 * the capacity the engine estimates in TypeScript (CAPACITY_CEILING_SQL), so this returns a
 * superset of the pairs the engine keeps, never fewer.
 */
export async function loadCandidateCompanies(
  db: Db,
  need: PreparedNeed,
  policy: MatchingPolicy,
  prune?: CandidatePrune,
): Promise<CompanyInput[]> {
  const query = candidateQuery(need, policy, prune);
  return query ? queryProfiles(db, query.where, query.values) : [];
}

/** loadCandidateCompanies, prepared for scoring straight from the rows (the re-rank's form). */
export async function loadPreparedCandidates(
  db: Db,
  need: PreparedNeed,
  policy: MatchingPolicy,
  prune?: CandidatePrune,
): Promise<PreparedCandidate[]> {
  const query = candidateQuery(need, policy, prune);
  return query ? (await queryRows(db, query.where, query.values)).map(toCandidate) : [];
}

export function candidateQuery(need: PreparedNeed, policy: MatchingPolicy, prune?: CandidatePrune): { where: string; values: unknown[] } | null {
  // Every mask holding the sector's bit: an index scan of the sector (the masks that exist are few).
  return candidateConditions(need, policy, prune, true);
}

/**
 * candidateQuery's conditions but the sector's, for a statement whose scan is already the need's
 * sector (need-pairs.ts): tested again on every row of the sector, the mask list cost ~1 ms of a
 * light need's read (docs/benchmarks/matching.md, session 9).
 */
export const candidatesInSector = (need: PreparedNeed, policy: MatchingPolicy, prune?: CandidatePrune) =>
  candidateConditions(need, policy, prune, false);

function candidateConditions(need: PreparedNeed, policy: MatchingPolicy, prune: CandidatePrune | undefined, withSector: boolean): { where: string; values: unknown[] } | null {
  const filter = candidateFilter(need, policy.hardConstraints);
  if (filter.none) return null;
  const values: unknown[] = withSector ? [masksHoldingBit(filter.sectorBit)] : [];
  const filters = withSector ? ['"sectorMask" = ANY($1::int[])'] : ['true'];
  const param = (value: unknown) => {
    values.push(value);
    return `$${values.length}`;
  };
  if (filter.appetites !== null) {
    // Enums compared as enums: a cast to text looks the label up once a row (bound.ts).
    filters.push(`("riskAppetite" = ANY(${param(filter.appetites)}::"RiskAppetite"[])
      OR ("riskAppetite" = ANY(${param(filter.appetitesIfRemote)}::"RiskAppetite"[]) AND "deliveryMask" & ${REMOTE_MASK} <> 0))`);
  }
  if (filter.tenderRequirements !== null) filters.push(`"tenderRequirement" = ANY(${param(filter.tenderRequirements)}::"TenderRequirement"[])`);
  if (policy.hardConstraints.scale && need.budgetEur !== null) {
    filters.push(`${CAPACITY_CEILING_SQL} * ${FAR_ABOVE_CAPACITY_FACTOR} >= ${param(need.budgetEur)}::float8`);
  }
  if (filter.stageBit !== null) filters.push(`"stageMask" & ${param(filter.stageBit)} <> 0`);
  if (filter.capabilities !== null) {
    filters.push(`("capabilityLo" & ${param(filter.capabilities.capabilityLo)} <> 0 OR "capabilityHi" & ${param(filter.capabilities.capabilityHi)} <> 0)`);
  }
  // The bound last: inside need-pairs.ts's OR, PostgreSQL evaluates these in the order written (it
  // sorts only a scan's top-level conditions by cost). The hard rules above are a few comparisons
  // each, the bound a sum of CASEs over a dozen columns (~2 µs a row): a company a hard rule
  // excludes is never bounded (a light need's read 24 → 16 ms, docs/benchmarks/matching.md, session 8).
  if (prune) {
    // A company whose bound cannot reach its own list's floor nor the need's threshold is not read
    // (mayReach in bound.ts, in SQL); pairs already stored or with an interest always are.
    const bound = scoreBoundSql(need, policy, prune.asOf, param);
    const threshold = param(prune.threshold);
    const always = `"companyId" IN (SELECT unnest(${param(prune.always)}::uuid[]))`;
    // A need that loses the tie at a full list's floor must pass it by a point: in a national world
    // nearly every company the bound lets through scores exactly its floor, and such a company was
    // read, scored and probed for nothing (~1,100 rows for a light need, docs/benchmarks/matching.md,
    // sessions 10 and 11). The list's last need is stored with its floor, so no probe: a null key
    // (a list with room) adds nothing.
    const lost = prune.tieBreakNeedId === undefined ? ''
      : ` + CASE WHEN ${param(prune.tieBreakNeedId)}::uuid > "matchFloorNeedId" THEN 1 ELSE 0 END`;
    filters.push(`(${bound} + 0.500001 >= LEAST(GREATEST("matchFloor", -1)${lost}, ${threshold}::int) OR ${always})`);
  }
  return { where: filters.join(' AND '), values };
}

export async function loadCompanyProfiles(db: Db, ids: string[] | 'all'): Promise<CompanyInput[]> {
  return ids === 'all' ? queryProfiles(db, 'true', []) : queryProfiles(db, '"companyId" = ANY($1::uuid[])', [ids]);
}
