import type { Db } from '../../db';
import type { Locale } from '../../generated/prisma/enums';
import { isoDay, kyivDay } from '../../hostility-list/calendar';
import { explainStoredMatches, type CompactMatch } from '../../match-store/explain';
import { publishNotices, type NoticeInput } from '../publish';
import { staffRecipients } from '../recipients';
import { needTitleRef } from '../written-params';
import { companyName, hromadaName } from './names';
import { STRONG_SCORE, topReasons } from './ranking';

// What facilitators should look at, found by a daily job (lib/notifications/schedule.ts) with the
// clock passed in: organisations waiting for verification (once a day while any wait), strong
// matches nobody reviewed for UNREVIEWED_DAYS, introductions with no news for QUIET_DAYS.

export const UNREVIEWED_DAYS = 7;
export const QUIET_DAYS = 30;
const DAY = 86_400_000;

export async function findFacilitationNotices(db: Db, now: Date = new Date()): Promise<number> {
  const staff = await staffRecipients(db);
  if (!staff.length) return 0;
  const notices: NoticeInput[] = [];
  const forStaff = (notice: Omit<NoticeInput, 'userId'>) => notices.push(...staff.map((userId) => ({ ...notice, userId })));

  const waiting = { verificationStatus: 'UNVERIFIED' as const, createdAt: { lte: now } };
  const [companies, municipalities] = await Promise.all([
    db.company.aggregate({ where: waiting, _count: true, _min: { createdAt: true } }),
    db.municipality.aggregate({ where: waiting, _count: true, _min: { createdAt: true } }),
  ]);
  const count = companies._count + municipalities._count;
  if (count > 0) {
    const oldest = [companies._min.createdAt, municipalities._min.createdAt].filter((date): date is Date => !!date).sort((a, b) => a.getTime() - b.getTime())[0];
    forStaff({ kind: 'verificationWaiting', dedupeKey: `verificationWaiting:${isoDay(kyivDay(now))}`, link: '/facilitator/verifications', params: { count, since: isoDay(kyivDay(oldest)) } });
  }

  const unreviewedSince = new Date(now.getTime() - UNREVIEWED_DAYS * DAY);
  const strong = await db.$queryRaw<(CompactMatch & { title: string; language: Locale; legalNameJa: string; legalNameEn: string })[]>`
    SELECT m."needId", m."companyId", m.score, m.points, m."policyVersion", m."judgedOn", n.title, n.language, c."legalNameJa", c."legalNameEn"
    FROM "Match" m JOIN "Need" n ON n.id = m."needId" JOIN "Company" c ON c.id = m."companyId"
    WHERE m.status = 'SUGGESTED' AND m."inNeedTop" AND m.score >= ${STRONG_SCORE} AND n.status = 'OPEN'
      AND n."publishedAt" <= ${unreviewedSince}
      AND NOT EXISTS (SELECT 1 FROM "MatchDecision" d WHERE d."needId" = m."needId" AND d."companyId" = m."companyId")
    ORDER BY m.score DESC LIMIT 200`;
  const explained = await explainStoredMatches(db, strong);
  const unreviewed = strong.map((row, i) => ({ ...row, explanation: explained[i].explanation }));
  for (const row of unreviewed) {
    forStaff({
      kind: 'strongMatchUnreviewed', dedupeKey: `strongMatchUnreviewed:${row.needId}:${row.companyId}`,
      link: `/facilitator/matches/pair?needId=${row.needId}&companyId=${row.companyId}`, needId: row.needId, companyId: row.companyId,
      params: { needTitle: row.title, company: companyName(row), score: row.score, days: UNREVIEWED_DAYS, reasons: topReasons(row.explanation), written: { needTitle: needTitleRef({ id: row.needId, language: row.language }) } },
    });
  }

  const quietSince = new Date(now.getTime() - QUIET_DAYS * DAY);
  // News is any decision on the pair recorded after the introduction itself.
  const quiet = await db.$queryRaw<{ id: string; needId: string; companyId: string; title: string; language: Locale; nameUk: string; nameEn: string; legalNameJa: string; legalNameEn: string }[]>`
    SELECT i.id, i."needId", i."companyId", n.title, n.language, h."nameUk", h."nameEn", c."legalNameJa", c."legalNameEn"
    FROM "Introduction" i JOIN "Need" n ON n.id = i."needId" JOIN "Hromada" h ON h.code = n."hromadaCode" JOIN "Company" c ON c.id = i."companyId"
    WHERE i."createdAt" <= ${quietSince}
      AND NOT EXISTS (SELECT 1 FROM "MatchDecision" d WHERE d."needId" = i."needId" AND d."companyId" = i."companyId"
        AND d."createdAt" > i."createdAt" + interval '1 minute')
    ORDER BY i."createdAt" LIMIT 500`;
  for (const row of quiet) {
    forStaff({
      kind: 'introductionQuiet', dedupeKey: `introductionQuiet:${row.id}`, link: `/facilitator/matches/pair?needId=${row.needId}&companyId=${row.companyId}`,
      needId: row.needId, companyId: row.companyId, introductionId: row.id,
      params: { needTitle: row.title, hromada: hromadaName(row), company: companyName(row), days: QUIET_DAYS, written: { needTitle: needTitleRef({ id: row.needId, language: row.language }) } },
    });
  }
  return (await publishNotices(db, notices)).recorded;
}
