/**
 * A municipality editing one of its needs while the public pages are under load (bench:pages
 * `--write-every=<ms>`): every tick renames the need through the `updateNeed` operation, as the
 * need form's server action runs it (its access check, its transaction, the "Need" trigger that marks
 * every public page stale), alternating two titles. What it measures is how the page cache copes
 * with a write landing during a run: how many requests render again, and what that does to p95.
 * `BENCH_WRITE_LOG=1` prints how long each write took (on stderr).
 */
import { operationOf } from '../../lib/actions/registry';
import { runAction } from '../../lib/actions/run';
import type { Actor } from '../../lib/auth/actor';
import { createDb, type Db } from '../../lib/db';

export type NeedWriter = { start(): void; stop(): Promise<number>; close(): Promise<void> };

export async function needWriter(databaseUrl: string, representativeEmail: string, everyMs: number): Promise<NeedWriter> {
  const db: Db = createDb(databaseUrl, 2);
  const user = await db.user.findUniqueOrThrow({ where: { email: representativeEmail } });
  const actor: Actor = { userId: user.id, role: user.role, companyId: user.companyId, municipalityId: user.municipalityId };
  const need = await db.need.findFirstOrThrow({ where: { municipalityId: user.municipalityId!, status: 'OPEN' }, orderBy: { createdAt: 'asc' } });
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();
  let writes = 0;

  async function rename(): Promise<void> {
    const began = Date.now();
    const current = await db.need.findUniqueOrThrow({ where: { id: need.id } });
    const title = current.title.endsWith(' (edited)') ? current.title.slice(0, -' (edited)'.length) : `${current.title} (edited)`;
    const result = await runAction(db, 'updateNeed', operationOf('updateNeed'), actor, {
      needId: current.id,
      expectedVersion: current.version,
      need: {
        title, description: current.description, language: current.language, sector: current.sector, stage: current.stage,
        urgency: current.urgency, budgetAmount: current.budgetAmount === null ? null : Number(current.budgetAmount),
        budgetCurrency: current.budgetCurrency, fundingSource: current.fundingSource, procurementMethod: current.procurementMethod,
        prozorroTenderId: current.prozorroTenderId, dreamProjectId: current.dreamProjectId, requiredCapabilities: current.requiredCapabilities,
      },
    }, { ip: '127.0.0.1' });
    if (!result.ok) throw new Error(`updateNeed refused: ${JSON.stringify(result.error)}`);
    writes += 1;
    if (process.env.BENCH_WRITE_LOG) console.error(`write ${writes}: ${Date.now() - began} ms`);
  }

  return {
    start() {
      writes = 0;
      timer = setInterval(() => (writing = writing.then(rename)), everyMs);
    },
    /** Stops writing; how many writes had committed by then (one still in flight is waited for, not counted). */
    async stop() {
      clearInterval(timer);
      const committed = writes;
      await writing;
      return committed;
    },
    close: () => db.$disconnect(),
  };
}
