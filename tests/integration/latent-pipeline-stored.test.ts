import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import type { Db } from '../../lib/db';
import { Prisma } from '../../lib/generated/prisma/client';
import { kyivDay } from '../../lib/hostility-list/calendar';
import { rebuildAllMatches, rerankCompany, rerankNeed } from '../../lib/match-store';
import { loadNeeds } from '../../lib/match-store/inputs';
import { getCurrentPolicy } from '../../lib/match-store/policy';
import { loadCandidateCompanies, loadCompanyProfiles, syncCompanyProfiles } from '../../lib/match-store/profiles';
import { prepareCompany, prepareNeed } from '../../lib/matching/prepare';
import { getSecurityWatch } from '../../lib/security-watch/company-watch';
import { getLatentPipeline } from '../../lib/security-watch/latent-pipeline';
import { watchVerdict, withoutSecurity } from '../../lib/security-watch/verdict';
import { createUser } from '../factories/user';
import { openSyntheticScratch } from './synthetic-scratch';

// The latent pipeline reads which needs some company fits from the stored rankings and runs the
// engine only for the others. Here it is held to the definition — every open need on a listed
// site judged by the engine against every candidate company, as the dashboard computed it on
// every load before — on a synthetic world ranked by a rebuild, then after re-ranks that move
// needs in and out of the pipeline. Its own database: the world covers every hromada.

let db: Db;
let facilitator: Actor;

/** The definition, straight from the engine: no stored ranking read. */
async function latentByEngine(now: Date) {
  const day = kyivDay(now);
  const policy = await getCurrentPolicy(db);
  const needs = await loadNeeds(db, Prisma.sql`EXISTS (
    SELECT 1 FROM "HostilityPeriod" p WHERE p."hromadaCode" = n."hromadaCode" AND p."startDate" <= ${day} AND (p."endDate" IS NULL OR p."endDate" >= ${day}))`);
  const context = { asOf: day, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  const latent = new Map<string, number | null>();
  const waiting = new Set<string>();
  for (const need of needs) {
    const prepared = prepareNeed(need, day);
    if (prepared.site.severity === 0) continue;
    let fits = false;
    const held: string[] = [];
    for (const company of await loadCandidateCompanies(db, prepared, withoutSecurity(policy))) {
      const verdict = watchVerdict(prepared, prepareCompany(company), context, policy, { need: need.matchFloor, company: company.matchFloor });
      if (verdict.kind === 'fits') { fits = true; break; }
      if (verdict.kind === 'securityOnly') held.push(company.id);
    }
    if (fits || held.length === 0) continue;
    held.forEach((id) => waiting.add(id));
    latent.set(need.id, prepared.budgetEur);
  }
  const budgetEur = Math.round([...latent.values()].reduce<number>((sum, eur) => sum + (eur ?? 0), 0));
  return { needs: latent.size, companiesWaiting: waiting.size, budgetEur, withoutBudget: [...latent.values()].filter((eur) => eur === null).length };
}

/** A company's security watch by definition: every need in its sectors, judged by the engine. */
async function watchedByEngine(companyId: string, now: Date) {
  const day = kyivDay(now);
  const policy = await getCurrentPolicy(db);
  const [company] = await loadCompanyProfiles(db, [companyId]);
  const needs = await loadNeeds(db, Prisma.sql`n.sector::text = ANY(${[...company.sectors]}::text[])`);
  const context = { asOf: day, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  return needs.filter((need) => watchVerdict(prepareNeed(need, day), prepareCompany(company), context, policy,
    { need: need.matchFloor, company: company.matchFloor }).kind === 'securityOnly').map((need) => need.id).sort();
}

const summary = async (now: Date) => {
  const { needs, companiesWaiting, budgetEur, withoutBudget, bySector, byOblast } = await getLatentPipeline(db, facilitator, now);
  expect(bySector.reduce((sum, g) => sum + g.needs, 0)).toBe(needs);
  expect(byOblast.reduce((sum, g) => sum + g.needs, 0)).toBe(needs);
  return { needs, companiesWaiting, budgetEur, withoutBudget };
};

let close: (() => Promise<void>) | undefined;

beforeAll(async () => {
  ({ db, facilitator, close } = await openSyntheticScratch('kakehashi_latent_stored', { companies: 60, needs: 300 }));
  await rebuildAllMatches(db, { threads: 1 });
}, 300_000);

afterAll(async () => {
  await close?.();
});

describe('the latent pipeline read from the stored rankings', () => {
  it('equals the engine on a ranked world, with needs both latent and matched on listed sites', async () => {
    const now = new Date();
    const expected = await latentByEngine(now);
    // The world must exercise both branches: latent needs, and listed needs some company fits.
    expect(expected.needs).toBeGreaterThan(0);
    const [{ fitting }] = await db.$queryRaw<{ fitting: number }[]>`
      SELECT count(DISTINCT m."needId")::int AS fitting FROM "Match" m JOIN "Need" n ON n.id = m."needId"
      JOIN "Hromada" h ON h.code = n."hromadaCode" WHERE m."inNeedTop" AND h."hostilityStatus" <> 'NONE'`;
    expect(fitting).toBeGreaterThan(0);
    expect(await summary(now)).toEqual(expected);
  }, 120_000);

  it('still equals the engine after re-ranks move needs in and out of the pipeline', async () => {
    // Companies held back by security accept active hostilities: latent needs become matched.
    const held = await db.companyMatchProfile.findMany({
      where: { isEligible: true, riskAppetite: { in: ['NO_HOSTILITIES', 'AFTER_CEASEFIRE_ONLY'] } }, select: { companyId: true }, take: 12,
    });
    // And companies that fit listed needs now wait for a ceasefire: matched needs may become latent.
    const bold = await db.companyMatchProfile.findMany({
      where: { isEligible: true, riskAppetite: 'ACTIVE_HOSTILITIES' }, select: { companyId: true }, take: 40,
    });
    const ids = (rows: { companyId: string }[]) => rows.map((r) => r.companyId);
    await db.company.updateMany({ where: { id: { in: ids(held) } }, data: { riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE'] } });
    await db.company.updateMany({ where: { id: { in: ids(bold) } }, data: { riskAppetite: 'AFTER_CEASEFIRE_ONLY' } });
    await syncCompanyProfiles(db, Prisma.sql`c.id = ANY(${[...ids(held), ...ids(bold)]}::uuid[])`);
    for (const id of [...ids(held), ...ids(bold)]) await rerankCompany(db, id);
    // A need moved to a listed site, re-ranked as its edit would be.
    const [listed] = await db.$queryRaw<{ code: string }[]>`
      SELECT h.code FROM "Hromada" h JOIN "Municipality" m ON m."hromadaCode" = h.code
      WHERE h."hostilityStatus" = 'ACTIVE_HOSTILITIES' AND m."verificationStatus" = 'VERIFIED' LIMIT 1`;
    const moved = await db.need.findFirstOrThrow({ where: { status: 'OPEN', hromada: { hostilityStatus: 'NONE' } }, select: { id: true } });
    const municipality = await db.municipality.findFirstOrThrow({ where: { hromadaCode: listed.code }, select: { id: true } });
    await db.need.update({ where: { id: moved.id }, data: { hromadaCode: listed.code, municipalityId: municipality.id } });
    await rerankNeed(db, moved.id);

    const now = new Date();
    expect(await summary(now)).toEqual(await latentByEngine(now));
  }, 180_000);

  it('leaves every need a company watches in its security watch, though only listed sites are read', async () => {
    const companies = await db.companyMatchProfile.findMany({
      where: { isEligible: true, riskAppetite: { in: ['NO_HOSTILITIES', 'AFTER_CEASEFIRE_ONLY', 'POSSIBLE_HOSTILITIES'] } }, select: { companyId: true }, take: 15,
    });
    const now = new Date();
    let watchedAny = 0;
    for (const { companyId } of companies) {
      const user = await createUser(db, { role: 'COMPANY_REP', companyId });
      const actor: Actor = { userId: user.id, role: 'COMPANY_REP', companyId, municipalityId: null };
      const expected = await watchedByEngine(companyId, now);
      watchedAny += expected.length;
      expect((await getSecurityWatch(db, actor, now)).needs.map((n) => n.needId).sort(), companyId).toEqual(expected);
    }
    expect(watchedAny).toBeGreaterThan(0);
  }, 120_000);
});
