import { Prisma } from '../generated/prisma/client';
import { FundingSource, ProcurementMethod, Stage } from '../generated/prisma/enums';
import { kyivDay, isoDay } from '../hostility-list/calendar';
import { CRITERION_FNS } from '../matching/criteria';
import type { MatchingPolicy } from '../matching/policy';
import { prepareNeed, stageBit, type PreparedCompany, type PreparedNeed } from '../matching/prepare';
import { integrityFailure, securityFailure, stageFits } from '../matching/rules';
import { STATUS_OF_SEVERITY, severitySql } from '../reference/hostility-severity';
import { RECENT_DAYS, type SiteStatus } from '../matching/site-security';
import type { MatchNeed } from '../matching/types';
import { needExperienceSql, needScaleSql, needScoreBoundSql, unknownWeight, type ListFloor } from './bound';
import { COMPANY_SIDE, winsTieAtFloorSql } from './write';

// A company's re-rank reads only the needs whose score bound may reach a list floor
// (before session 7: tests/bench/session6-need-bound.ts). That bound counted security, integrity
// and sister-city ties (36 of the default policy's 100 points) whole, so ~6 needs were read and turned into inputs for each one
// that was needed (docs/benchmarks/matching.md, session 7). Here the need's side of these is derived
// in SQL from the rows the engine reads — the site's hostility periods on the day, the declared
// tender and funding, whether any published record was verified, links to the company's prefecture —
// and graded by the engine's own criteria and
// hard constraints for this company, so a need either refuses is not read at all. Four bounds,
// cheapest first (needMayReachGradedSql), so that the subqueries run only for needs that pass the
// cheaper tests; each is an upper bound on the engine's score (rerank-pruning.test.ts holds them so).

const EXCLUDED_SQL = -1000;

type GradedCompany = PreparedCompany & { capabilities: readonly string[] };

/**
 * The need's site on the day as one small number: (severity × 2 + whole) × 2 + recent, where
 * severity is the highest of the periods in force, whole whether one of those at that severity
 * lists the whole hromada, and recent whether a period ended within the year before — the three
 * facts readSiteStatus reads (lib/matching/site-security.ts), from the rows NEED_INPUT_JSON reads.
 */
export function siteCodeSql(day: string): Prisma.Sql {
  const severity = Prisma.raw(severitySql('hp.status'));
  return Prisma.sql`(SELECT COALESCE(max(${severity} * 2 + CASE WHEN hp."territoryLevel" <> 'SETTLEMENT' THEN 1 ELSE 0 END)
        FILTER (WHERE hp."startDate" <= ${day}::date AND (hp."endDate" IS NULL OR hp."endDate" >= ${day}::date)), 0) * 2
      + CASE WHEN bool_or(hp."endDate" < ${day}::date AND hp."endDate" >= ${day}::date - ${RECENT_DAYS}::int) THEN 1 ELSE 0 END
    FROM "HostilityPeriod" hp WHERE hp."hromadaCode" = n."hromadaCode")`;
}

/** The site status a code of siteCodeSql stands for, as readSiteStatus would give it. */
export function siteOfCode(code: number): SiteStatus {
  const recent = code % 2 === 1;
  const severity = Math.floor(code / 4);
  const isWholeHromada = severity > 0 && Math.floor(code / 2) % 2 === 1;
  return {
    status: STATUS_OF_SEVERITY[severity],
    severity,
    isWholeHromada,
    effectiveSeverity: severity > 0 && !isWholeHromada ? severity - 1 : severity,
    recentlyEndedOn: recent ? new Date(0) : null,
  };
}

/** The security criterion's points (or excluded, by the hard constraint) for this company on each site code. */
export function securityBySiteCode(company: PreparedCompany, policy: MatchingPolicy, asOf: Date): number[] {
  const context = { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  return Array.from({ length: STATUS_OF_SEVERITY.length * 4 }, (_, code) => {
    const site = siteOfCode(code);
    if (policy.hardConstraints.security && securityFailure(site, company) !== null) return EXCLUDED_SQL;
    return policy.weights.security * CRITERION_FNS.security({ site } as PreparedNeed, company, context);
  });
}

/**
 * Whether a need's tender is transparent and overseen as declared, by prepareNeed itself for each
 * procurement method, identifier present or not, and funding source (an identifier is present when
 * non-empty, as prepareNeed's `!!id` reads it). Only for needs without a verified record.
 */
function declaredFactsSql(): { transparent: string; overseen: string } {
  const methods = Object.values(ProcurementMethod);
  const prepared = (need: Partial<MatchNeed>) => prepareNeed({
    requiredCapabilities: [], sector: 'ENERGY', stage: 'RECONSTRUCTION', budgetAmount: null, budgetCurrency: null,
    procurementMethod: 'NONE', fundingSource: 'NOT_YET_FUNDED', prozorroTenderId: null, dreamProjectId: null, tenderEvidence: null,
    site: { hromadaCode: '', periods: [], sisterTies: [] }, ...need,
  } as MatchNeed, new Date(0));
  const arms: string[] = [];
  for (const method of methods) for (const prozorro of [false, true]) for (const dream of [false, true]) {
    if (!prepared({ procurementMethod: method, prozorroTenderId: prozorro ? 'x' : null, dreamProjectId: dream ? 'x' : null }).hasTransparentProcurement) continue;
    arms.push(`(n."procurementMethod" = '${method}' AND ${prozorro ? '' : 'NOT '}(COALESCE(n."prozorroTenderId", '') <> '')
      AND ${dream ? '' : 'NOT '}(COALESCE(n."dreamProjectId", '') <> ''))`);
  }
  const overseen = Object.values(FundingSource).filter((source) => prepared({ fundingSource: source }).hasInternationalOversight);
  return {
    transparent: arms.length ? `(${arms.join(' OR ')})` : 'false',
    overseen: overseen.length ? `(n."fundingSource" IN (${overseen.map((s) => `'${s}'`).join(', ')}))` : 'false',
  };
}

/**
 * The integrity criterion's points (or excluded) for this company over "Need" (alias n). A need
 * with any verified published record (a superset of the record prepareNeed reads) counts the
 * criterion's whole weight and is never excluded here: the record may make it transparent.
 */
export function needIntegritySql(company: PreparedCompany, policy: MatchingPolicy): string {
  const context = { asOf: new Date(0), companyRegisteredInterest: false, municipalityInvitedCompany: false };
  const value = (transparent: boolean, overseen: boolean) => {
    const facts = { hasTransparentProcurement: transparent, hasInternationalOversight: overseen };
    if (policy.hardConstraints.integrity && integrityFailure(facts, company.tenderRequirement) !== null) return EXCLUDED_SQL;
    return policy.weights.integrity * CRITERION_FNS.integrity({
      ...facts, verifiedTender: null, need: { procurementMethod: 'NONE', fundingSource: 'NOT_YET_FUNDED' },
    } as unknown as PreparedNeed, company, context);
  };
  const { transparent, overseen } = declaredFactsSql();
  return `CASE WHEN EXISTS (SELECT 1 FROM "TenderEvidence" e WHERE e."needId" = n.id AND e."verifiedAt" IS NOT NULL) THEN ${policy.weights.integrity}
    WHEN ${transparent} THEN CASE WHEN ${overseen} THEN ${value(true, true)} ELSE ${value(true, false)} END
    ELSE CASE WHEN ${overseen} THEN ${value(false, true)} ELSE ${value(false, false)} END END`;
}

/** The security criterion's points (or excluded) for this company over "Need" (alias n), on the day of `asOf`. */
export function needSecuritySql(company: PreparedCompany, policy: MatchingPolicy, asOf: Date): Prisma.Sql {
  const values = securityBySiteCode(company, policy, asOf);
  return Prisma.sql`(CASE ${siteCodeSql(isoDay(kyivDay(asOf)))} ${Prisma.raw(values.map((v, code) => `WHEN ${code} THEN ${v}`).join(' '))} END)`;
}

/**
 * The capability share bounded by array operators instead of a subquery: none offered 0, all
 * offered 1, else at most (n − 1) / n of the n listed (the distinct share is at most (d − 1) / d,
 * and d ≤ n).
 */
function quickCapabilitySql(company: GradedCompany): Prisma.Sql {
  const offered = [...company.capabilities];
  return Prisma.sql`CASE WHEN cardinality(n."requiredCapabilities") = 0 THEN 0.5
          WHEN n."requiredCapabilities" <@ ${offered}::"Capability"[] THEN 1
          WHEN NOT (n."requiredCapabilities" && ${offered}::"Capability"[]) THEN 0
          ELSE (cardinality(n."requiredCapabilities") - 1)::float8 / cardinality(n."requiredCapabilities") END`;
}

/** The stage criterion's points over "Need" (alias n): the stages this company fits, by the engine's own rule (as needScoreBoundSql). */
function stageSql(company: GradedCompany, policy: MatchingPolicy): Prisma.Sql {
  const stages = Object.values(Stage).filter((stage) => stageFits(company.stageMask, stageBit(stage)));
  return Prisma.sql`CASE WHEN n.stage = ANY(${stages}::"Stage"[]) THEN ${policy.weights.stage}::float8 ELSE 0 END`;
}

/**
 * The first, cheapest test: capability (quickCapabilitySql) and stage; every other criterion
 * the bound does not know exactly counts its whole weight (as unknownWeight), scale and experience too.
 */
export function needQuickBoundSql(company: GradedCompany, policy: MatchingPolicy): Prisma.Sql {
  const { weights } = policy;
  const constant = unknownWeight(policy) + (company.isKansai ? weights.kansai : 0);
  return Prisma.sql`(${constant}::float8 + ${weights.capability}::float8 * ${quickCapabilitySql(company)} + ${stageSql(company, policy)})`;
}

/** The second test: scale and experience graded too (needScaleSql, needExperienceSql), capability still by array operators. */
export function needScaledBoundSql(company: GradedCompany, policy: MatchingPolicy): Prisma.Sql {
  const { weights } = policy;
  const constant = unknownWeight(policy) - weights.scale - weights.experience + (company.isKansai ? weights.kansai : 0);
  return Prisma.sql`(${constant}::float8 + ${Prisma.raw(needScaleSql(company, policy))} + ${Prisma.raw(needExperienceSql(company, policy))}
      + ${weights.capability}::float8 * ${quickCapabilitySql(company)} + ${stageSql(company, policy)})`;
}

/** The third: as needScoreBoundSql (capability exact), with integrity graded; security still whole. */
export function needTenderBoundSql(company: GradedCompany, policy: MatchingPolicy): Prisma.Sql {
  return Prisma.sql`(${needScoreBoundSql(company, policy)} - ${policy.weights.integrity}::float8 + ${Prisma.raw(needIntegritySql(company, policy))})`;
}

/**
 * The sister-city criterion's points over "Need" (alias n): its whole weight when a link ties the
 * need's hromada or its oblast to the company's prefecture (the ties NEED_INPUT_JSON reads, before
 * their join with JapanMunicipality: a superset), else none — the criterion scores 0 without such a
 * tie. The links of the prefecture are read once (uncorrelated), the hromada's oblast by its key.
 */
export function needSisterCitySql(company: GradedCompany, policy: MatchingPolicy): Prisma.Sql {
  const prefecture = company.prefectureCode;
  return Prisma.sql`CASE WHEN n."hromadaCode" IN (SELECT s."hromadaCode" FROM "SisterCityLink" s WHERE s."prefectureCode" = ${prefecture} AND s."hromadaCode" IS NOT NULL)
      OR (SELECT h."oblastCode" FROM "Hromada" h WHERE h.code = n."hromadaCode")
        IN (SELECT s."oblastCode" FROM "SisterCityLink" s WHERE s."prefectureCode" = ${prefecture} AND s."oblastCode" IS NOT NULL)
    THEN ${policy.weights.sisterCity}::float8 ELSE 0 END`;
}

/** needScoreBoundSql with security, integrity and sister-city ties graded for this company (raw, before rounding). */
export function needGradedBoundSql(company: GradedCompany, policy: MatchingPolicy, asOf: Date): Prisma.Sql {
  const { weights } = policy;
  return Prisma.sql`(${needScoreBoundSql(company, policy)} - ${weights.security + weights.integrity + weights.sisterCity}::float8
      + ${needSecuritySql(company, policy, asOf)} + ${Prisma.raw(needIntegritySql(company, policy))} + ${needSisterCitySql(company, policy)})`;
}

/**
 * The condition a company's re-rank reads its needs by: a need may enter its own list or the
 * company's (`list`: the company list's floor and last need, as held), or is one of `always`.
 * Four upper bounds, each tighter and dearer than the one before, evaluated in that order
 * (PostgreSQL stops an AND at its first false): the site's periods, the dearest, are read only
 * for needs that pass the rest.
 *
 * A need whose tightest bound reaches a full list's floor but not one point above can enter it
 * only by winning the tie there, by id: the company's list by sorting before its last need (every
 * tie without one, as provesTopList counts them), the need's own list by the company sorting
 * before that list's last entry at its floor (a probe: a need keeps no last entry). In a national
 * world most needs the bound lets through score exactly
 * one of these floors and lose both ties; they were read, turned into inputs, scored and probed for
 * nothing (~90 % of the reads of the bench's slowest companies, docs/benchmarks/matching.md,
 * session 15). The tightest bound is computed once (a subquery kept apart by OFFSET 0) and the
 * probe runs last, only for a need at its own floor: CASE fixes the order.
 */
export function needMayReachGradedSql(
  company: GradedCompany,
  policy: MatchingPolicy,
  asOf: Date,
  prune: { list: ListFloor; always: string[] },
): Prisma.Sql {
  const { floor: threshold, last } = prune.list;
  const floor = Prisma.sql`LEAST(GREATEST(n."matchFloor", -1), ${threshold}::int)`;
  const reaches = (bound: Prisma.Sql) => Prisma.sql`${bound} + 0.500001 >= ${floor}`;
  const winsNeedTie = winsTieAtFloorSql(COMPANY_SIDE, Prisma.sql`${company.company.id}::uuid`, Prisma.sql`n.id`, Prisma.sql`n."matchFloor"`);
  const enters = Prisma.sql`(SELECT CASE
      WHEN g.reach >= GREATEST(n."matchFloor", -1) + 1 OR g.reach >= ${threshold}::int + 1 THEN true
      WHEN g.reach >= ${threshold}::int AND (${last}::uuid IS NULL OR n.id < ${last}::uuid) THEN true
      WHEN g.reach >= n."matchFloor" THEN ${winsNeedTie}
      ELSE false END
    FROM (SELECT ${needGradedBoundSql(company, policy, asOf)} + 0.500001 AS reach OFFSET 0) g)`;
  return Prisma.sql`(n.id = ANY(${prune.always}::uuid[])
    OR (${reaches(needQuickBoundSql(company, policy))} AND ${reaches(needScaledBoundSql(company, policy))}
      AND ${reaches(needTenderBoundSql(company, policy))} AND ${enters}))`;
}
