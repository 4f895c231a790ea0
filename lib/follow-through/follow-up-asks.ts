import type PgBoss from 'pg-boss';
import type { Db } from '../db';
import type { IntroductionSide } from '../generated/prisma/enums';
import { QUEUES } from '../jobs/queue';
import { LIST_TIME_ZONE } from '../hostility-list/calendar';
import { publishNotices, recipientsOfCompany, recipientsOfMunicipality, type NoticeInput } from '../notifications';
import { needTitleRef } from '../notifications/written-params';

// After an introduction both sides are asked what happened, at 14 and at 45 days, each once: the
// ask is a notice (kind followUpAsk, emailed by the person's preference) linking to the form at
// /introductions/<id>. The FollowUpAsk row (introduction, side, milestone) is inserted with the
// notices in one transaction (and each notice has its own dedupe key), so
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
          needId: true, companyId: true,
          need: { select: { id: true, title: true, language: true, municipalityId: true, hromada: { select: { nameUk: true, nameEn: true } } } },
          company: { select: { legalNameJa: true, legalNameEn: true } },
        },
      });
      const toCompany = ask.side === 'COMPANY';
      const recipients = toCompany ? await recipientsOfCompany(tx, intro.companyId) : await recipientsOfMunicipality(tx, intro.need.municipalityId);
      const counterpart = toCompany
        ? { en: intro.need.hromada.nameEn, uk: intro.need.hromada.nameUk }
        : { en: intro.company.legalNameEn, ja: intro.company.legalNameJa };
      const notices = recipients.map((userId): NoticeInput => ({
        userId, kind: 'followUpAsk', dedupeKey: `followUpAsk:${ask.introductionId}:${ask.afterDays}`,
        params: { needTitle: intro.need.title, days: ask.afterDays, counterpart, written: { needTitle: needTitleRef(intro.need) } },
        link: `/introductions/${ask.introductionId}`,
        needId: intro.needId, companyId: intro.companyId, introductionId: ask.introductionId,
      }));
      await publishNotices(tx, notices);
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
