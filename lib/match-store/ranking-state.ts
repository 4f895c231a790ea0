import { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { AppError } from '../errors';
import { QUEUES } from '../jobs/queue';
import { getNeedForActor } from '../needs/manage-needs';
import { parseInput } from '../validation';

// Whether the background re-ranking behind a page is still to come. A change queues its job in
// the change's own transaction (enqueue.ts), so "a job for this need (or this company) is
// waiting, retrying or running" in pg-boss's table is exactly "the ranking on screen may be
// stale". Read from PostgreSQL on every call: any instance answers the same.

export const rankingStateQuerySchema = z.object({ needId: z.uuid().optional() }).strict();

// pg-boss 10's states before a job is done; completed, cancelled and failed ones are settled.
const UNSETTLED = ['created', 'retry', 'active'];

/**
 * For a need's page: its own re-ranking, and for a company representative also their company's
 * (registering interest queues both). Without a need: a company's own list of recommendations.
 * A need the reader may not see is NOT_FOUND, as on its page.
 */
export async function readRankingState(db: Db, actor: Actor | null, query: unknown): Promise<{ pending: boolean }> {
  const { needId } = parseInput(rankingStateQuerySchema, query);
  if (needId) return readShownNeedRankingState(db, actor, await getNeedForActor(db, actor, needId));
  const companyId = companyOf(actor);
  if (!companyId) throw new AppError('NOT_FOUND');
  return { pending: await hasUnsettledJob(db, { needId: null, companyId }) };
}

/** Whose recommendations a reader's page shows beside a need: a company representative's company's. */
const companyOf = (actor: Actor | null) => (actor?.role === 'COMPANY_REP' ? actor.companyId : null);

/**
 * readRankingState for a need its page has just read for this reader (getNeedForActor, which
 * refuses a need they may not see): the same answer without reading the need a second time.
 */
export async function readShownNeedRankingState(db: Db, actor: Actor | null, need: { id: string }): Promise<{ pending: boolean }> {
  return { pending: await hasUnsettledJob(db, { needId: need.id, companyId: companyOf(actor) }) };
}

export async function hasUnsettledJob(db: Db, keys: { needId: string | null; companyId: string | null }): Promise<boolean> {
  const [row] = await db.$queryRaw<{ pending: boolean }[]>`
    SELECT EXISTS (
      SELECT 1 FROM pgboss.job
      WHERE state::text = ANY(${UNSETTLED})
        AND ((name = ${QUEUES.needChanged} AND singleton_key = ${keys.needId})
          OR (name = ${QUEUES.companyChanged} AND singleton_key = ${keys.companyId})
          OR name = ${QUEUES.rebuild})
    ) AS pending`;
  return row.pending;
}
