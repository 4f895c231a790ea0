import { requireRole, type Actor } from '../auth/actor';
import type { Db } from '../db';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import type { Locale } from '../generated/prisma/enums';
import { kyivDay } from '../hostility-list/calendar';
import { loadNeeds } from '../match-store/inputs';
import { getCurrentPolicy } from '../match-store/policy';
import { loadCompanyProfiles } from '../match-store/profiles';
import { prepareCompany, prepareNeed } from '../matching/prepare';
import type { Reason } from '../matching/types';
import { loadObstacles, type Obstacle } from './obstacles';
import { watchVerdict } from './verdict';

// A company's security watch: the open needs it would match if security improved, each with
// the reason (the engine's own, so the page can say what would change) and what stands in the
// way on the official list. Best first.

export type WatchedNeed = {
  needId: string;
  title: string;
  /** The title's language (lib/content): the list shows it in the reader's. */
  language: Locale;
  sector: string;
  hromada: { nameUk: string; nameEn: string };
  score: number;
  reason: Reason;
  obstacle: Obstacle | null;
};

export async function getSecurityWatch(db: Db, actor: Actor | null, now: Date = new Date()): Promise<{ eligible: boolean; needs: WatchedNeed[] }> {
  requireRole(actor, ['COMPANY_REP']);
  if (!actor.companyId) throw new AppError('FORBIDDEN', 'No company');
  const day = kyivDay(now);
  const [company] = await loadCompanyProfiles(db, [actor.companyId]);
  // Not verified yet, or no profile: nothing is ranked, so nothing is watched.
  if (!company) return { eligible: false, needs: [] };
  const policy = await getCurrentPolicy(db);
  // Only a need on a site listed today can fail the security rule (an unlisted site has severity
  // 0, which every risk appetite accepts), so only those are read and judged.
  const needs = await loadNeeds(db, Prisma.sql`n.sector::text = ANY(${[...company.sectors]}::text[]) AND EXISTS (
    SELECT 1 FROM "HostilityPeriod" p WHERE p."hromadaCode" = n."hromadaCode" AND p."startDate" <= ${day} AND (p."endDate" IS NULL OR p."endDate" >= ${day}))`);
  const prepared = prepareCompany(company);
  const context = { asOf: day, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  const watched: { need: (typeof needs)[number]; score: number; reason: Reason }[] = [];
  for (const need of needs) {
    const preparedNeed = prepareNeed(need, day);
    const verdict = watchVerdict(preparedNeed, prepared, context, policy, { need: need.matchFloor, company: company.matchFloor });
    if (verdict.kind !== 'securityOnly') continue;
    const { site } = preparedNeed;
    const reason: Reason = verdict.code === 'WAITS_FOR_CEASEFIRE'
      ? { code: verdict.code, params: { status: site.status, wholeHromada: site.isWholeHromada } }
      : { code: verdict.code, params: { status: site.status, appetite: company.riskAppetite, wholeHromada: site.isWholeHromada } };
    watched.push({ need, score: verdict.score, reason });
  }
  const ids = watched.map((w) => w.need.id);
  const [rows, obstacles] = await Promise.all([
    db.need.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, language: true, hromada: { select: { nameUk: true, nameEn: true } } } }),
    loadObstacles(db, [...new Set(watched.map((w) => w.need.site.hromadaCode))], day),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    eligible: true,
    needs: watched
      .sort((a, b) => b.score - a.score || a.need.id.localeCompare(b.need.id))
      .map(({ need, score, reason }) => ({
        needId: need.id, title: byId.get(need.id)?.title ?? '', language: byId.get(need.id)?.language ?? 'en', sector: need.sector, hromada: byId.get(need.id)?.hromada ?? { nameUk: '', nameEn: '' },
        score, reason, obstacle: obstacles.get(need.site.hromadaCode) ?? null,
      })),
  };
}
