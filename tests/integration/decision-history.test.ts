import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../lib/actions/run';
import { operationOf } from '../../lib/actions/registry';
import type { Actor } from '../../lib/auth/actor';
import { Prisma } from '../../lib/generated/prisma/client';
import { getMatchCard } from '../../lib/match-decisions/review-queue';
import { getCurrentPolicy, rebuildAllMatches, rerankCompany, rerankNeed } from '../../lib/match-store';
import { loadNeedsWithSites } from '../../lib/match-store/inputs';
import { readNeedPairs } from '../../lib/match-store/need-pairs';
import { ACTED_ON_COLUMN } from '../../lib/match-store/write';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { syncCompanyProfiles } from '../../lib/match-store/profiles';
import { writeRebuild } from '../../lib/match-store/rebuild-write';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { testDb as db } from './test-db';

// What a person decided on a pair outlives re-ranking: a match declined and then undone is
// SUGGESTED again, and re-ranking used to delete such a row (its decisions cascading with it)
// once the pair left the top lists. The decisions belong to the pair, and a row somebody acted on
// is never deleted.

const staff = async (): Promise<{ actor: Actor; name: string }> => {
  const user = await createUser(db, { role: 'FACILITATOR' });
  return { actor: { userId: user.id, role: 'FACILITATOR', companyId: null, municipalityId: null }, name: user.name };
};

let alice: Awaited<ReturnType<typeof staff>>;
let bohdan: Awaited<ReturnType<typeof staff>>;
beforeAll(async () => {
  alice = await staff();
  bohdan = await staff();
});
afterAll(async () => {
  await stopQueueClient();
});

const decide = (actor: Actor, input: Record<string, unknown>) =>
  runAction(db, 'decideOnMatch', operationOf('decideOnMatch'), actor, input, { ip: '198.51.100.9' });

/** A need and a company that fits it, ranked: the pair is on the need's top list. */
async function rankedPair() {
  const hromada = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
  const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
  const need = await createNeed(db, municipality, { sector: 'WATER_SANITATION', requiredCapabilities: ['WATER_PURIFICATION'] });
  const company = await createCompany(db, {
    sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], verificationStatus: 'VERIFIED', riskAppetite: 'NO_HOSTILITIES',
  });
  await syncCompanyProfiles(db, Prisma.sql`c.id = ${company.id}::uuid`);
  await rerankNeed(db, need.id);
  const match = await db.match.findUniqueOrThrow({ where: { needId_companyId: { needId: need.id, companyId: company.id } } });
  expect(match.inNeedTop).toBe(true);
  return { need, company, match };
}

/** The company leaves (or returns to) the need's sector, so the pair leaves (or re-enters) every list. */
async function moveCompany(companyId: string, sector: 'ENERGY' | 'WATER_SANITATION') {
  await db.company.update({ where: { id: companyId }, data: { sectors: [sector] } });
  await rerankCompany(db, companyId);
}

const historyOf = async (matchId: string) =>
  (await getMatchCard(db, alice.actor, matchId))?.decisions.map((d) => ({ action: d.action, note: d.note, reason: d.reason, actor: d.actor.name }));

describe('decision history', () => {
  it('survives a decline and an undo when re-ranking takes the pair off every list, and is there when it returns', async () => {
    const { need, company, match } = await rankedPair();
    expect(await decide(alice.actor, { matchId: match.id, version: 0, action: 'DECLINE', reason: 'SECURITY_CONDITIONS', note: 'Too close to the front.' }))
      .toMatchObject({ ok: true });
    expect(await decide(bohdan.actor, { matchId: match.id, version: 1, action: 'UNDO', note: 'The front moved; reconsider.' }))
      .toMatchObject({ ok: true, data: { status: 'SUGGESTED' } });
    const expected = [
      { action: 'UNDO', note: 'The front moved; reconsider.', reason: null, actor: bohdan.name },
      { action: 'DECLINE', note: 'Too close to the front.', reason: 'SECURITY_CONDITIONS', actor: alice.name },
    ];

    // Incremental re-ranking: the pair no longer scores.
    await moveCompany(company.id, 'ENERGY');
    const afterRerank = await db.match.findUnique({ where: { id: match.id } });
    expect(afterRerank).toMatchObject({ status: 'SUGGESTED', inNeedTop: false, inCompanyTop: false });
    expect(await historyOf(match.id)).toEqual(expected);

    // A full rebuild replaces every suggestion, but not this one.
    await rebuildAllMatches(db);
    expect(await db.match.findUnique({ where: { id: match.id } })).toMatchObject({ status: 'SUGGESTED', inNeedTop: false });
    expect(await historyOf(match.id)).toEqual(expected);

    // Back in the sector: the pair re-enters the need's list, with its history.
    await moveCompany(company.id, 'WATER_SANITATION');
    const back = await db.match.findUniqueOrThrow({ where: { needId_companyId: { needId: need.id, companyId: company.id } } });
    expect(back).toMatchObject({ id: match.id, inNeedTop: true });
    expect(await historyOf(back.id)).toEqual(expected);
  });

  it('belongs to the pair: a match row re-created under a new id shows the pair’s decisions and introduction', async () => {
    const { need, company, match } = await rankedPair();
    await decide(alice.actor, { matchId: match.id, version: 0, action: 'INTRODUCE', note: 'Meet in Lviv.' });
    // Whatever removes the row (it used to be re-ranking), the pair's history stays.
    await db.match.delete({ where: { id: match.id } });
    expect(await db.matchDecision.count({ where: { needId: need.id, companyId: company.id } })).toBe(1);

    await rerankNeed(db, need.id);
    const recreated = await db.match.findUniqueOrThrow({ where: { needId_companyId: { needId: need.id, companyId: company.id } } });
    expect(recreated.id).not.toBe(match.id);
    const card = await getMatchCard(db, alice.actor, recreated.id);
    expect(card?.decisions.map((d) => [d.action, d.note, d.actor.name])).toEqual([['INTRODUCE', 'Meet in Lviv.', alice.name]]);
    expect(card?.introduction?.message).toBe('Meet in Lviv.');
  });

  it('a need’s re-rank reads who acted on its pairs as the rule over each row says, and keeps those pairs when they leave', async () => {
    const { need, company: undone, match } = await rankedPair();
    const others = [];
    for (let i = 0; i < 2; i += 1) {
      const company = await createCompany(db, {
        sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], verificationStatus: 'VERIFIED', riskAppetite: 'NO_HOSTILITIES',
      });
      await syncCompanyProfiles(db, Prisma.sql`c.id = ${company.id}::uuid`);
      others.push(company);
    }
    await rerankNeed(db, need.id);
    const [shortlisted, untouched] = others;
    const shortlistedMatch = await db.match.findUniqueOrThrow({ where: { needId_companyId: { needId: need.id, companyId: shortlisted.id } } });
    // Declined, then undone: SUGGESTED again, but somebody acted on it.
    await decide(alice.actor, { matchId: match.id, version: 0, action: 'DECLINE', reason: 'SECURITY_CONDITIONS', note: 'Not now.' });
    await decide(alice.actor, { matchId: match.id, version: 1, action: 'UNDO', note: 'Now.' });
    await decide(alice.actor, { matchId: shortlistedMatch.id, version: 0, action: 'SHORTLIST', note: 'Promising.' });

    // The need's read (nobodyActedOnInNeed, its decided companies read once) against the rule over each row.
    const [input] = await loadNeedsWithSites(db, Prisma.sql`n.id = ${need.id}::uuid`);
    const read = await readNeedPairs(db, need.id, input, await getCurrentPolicy(db), new Date());
    const byRule = await db.$queryRaw<{ companyId: string; actedOn: boolean }[]>`
      SELECT "companyId"::text AS "companyId", ${ACTED_ON_COLUMN} FROM "Match" WHERE "needId" = ${need.id}::uuid`;
    const actedOn = (rows: { id: string; actedOn: boolean }[]) => Object.fromEntries(rows.map((row) => [row.id, row.actedOn]));
    expect(actedOn(read.rows.map((row) => ({ id: row.counterpartId, actedOn: row.actedOn }))))
      .toEqual(actedOn(byRule.map((row) => ({ id: row.companyId, actedOn: row.actedOn }))));
    // (Companies of this file's other tests fit the need too.)
    expect(actedOn(byRule.map((row) => ({ id: row.companyId, actedOn: row.actedOn })))).toMatchObject({ [undone.id]: true, [shortlisted.id]: true, [untouched.id]: false });

    // The need leaves the companies' sector: its re-rank drops the pair nobody acted on and keeps the others.
    await db.need.update({ where: { id: need.id }, data: { sector: 'ENERGY' } });
    await rerankNeed(db, need.id);
    const left = await db.match.findMany({ where: { needId: need.id }, select: { companyId: true, status: true } });
    const statuses = Object.fromEntries(left.map((row) => [row.companyId, row.status]));
    expect(statuses).toMatchObject({ [undone.id]: 'SUGGESTED', [shortlisted.id]: 'SHORTLISTED' });
    expect(statuses).not.toHaveProperty(untouched.id);
  });

  it('keeps a decided match through re-ranking and rebuild when it leaves the lists, with its status', async () => {
    const { company, match } = await rankedPair();
    await decide(alice.actor, { matchId: match.id, version: 0, action: 'SHORTLIST', note: 'Promising.' });
    await moveCompany(company.id, 'ENERGY');
    expect(await db.match.findUnique({ where: { id: match.id } })).toMatchObject({ status: 'SHORTLISTED', inNeedTop: false });
    await rebuildAllMatches(db);
    expect(await db.match.findUnique({ where: { id: match.id } })).toMatchObject({ status: 'SHORTLISTED', inNeedTop: false, inCompanyTop: false });
    expect(await historyOf(match.id)).toEqual([{ action: 'SHORTLIST', note: 'Promising.', reason: null, actor: alice.name }]);
  });

  it('re-scores, in the rebuild\'s own transaction, a decided pair that no list holds any more', async () => {
    const { need, company, match } = await rankedPair();
    await decide(alice.actor, { matchId: match.id, version: 0, action: 'SHORTLIST', note: 'Promising.' });
    const other = await rankedPair();
    const policyVersion = match.policyVersion;
    // The rebuild's write, given lists that hold neither pair: the decided one is scored again
    // (here by a stand-in for the engine), the other one goes.
    await writeRebuild(db, {
      rows: [], needFloors: [], companyFloors: [], policyVersion, judgedOn: '2026-11-30',
      rescore: (needId, companyId) =>
        needId === need.id && companyId === company.id ? { score: 42, points: [20, 10, 5, 3, 2, 1, 1, 0, 0] } : { score: 0, points: [] },
    });
    expect(await db.match.findUnique({ where: { id: match.id } })).toMatchObject({
      status: 'SHORTLISTED', score: 42, points: [20, 10, 5, 3, 2, 1, 1, 0, 0], inNeedTop: false, inCompanyTop: false, policyVersion,
    });
    expect(await db.match.findUnique({ where: { id: other.match.id } })).toBeNull();
    await rebuildAllMatches(db);
  });

  it('still lets re-ranking drop a pair nobody acted on', async () => {
    const { company, match } = await rankedPair();
    await moveCompany(company.id, 'ENERGY');
    expect(await db.match.findUnique({ where: { id: match.id } })).toBeNull();
  });
});
