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
import { drainMatchingJobs, listMatchesForCompany, rerankNeed } from '../../lib/match-store';
import { syncCompanyProfiles } from '../../lib/match-store/profiles';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { readOwnMatchExplanation } from '../../lib/match-store/own-explanation';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { testDb as db } from './test-db';

// A company's recommendations fetch each card's full criteria table when it is opened
// (app/api/match-explanation). The table must be the one the page would have rendered — the same
// explanation and score as the card's list — and only the company's own matches may be read.

let world: AccessWorld;
let boss: PgBoss;
let matchId: string;
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
  const list = await listMatchesForCompany(db, world.companyRep.actor, world.company.id);
  const scored = list.items.find((match) => match.explanation.kind === 'scored');
  if (!scored) throw new Error('the access world ranks no need for its company');
  matchId = scored.id;
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await stopQueueClient();
});

const ask = async (actor: Actor | null, query: string) => {
  const headers = new Headers();
  if (actor) headers.set('cookie', `${SESSION_COOKIE}=${await sessionCookieFor(actor)}`);
  return GET(new NextRequest(`http://localhost/api/match-explanation?${query}`, { headers }));
};

describe('a recommendation’s criteria table on demand', () => {
  it('is the list’s own explanation and score, in the words a page would render', async () => {
    const list = await listMatchesForCompany(db, world.companyRep.actor, world.company.id);
    const card = list.items.find((match) => match.id === matchId)!;
    const own = await readOwnMatchExplanation(db, world.companyRep.actor, matchId);
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

  it('is refused to anyone but the company: 401 signed out, 403 other roles, 404 another company', async () => {
    const query = `match=${matchId}&locale=en`;
    expect((await ask(null, query)).status).toBe(401);
    expect((await ask(world.municipalityRep.actor, query)).status).toBe(403);
    expect((await ask(world.facilitator.actor, query)).status).toBe(403);
    expect((await ask(world.admin.actor, query)).status).toBe(403);
    const other = await ask(world.otherCompanyRep.actor, query);
    expect(other.status).toBe(404);
    expect(JSON.stringify(await other.json())).not.toContain('view');
    await expect(readOwnMatchExplanation(db, world.otherCompanyRep.actor, matchId)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(readOwnMatchExplanation(db, null, matchId)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
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
