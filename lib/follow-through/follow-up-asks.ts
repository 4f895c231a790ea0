import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import { queueEmail } from '../email/outbox';
import { env } from '../env';
import type { IntroductionSide } from '../generated/prisma/enums';
import { QUEUES } from '../jobs/queue';
import { LIST_TIME_ZONE } from '../hostility-list/calendar';
import { followUpAskMessage } from './ask-message';

// After an introduction both sides are asked what happened, at 14 and at 45 days, each once: the
// FollowUpAsk row (introduction, side, milestone) is inserted with the ask in one transaction, so
// a job that runs twice, or on two instances at once, asks once. `now` is a parameter so tests
// move the clock. An ask that came due while no worker ran is still sent, until the next
// milestone is due: an introduction older than that is not asked about a stage it has passed.

export const FOLLOW_UP_DAYS = [14, 45] as const;
/** How long after the last milestone a missed ask is still worth sending. */
const LAST_ASK_GRACE_DAYS = 30;
const DAY_MS = 86_400_000;

export const FOLLOW_UP_CRON = '0 9 * * *';

type Due = { introductionId: string; afterDays: number; side: IntroductionSide };

async function dueAsks(db: Db, now: Date): Promise<Due[]> {
  const due: Due[] = [];
  for (const [index, afterDays] of FOLLOW_UP_DAYS.entries()) {
    const until = FOLLOW_UP_DAYS[index + 1] ?? afterDays + LAST_ASK_GRACE_DAYS;
    const rows = await db.introduction.findMany({
      where: { createdAt: { lte: new Date(now.getTime() - afterDays * DAY_MS), gt: new Date(now.getTime() - until * DAY_MS) } },
      select: { id: true, followUpAsks: { where: { afterDays }, select: { side: true } } },
      orderBy: { createdAt: 'asc' },
    });
    for (const row of rows) {
      for (const side of ['COMPANY', 'MUNICIPALITY'] as const) {
        if (!row.followUpAsks.some((ask) => ask.side === side)) due.push({ introductionId: row.id, afterDays, side });
      }
    }
  }
  return due;
}

/** Asks every side whose milestone has come; returns how many asks were made (one per side). */
export async function sendDueFollowUpAsks(db: Db, now: Date = new Date()): Promise<number> {
  let asked = 0;
  for (const ask of await dueAsks(db, now)) {
    const sent = await db.$transaction(async (tx) => {
      const inserted = await tx.followUpAsk.createMany({ data: [ask], skipDuplicates: true });
      if (inserted.count === 0) return false;
      const intro = await tx.introduction.findUniqueOrThrow({
        where: { id: ask.introductionId },
        select: {
          need: { select: { title: true, hromada: { select: { nameUk: true, nameEn: true } }, municipality: { select: { users: { where: { disabledAt: null }, select: { id: true, name: true, email: true, locale: true } } } } } },
          company: { select: { legalNameJa: true, legalNameEn: true, users: { where: { disabledAt: null }, select: { id: true, name: true, email: true, locale: true } } } },
        },
      });
      const recipients = ask.side === 'COMPANY' ? intro.company.users : intro.need.municipality.users;
      for (const user of recipients) {
        const counterpart = ask.side === 'COMPANY'
          ? (user.locale === 'uk' ? intro.need.hromada.nameUk : intro.need.hromada.nameEn)
          : (user.locale === 'ja' ? intro.company.legalNameJa : intro.company.legalNameEn);
        const link = `${env.NEXTAUTH_URL}/${user.locale}/introductions/${ask.introductionId}`;
        const message = followUpAskMessage(user.locale, { name: user.name, afterDays: ask.afterDays, needTitle: intro.need.title, counterpart, link });
        await queueEmail(tx, { kind: 'follow-up-ask', to: user.email, locale: user.locale, ...message });
      }
      return true;
    });
    if (sent) asked += 1;
  }
  return asked;
}

/** The daily job: pg-boss keeps the schedule in PostgreSQL and sends each tick once. */
export async function startFollowUpSchedule(db: Db, boss: PgBoss): Promise<void> {
  await boss.schedule(QUEUES.followUpAsks, FOLLOW_UP_CRON, {}, { tz: LIST_TIME_ZONE });
  await boss.work(QUEUES.followUpAsks, { pollingIntervalSeconds: 30, batchSize: 1 }, async () => {
    await sendDueFollowUpAsks(db);
  });
}
