import { encode } from 'next-auth/jwt';
import { NextRequest } from 'next/server';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GET } from '../../app/api/match-explanation/route';
import type { Actor } from '../../lib/auth/actor';
import { authSecret, SESSION_COOKIE } from '../../lib/auth/session';
import { startSession } from '../../lib/auth/user-sessions';
import { getListInForce } from '../../lib/hostility-list/list-in-force';
import { criteriaView, type CriteriaView } from '../../lib/i18n/criteria-view';
import { READER_TIME_ZONE } from '../../lib/i18n/dates';
import { translatorFor } from '../../lib/i18n/translator';
import { listPrefectures } from '../../lib/reference/prefectures';
import { startJobQueue } from '../../lib/jobs/queue';
import { Prisma } from '../../lib/generated/prisma/client';
import { drainMatchingJobs, listMatchesForCompany, listMatchesForNeed, rerankNeed, type StoredMatch } from '../../lib/match-store';
import type { MatchListFilter } from '../../lib/match-store/queries';
import type { Page } from '../../lib/pagination';
import { syncCompanyProfiles } from '../../lib/match-store/profiles';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { readMatchExplanation } from '../../lib/match-store/match-explanation';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { testDb as db } from './test-db';

// A company's recommendations and a need's recommended companies fetch each card's full criteria
// table when it is opened (app/api/match-explanation). The table must be the one the page would
// have rendered — the same explanation and score as the card's list — and each reader may read
// only the pairs its own list shows.

let world: AccessWorld;
let boss: PgBoss;
let matchId: string;
/** A representative of the hromada whose need the pair is on. */
let hromadaRep: Actor;
beforeAll(async () => {
  world = await createAccessWorld(db);
  boss = await startJobQueue(inject('databaseUrl'));
  await drainMatchingJobs(db, boss);
  // A need the world's company fits (as tests/integration/matching.test.ts ranks one), in a hromada without hostilities.
  const hromada = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
  const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
  const need = await createNeed(db, municipality, { sector: 'WATER_SANITATION', requiredCapabilities: ['WATER_PURIFICATION'] });
  await db.company.update({ where: { id: world.company.id }, data: { sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], riskAppetite: 'NO_HOSTILITIES' } });
  await syncCompanyProfiles(db, Prisma.sql`c.id = ${world.company.id}::uuid`);
  await rerankNeed(db, need.id);
  // The pair of this company and this need: the files share one database, so the company's list
  // may also hold other files' water needs, and the need's list other files' water companies.
  const pair = await db.match.findUniqueOrThrow({ where: { needId_companyId: { needId: need.id, companyId: world.company.id } } });
  if (pair.score === 0) throw new Error('the need does not rank the access world’s company');
  matchId = pair.id;
  // Those other files' companies and needs may also outrank this pair. What is tested here is that
  // the explanation read is the lists' own, not the ranking (tests/integration/matching.test.ts),
  // so the pair is put on both lists.
  await db.match.update({ where: { id: matchId }, data: { inNeedTop: true, inCompanyTop: true } });
  const rep = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: municipality.id });
  hromadaRep = { userId: rep.id, role: rep.role, companyId: null, municipalityId: municipality.id };
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await stopQueueClient();
});

// Every card of a list at or above the pair's score, page after page: a list holds at most 50
// ranked pairs (NEED_TOP_K) besides the ones somebody acted on, and other files' companies may
// outrank this pair, which then sorts after them.
async function wholeList(read: (filter: MatchListFilter) => Promise<Page<StoredMatch>>): Promise<StoredMatch[]> {
  const { score } = await db.match.findUniqueOrThrow({ where: { id: matchId } });
  const items: StoredMatch[] = [];
  for (let page = 1; ; page += 1) {
    const { items: onPage, total } = await read({ page, pageSize: 50, minScore: score });
    items.push(...onPage);
    if (onPage.length === 0 || items.length >= total) return items;
  }
}
const companyList = () => wholeList((filter) => listMatchesForCompany(db, world.companyRep.actor, world.company.id, filter));
const needList = (needId: string) => wholeList((filter) => listMatchesForNeed(db, hromadaRep, needId, filter));

const ask = async (actor: Actor | null, query: string) => {
  const headers = new Headers();
  if (actor) headers.set('cookie', `${SESSION_COOKIE}=${await sessionCookieFor(actor)}`);
  return GET(new NextRequest(`http://localhost/api/match-explanation?${query}`, { headers }));
};

describe('a recommendation’s criteria table on demand', () => {
  it('is the list’s own explanation and score, in the words a page would render', async () => {
    const card = (await companyList()).find((match) => match.id === matchId)!;
    const own = await readMatchExplanation(db, world.companyRep.actor, matchId);
    expect(own).toEqual({ needId: card.needId, score: card.score, explanation: card.explanation });

    for (const locale of ['en', 'ja', 'uk'] as const) {
      const response = await ask(world.companyRep.actor, `match=${matchId}&locale=${locale}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
      const body = (await response.json()) as { kind: string; view: CriteriaView };
      if (card.explanation.kind !== 'scored') throw new Error('not scored');
      const names = new Map((await listPrefectures(db)).map((p) => [p.code, p]));
      const { reasonContext } = translatorFor(locale, names, READER_TIME_ZONE[locale]);
      expect(body).toEqual({ kind: 'scored', view: criteriaView(card.explanation, reasonContext, await getListInForce(db)) });
      expect(body.view.score).toBe(card.score);
      expect(body.view.rows.reduce((sum, row) => sum + row.points, 0)).toBe(card.score);
    }
  });

  it('is refused outside the reader’s own lists: 401 signed out, 404 another company’s or another hromada’s pair', async () => {
    const query = `match=${matchId}&locale=en`;
    expect((await ask(null, query)).status).toBe(401);
    // The pair is on a need of another municipality: the world's municipality does not list it.
    expect((await ask(world.municipalityRep.actor, query)).status).toBe(404);
    const other = await ask(world.otherCompanyRep.actor, query);
    expect(other.status).toBe(404);
    expect(JSON.stringify(await other.json())).not.toContain('view');
    await expect(readMatchExplanation(db, world.otherCompanyRep.actor, matchId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readMatchExplanation(db, world.municipalityRep.actor, matchId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readMatchExplanation(db, null, matchId)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    // Staff read every match's card.
    expect((await ask(world.facilitator.actor, query)).status).toBe(200);
    expect((await ask(world.admin.actor, query)).status).toBe(200);
  });

  it('is the municipality’s own need list’s explanation, and only while the pair is on that list', async () => {
    const { needId } = await db.match.findUniqueOrThrow({ where: { id: matchId } });
    const card = (await needList(needId)).find((match) => match.id === matchId)!;
    expect(await readMatchExplanation(db, hromadaRep, matchId)).toEqual({ needId, score: card.score, explanation: card.explanation });
    expect((await ask(hromadaRep, `match=${matchId}&locale=uk`)).status).toBe(200);
    // A pair that sits only on the company's list, untouched, is not on the need's list (listMatchesForNeed's rule).
    await db.match.update({ where: { id: matchId }, data: { inNeedTop: false } });
    try {
      expect((await needList(needId)).map((match) => match.id)).not.toContain(matchId);
      expect((await ask(hromadaRep, `match=${matchId}&locale=uk`)).status).toBe(404);
      expect((await ask(world.companyRep.actor, `match=${matchId}&locale=uk`)).status).toBe(200);
      // Once somebody acted on it, it is on the need's list again, and readable.
      await db.match.update({ where: { id: matchId }, data: { status: 'SHORTLISTED' } });
      expect((await needList(needId)).map((match) => match.id)).toContain(matchId);
      expect((await ask(hromadaRep, `match=${matchId}&locale=uk`)).status).toBe(200);
    } finally {
      await db.match.update({ where: { id: matchId }, data: { inNeedTop: true, status: 'SUGGESTED' } });
    }
  });

  it('answers "not found" for an id that is no match, and 400 for an unreadable query', async () => {
    expect((await ask(world.companyRep.actor, 'match=not-a-uuid&locale=en')).status).toBe(404);
    expect((await ask(world.companyRep.actor, 'match=00000000-0000-4000-8000-000000000000&locale=en')).status).toBe(404);
    expect((await ask(world.companyRep.actor, `match=${matchId}%00`)).status).toBe(400);
  });
});

async function sessionCookieFor(actor: Actor): Promise<string> {
  const user = await db.user.findUniqueOrThrow({ where: { id: actor.userId } });
  const session = await startSession(db, user.id);
  return encode({ secret: authSecret(), token: { sub: user.id, sid: session.id, sv: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) } });
}
