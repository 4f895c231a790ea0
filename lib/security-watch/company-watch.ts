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

/** How many watched needs the recommendations page shows at once (the rest page by page). */
export const WATCH_PAGE_SIZE = 10;

export type SecurityWatch = {
  eligible: boolean;
  /** The page asked for (all of them without `paging`), best first. */
  needs: WatchedNeed[];
  /** Every watched need, on all pages. */
  total: number;
  /** The page shown: a page past the last shows the last. */
  page: number;
  pageCount: number;
};

/**
 * The company's watch, best first. With `paging`, only that page's needs are read in full (title,
 * hromada, what stands in the way): the watch grows with the country — every need in a listed
 * place in the company's sectors — and the page showed all of them (204 KB on 30,000 × 3,000).
 */
export async function getSecurityWatch(db: Db, actor: Actor | null, now: Date = new Date(), paging?: { page: number; pageSize?: number }): Promise<SecurityWatch> {
  requireRole(actor, ['COMPANY_REP']);
  if (!actor.companyId) throw new AppError('FORBIDDEN', 'No company');
  const day = kyivDay(now);
  const [company] = await loadCompanyProfiles(db, [actor.companyId]);
  // Not verified yet, or no profile: nothing is ranked, so nothing is watched.
  if (!company) return { eligible: false, needs: [], total: 0, page: 1, pageCount: 1 };
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
  watched.sort((a, b) => b.score - a.score || a.need.id.localeCompare(b.need.id));
  const pageSize = paging ? (paging.pageSize ?? WATCH_PAGE_SIZE) : Math.max(1, watched.length);
  const pageCount = Math.max(1, Math.ceil(watched.length / pageSize));
  const page = Math.min(Math.max(1, paging?.page ?? 1), pageCount);
  const shown = watched.slice((page - 1) * pageSize, page * pageSize);
  const ids = shown.map((w) => w.need.id);
  const [rows, obstacles] = await Promise.all([
    db.need.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, language: true, hromada: { select: { nameUk: true, nameEn: true } } } }),
    loadObstacles(db, [...new Set(shown.map((w) => w.need.site.hromadaCode))], day),
  ]);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return {
    eligible: true,
    total: watched.length,
    page,
    pageCount,
    needs: shown
      .map(({ need, score, reason }) => ({
        needId: need.id, title: byId.get(need.id)?.title ?? '', language: byId.get(need.id)?.language ?? 'en', sector: need.sector, hromada: byId.get(need.id)?.hromada ?? { nameUk: '', nameEn: '' },
        score, reason, obstacle: obstacles.get(need.site.hromadaCode) ?? null,
      })),
  };
}
