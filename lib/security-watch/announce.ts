import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { isoDay } from '../hostility-list/calendar';
import type { RollForward } from '../hostility-list/roll-forward';
import { loadNeeds } from '../match-store/inputs';
import { getCurrentPolicy } from '../match-store/policy';
import { loadCandidateCompanies } from '../match-store/profiles';
import { explainPair } from '../matching/evaluate';
import { prepareCompany, prepareNeed } from '../matching/prepare';
import type { Reason } from '../matching/types';
import { topReasons } from '../notifications/events/ranking';
import { readSiteStatus } from '../matching/site-security';
import { publishNotices, type NoticeInput } from '../notifications';
import { needTitleRef } from '../notifications/written-params';
import { watchVerdict, withoutSecurity } from './verdict';

// When the statuses move (a period ends on the calendar, or an order of the Ministry is loaded),
// every company that security alone kept from an open need, and that now fits it, is told. The
// notice names the change (the need, the company, the day and the statuses before and after), so
// each (company, need, change) gives exactly one notice per member however often it is published.

type Tx = Prisma.TransactionClient;

export type SecurityWatchNotice = NoticeInput & { kind: 'securityWatchNeedFits' };

/**
 * Called by the roll-forward (the daily job and an applied order) inside its transaction: the
 * notices are recorded, and emailed by each person's preference, exactly when the change commits.
 */
export async function announceSecurityWatch(db: Db, tx: Tx, rolled: RollForward): Promise<number> {
  const notices = await securityWatchNotices(db, tx, rolled);
  return (await publishNotices(tx, notices)).recorded;
}

/**
 * The notices a roll-forward calls for, read inside its transaction (the list as it now stands)
 * with the company profiles read through `db` (the roll does not change them).
 */
export async function securityWatchNotices(db: Db, tx: Tx, rolled: RollForward): Promise<SecurityWatchNotice[]> {
  if (rolled.needIds.length === 0) return [];
  const day = new Date(`${rolled.day}T00:00:00Z`);
  const changes = new Map(rolled.changes.map((change) => [change.code, change]));
  const [policy, needs, edition] = await Promise.all([
    getCurrentPolicy(tx),
    loadNeeds(tx, Prisma.sql`n.id = ANY(${rolled.needIds}::uuid[])`),
    tx.hostilityListEdition.findFirst({ orderBy: [{ orderDate: 'desc' }, { id: 'desc' }], select: { orderNumber: true, orderDate: true } }),
  ]);
  const pairs: { needId: string; companyId: string; before: string; after: string; score: number; reasons: Reason[] }[] = [];
  const context = { asOf: day, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  for (const need of needs) {
    const change = changes.get(need.site.hromadaCode);
    if (!change) continue;
    const now = prepareNeed(need, day);
    // The site as it stood before the change: its status and scope on the list.
    const before = {
      ...now,
      site: readSiteStatus(change.before.status === 'NONE' ? [] : [{ status: change.before.status, isWholeHromada: change.before.scope !== 'PARTIAL', start: new Date(0), end: null }], day),
    };
    for (const company of await loadCandidateCompanies(db, now, withoutSecurity(policy))) {
      const prepared = prepareCompany(company);
      const floors = { need: need.matchFloor, company: company.matchFloor };
      if (watchVerdict(now, prepared, context, policy, floors).kind !== 'fits') continue;
      if (watchVerdict(before, prepared, context, policy, floors).kind !== 'securityOnly') continue;
      // The match's own reasons, as the engine explains it now.
      const explanation = explainPair(now, prepared, context, policy);
      const score = explanation.kind === 'scored' ? explanation.score : 0;
      pairs.push({ needId: need.id, companyId: company.id, before: change.before.status, after: change.after.status, score, reasons: topReasons(explanation) });
    }
  }
  if (pairs.length === 0) return [];
  const [users, rows] = await Promise.all([
    tx.user.findMany({ where: { companyId: { in: [...new Set(pairs.map((p) => p.companyId))] }, disabledAt: null }, select: { id: true, companyId: true } }),
    tx.need.findMany({ where: { id: { in: [...new Set(pairs.map((p) => p.needId))] } }, select: { id: true, title: true, language: true, hromada: { select: { nameUk: true, nameEn: true } } } }),
  ]);
  const needOf = new Map(rows.map((row) => [row.id, row]));
  return pairs.flatMap((pair) => {
    const need = needOf.get(pair.needId)!;
    return users.filter((user) => user.companyId === pair.companyId).map((user): SecurityWatchNotice => ({
      userId: user.id,
      kind: 'securityWatchNeedFits',
      dedupeKey: `securityWatch:${pair.needId}:${pair.companyId}:${rolled.day}:${pair.before}>${pair.after}`,
      params: {
        needTitle: need.title, hromada: { en: need.hromada.nameEn, uk: need.hromada.nameUk }, before: pair.before, after: pair.after, day: rolled.day,
        orderNumber: edition?.orderNumber ?? '', orderDate: edition ? isoDay(edition.orderDate) : '',
        score: pair.score, reasons: pair.reasons, written: { needTitle: needTitleRef(need) },
      },
      link: `/needs/${pair.needId}`,
      needId: pair.needId,
      companyId: pair.companyId,
    }));
  });
}
