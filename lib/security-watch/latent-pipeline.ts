import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { SectorCode } from '../generated/prisma/enums';
import { kyivDay } from '../hostility-list/calendar';
import { loadNeeds, loadSites } from '../match-store/inputs';
import { readSiteStatus } from '../matching/site-security';
import { getCurrentPolicy } from '../match-store/policy';
import { loadCandidateCompanies } from '../match-store/profiles';
import { prepareNeed } from '../matching/prepare';
import { prepareCompany } from '../matching/prepare';
import { siteCanHoldBack, watchVerdict, withoutSecurity } from './verdict';

// The latent pipeline, for facilitators: open needs that no company matches today but some would
// if security improved (the pairs apart only by risk appetite or a wait for a ceasefire), counted
// by sector and oblast, with their budgets in EUR at the project's reference rates
// (lib/matching/currency.ts, as the engine compares budgets). Only needs on a listed site can be
// held back by security, so only those are judged.
//
// Which needs no company matches today is read from the stored rankings, not recomputed: a need
// with an eligible pair has that pair on its own top list (the list keeps its best eligible pairs
// and has room until it is full), and any pair on it enters a list (its score is at least the
// list's floor), so "some company fits" is exactly "its stored top list is not empty". Only the
// needs with an empty list — few, and the only ones that can be latent — whose site security
// can hold anyone back (an occupied site refuses everyone) are run through the engine, with the
// security constraint off, to find the companies security alone keeps away.
// tests/integration/latent-pipeline-stored.test.ts holds this to the engine over every need.

export type LatentGroup = { needs: number; budgetEur: number; withoutBudget: number };
export type LatentPipeline = {
  needs: number;
  companiesWaiting: number;
  budgetEur: number;
  withoutBudget: number;
  bySector: ({ sector: SectorCode } & LatentGroup)[];
  byOblast: ({ oblastCode: string; nameUk: string; nameEn: string } & LatentGroup)[];
};

const add = (group: LatentGroup, budgetEur: number | null) => {
  group.needs += 1;
  if (budgetEur === null) group.withoutBudget += 1;
  else group.budgetEur += budgetEur;
};
const empty = (): LatentGroup => ({ needs: 0, budgetEur: 0, withoutBudget: 0 });

export async function getLatentPipeline(db: Db, actor: Actor | null, now: Date = new Date()): Promise<LatentPipeline> {
  requireRole(actor, STAFF_ROLES);
  const day = kyivDay(now);
  const policy = await getCurrentPolicy(db);
  // Open needs on a site listed today whose stored top list is empty (a superset: loadNeeds keeps
  // the open needs of verified municipalities), then only those at a site that can hold anyone
  // back — judged on the site alone, before a need's full inputs are read.
  const unmatched = await db.$queryRaw<{ id: string; hromadaCode: string }[]>`
    SELECT n.id, n."hromadaCode" FROM "Need" n
    WHERE n.status = 'OPEN'
      AND EXISTS (SELECT 1 FROM "HostilityPeriod" p WHERE p."hromadaCode" = n."hromadaCode" AND p."startDate" <= ${day} AND (p."endDate" IS NULL OR p."endDate" >= ${day}))
      AND NOT EXISTS (SELECT 1 FROM "Match" m WHERE m."needId" = n.id AND m."inNeedTop" AND cardinality(m.points) > 0)`;
  const sites = await loadSites(db, [...new Set(unmatched.map((n) => n.hromadaCode))]);
  const judged = unmatched.filter((n) => siteCanHoldBack(readSiteStatus(sites.get(n.hromadaCode)!.periods, day))).map((n) => n.id);
  const needs = judged.length === 0 ? [] : await loadNeeds(db, Prisma.sql`n.id = ANY(${judged}::uuid[])`);
  const context = { asOf: day, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  const latent: { id: string; sector: SectorCode; hromadaCode: string; budgetEur: number | null }[] = [];
  const waiting = new Set<string>();
  for (const need of needs) {
    const prepared = prepareNeed(need, day);
    if (prepared.site.severity === 0 || !siteCanHoldBack(prepared.site)) continue;
    const candidates = await loadCandidateCompanies(db, prepared, withoutSecurity(policy));
    let fits = false;
    const held: string[] = [];
    for (const company of candidates) {
      const verdict = watchVerdict(prepared, prepareCompany(company), context, policy, { need: need.matchFloor, company: company.matchFloor });
      if (verdict.kind === 'fits') { fits = true; break; }
      if (verdict.kind === 'securityOnly') held.push(company.id);
    }
    if (fits || held.length === 0) continue;
    held.forEach((id) => waiting.add(id));
    latent.push({ id: need.id, sector: need.sector, hromadaCode: need.site.hromadaCode, budgetEur: prepared.budgetEur });
  }
  const hromadas = await db.hromada.findMany({
    where: { code: { in: [...new Set(latent.map((n) => n.hromadaCode))] } },
    select: { code: true, oblast: { select: { code: true, nameUk: true, nameEn: true } } },
  });
  const oblastOf = new Map(hromadas.map((h) => [h.code, h.oblast]));
  const total = empty();
  const sectors = new Map<SectorCode, LatentGroup>();
  const oblasts = new Map<string, LatentGroup & { nameUk: string; nameEn: string }>();
  for (const need of latent) {
    add(total, need.budgetEur);
    add(sectors.get(need.sector) ?? sectors.set(need.sector, empty()).get(need.sector)!, need.budgetEur);
    const oblast = oblastOf.get(need.hromadaCode)!;
    if (!oblasts.has(oblast.code)) oblasts.set(oblast.code, { ...empty(), nameUk: oblast.nameUk, nameEn: oblast.nameEn });
    add(oblasts.get(oblast.code)!, need.budgetEur);
  }
  const round = <T extends LatentGroup>(g: T): T => ({ ...g, budgetEur: Math.round(g.budgetEur) });
  return {
    ...round(total),
    companiesWaiting: waiting.size,
    bySector: [...sectors].map(([sector, g]) => round({ sector, ...g })).sort((a, b) => b.needs - a.needs || a.sector.localeCompare(b.sector)),
    byOblast: [...oblasts].map(([oblastCode, g]) => round({ oblastCode, ...g })).sort((a, b) => b.needs - a.needs || a.oblastCode.localeCompare(b.oblastCode)),
  };
}
