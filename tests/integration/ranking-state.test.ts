import type PgBoss from 'pg-boss';
import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { GET } from '../../app/api/ranking-state/route';
import { isAppError } from '../../lib/errors';
import { startJobQueue } from '../../lib/jobs/queue';
import { drainMatchingJobs } from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { readRankingState, readShownNeedRankingState } from '../../lib/match-store/ranking-state';
import { registerInterest } from '../../lib/interests/register-interest';
import { publishNeed, updateNeed } from '../../lib/needs/manage-needs';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createNeed } from '../factories/need';
import { testDb as db } from './test-db';

// "Ranking in progress" is read from pg-boss's table: true from the change's commit until its
// re-ranking job has run, for whoever polls, on any instance.

let world: AccessWorld;
let boss: PgBoss;
beforeAll(async () => {
  world = await createAccessWorld(db);
  boss = await startJobQueue(inject('databaseUrl'));
  await drainMatchingJobs(db, boss);
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await stopQueueClient();
});

const context = { ip: null };
const codeOf = (error: unknown) => (isAppError(error) ? error.code : error);

describe('ranking state', () => {
  it('is pending after a company registers interest, for the company and the need, until the jobs ran', async () => {
    const need = await createNeed(db, world.municipality);
    expect(await readRankingState(db, world.companyRep.actor, { needId: need.id })).toEqual({ pending: false });
    await registerInterest(db, world.companyRep.actor, { needId: need.id, note: 'We can deliver in three weeks.' }, context);
    expect(await readRankingState(db, world.companyRep.actor, { needId: need.id })).toEqual({ pending: true });
    expect(await readRankingState(db, null, { needId: need.id })).toEqual({ pending: true });
    expect(await readRankingState(db, world.companyRep.actor, {})).toEqual({ pending: true });
    // The need page's read (the need already read for the reader) answers the same.
    expect(await readShownNeedRankingState(db, world.companyRep.actor, need)).toEqual({ pending: true });
    expect(await readShownNeedRankingState(db, world.municipalityRep.actor, need)).toEqual({ pending: true });

    await drainMatchingJobs(db, boss);
    expect(await readRankingState(db, world.companyRep.actor, { needId: need.id })).toEqual({ pending: false });
    expect(await readRankingState(db, null, { needId: need.id })).toEqual({ pending: false });
    expect(await readShownNeedRankingState(db, world.companyRep.actor, need)).toEqual({ pending: false });
  });

  it('is pending after a municipality publishes a need', async () => {
    const draft = await createNeed(db, world.municipality, { status: 'DRAFT', publishedAt: null });
    await publishNeed(db, world.municipalityRep.actor, { needId: draft.id, expectedVersion: draft.version }, context);
    expect(await readRankingState(db, world.municipalityRep.actor, { needId: draft.id })).toEqual({ pending: true });
    await drainMatchingJobs(db, boss);
    expect(await readRankingState(db, world.municipalityRep.actor, { needId: draft.id })).toEqual({ pending: false });
  });

  it('is pending after an edit of what ranking reads, and not after an edit of the title or description', async () => {
    const need = await createNeed(db, world.municipality);
    await drainMatchingJobs(db, boss);
    const edit = async (change: Record<string, unknown>) => {
      const current = await db.need.findUniqueOrThrow({ where: { id: need.id } });
      const fields = {
        title: current.title, description: current.description, language: current.language, sector: current.sector, stage: current.stage,
        urgency: current.urgency, budgetAmount: current.budgetAmount === null ? null : Number(current.budgetAmount),
        budgetCurrency: current.budgetCurrency, fundingSource: current.fundingSource, procurementMethod: current.procurementMethod,
        prozorroTenderId: current.prozorroTenderId, dreamProjectId: current.dreamProjectId, requiredCapabilities: current.requiredCapabilities,
      };
      await updateNeed(db, world.municipalityRep.actor, { needId: need.id, expectedVersion: current.version, need: { ...fields, ...change } }, context);
    };
    await edit({ title: 'Pumps for the water station, second phase', description: 'Two pumps and their spare parts, delivered to the station.' });
    expect(await readRankingState(db, world.municipalityRep.actor, { needId: need.id })).toEqual({ pending: false });
    await edit({ budgetAmount: 400000 });
    expect(await readRankingState(db, world.municipalityRep.actor, { needId: need.id })).toEqual({ pending: true });
    await drainMatchingJobs(db, boss);
    expect(await readRankingState(db, world.municipalityRep.actor, { needId: need.id })).toEqual({ pending: false });
  });

  it('hides needs the reader may not see, and refuses a question about nobody', async () => {
    expect(codeOf(await readRankingState(db, null, { needId: world.otherDraft.id }).catch((e: unknown) => e))).toBe('NOT_FOUND');
    expect(codeOf(await readRankingState(db, world.municipalityRep.actor, { needId: world.otherDraft.id }).catch((e: unknown) => e))).toBe('NOT_FOUND');
    expect(codeOf(await readRankingState(db, null, {}).catch((e: unknown) => e))).toBe('NOT_FOUND');
    expect(codeOf(await readRankingState(db, null, { needId: 'not-a-uuid' }).catch((e: unknown) => e))).toBe('VALIDATION');
  });

  it('answers over HTTP with no caching', async () => {
    const ok = await GET(new NextRequest(`http://localhost/api/ranking-state?needId=${world.openNeed.id}`));
    expect(ok.status).toBe(200);
    expect(ok.headers.get('cache-control')).toBe('no-store');
    expect(await ok.json()).toHaveProperty('pending');
    expect((await GET(new NextRequest(`http://localhost/api/ranking-state?needId=${world.otherDraft.id}`))).status).toBe(404);
    expect((await GET(new NextRequest('http://localhost/api/ranking-state?needId=x&extra=1'))).status).toBe(422);
  });
});
