import type { Db } from '../../db';
import { explainStoredMatches, type CompactMatch } from '../../match-store/explain';
import type { MatchResult, Reason } from '../../matching/types';
import { publishNotices, type NoticeInput } from '../publish';
import { recipientsOfCompany, recipientsOfMunicipality } from '../recipients';
import { needTitleRef } from '../written-params';
import { companyName, hromadaName } from './names';

// After a need is re-ranked (the matching job), the stored ranking says who should hear of it:
// each company whose score reaches its own threshold (Company.noticeScoreThreshold) is told that
// a newly published need fits, with the match's reasons; the municipality is told of each strong
// recommendation. The job may run again (a retry, a later edit): the dedupe keys keep it to one
// notice per person and pair.

/** A need counts as new for this long after publication: later re-ranks announce nothing. */
export const NEW_NEED_DAYS = 14;
/** A recommendation at least this strong is worth a municipality's attention. */
export const STRONG_SCORE = 75;
const REASONS_SHOWN = 3;

type Row = CompactMatch & { threshold: number; inNeedTop: boolean; legalNameJa: string; legalNameEn: string };

/** The strongest reasons of an explanation (what earned the most points). */
export function topReasons(explanation: unknown, count = REASONS_SHOWN): Reason[] {
  const result = explanation as MatchResult | null;
  if (result?.kind !== 'scored') return [];
  return [...result.entries].filter((entry) => entry.points > 0).sort((a, b) => b.points - a.points).slice(0, count).map((entry) => entry.reason);
}

export async function announceNeedRanking(db: Db, needId: string, now: Date = new Date()): Promise<number> {
  const need = await db.need.findUnique({
    where: { id: needId },
    select: { id: true, title: true, language: true, status: true, publishedAt: true, municipalityId: true, hromada: { select: { nameUk: true, nameEn: true } } },
  });
  if (!need || need.status !== 'OPEN' || !need.publishedAt) return 0;
  if (now.getTime() - need.publishedAt.getTime() > NEW_NEED_DAYS * 86_400_000) return 0;
  // Stored rows keep points, not reasons: the reasons are derived by the engine (match-store/explain).
  const stored = await db.$queryRaw<Row[]>`
    SELECT m."needId", m."companyId", m.score, m.points, m."policyVersion", m."judgedOn", m."inNeedTop", c."noticeScoreThreshold" AS threshold, c."legalNameJa", c."legalNameEn"
    FROM "Match" m JOIN "Company" c ON c.id = m."companyId"
    WHERE m."needId" = ${needId}::uuid AND c."verificationStatus" = 'VERIFIED'
      AND (m.score >= c."noticeScoreThreshold" OR (m."inNeedTop" AND m.score >= ${STRONG_SCORE}))`;
  const explained = await explainStoredMatches(db, stored);
  const rows = stored.map((row, i) => ({ ...row, explanation: explained[i].explanation }));
  const hromada = hromadaName(need.hromada);
  const notices: NoticeInput[] = [];
  for (const row of rows.filter((r) => r.score >= r.threshold)) {
    for (const userId of await recipientsOfCompany(db, row.companyId)) {
      notices.push({
        userId, kind: 'needFits', dedupeKey: `needFits:${need.id}`, link: `/needs/${need.id}`, needId: need.id, companyId: row.companyId,
        params: { needTitle: need.title, hromada, score: row.score, reasons: topReasons(row.explanation), written: { needTitle: needTitleRef(need) } },
      });
    }
  }
  const municipalityUsers = await recipientsOfMunicipality(db, need.municipalityId);
  for (const row of rows.filter((r) => r.inNeedTop && r.score >= STRONG_SCORE)) {
    for (const userId of municipalityUsers) {
      notices.push({
        userId, kind: 'strongRecommendations', dedupeKey: `strongRecommendation:${need.id}:${row.companyId}`, link: `/needs/${need.id}`,
        needId: need.id, companyId: row.companyId,
        params: { needTitle: need.title, company: companyName(row), score: row.score, reasons: topReasons(row.explanation), written: { needTitle: needTitleRef(need) } },
      });
    }
  }
  return (await publishNotices(db, notices)).recorded;
}
