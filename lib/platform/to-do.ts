import { requireUser, type Actor } from '../auth/actor';
import type { Db } from '../db';
import type { Locale, Role } from '../generated/prisma/enums';
import type { Written } from '../content/types';
import { needTitle } from '../content/written';
import { countReviewSlice } from '../match-decisions/review-slice';

// Where each role starts after signing in, and what waits for it there. Counts are read fresh
// from the tables on every visit (no "seen" marks): an item leaves the list when the work is done.

/** Each role's own start page; an explicit, safe return path after sign-in still wins. */
export const START_PAGE: Record<Role, string> = {
  COMPANY_REP: '/company/recommended',
  MUNICIPALITY_REP: '/municipality/needs',
  FACILITATOR: '/facilitator/dashboard',
  ADMIN: '/admin/users',
};

/** A match at or above this score deserves a facilitator's look while it is still only suggested. */
export const STRONG_MATCH_SCORE = 70;
/** How long a company's interest counts as new for the hromada. */
export const NEW_INTEREST_DAYS = 14;
const LISTED = 5;

/** `written`: the title as written (lib/content), read in the reader's language by the list. */
export type ToDoEntry = { id: string; title: string; href: string; written?: Written };
export type ToDoItem =
  | { kind: 'pendingVerifications' | 'mutualInterests' | 'strongMatches' | 'newInterests'; count: number; href: string; entries?: ToDoEntry[] }
  | { kind: 'needsWithoutRanking' | 'invitations'; count: number; href: string; entries: ToDoEntry[] }
  | { kind: 'incompleteProfile'; count: number; href: string; missing: ProfilePart[] }
  | { kind: 'resubmitVerification'; count: 1; href: string };

/** The caller's to-do list; empty items are left out. */
export async function listToDo(db: Db, actor: Actor | null): Promise<ToDoItem[]> {
  requireUser(actor);
  const items = actor.role === 'COMPANY_REP' ? await companyToDo(db, actor)
    : actor.role === 'MUNICIPALITY_REP' ? await municipalityToDo(db, actor)
      : await facilitatorToDo(db);
  return items.filter((item) => item.count > 0);
}

async function facilitatorToDo(db: Db): Promise<ToDoItem[]> {
  const unverified = { verificationStatus: 'UNVERIFIED' as const };
  const [companies, municipalities, mutual, strong] = await Promise.all([
    db.company.count({ where: unverified }),
    db.municipality.count({ where: unverified }),
    // Both sides said yes (the company's interest and the hromada's invitation) and no
    // facilitator has decided anything on the pair yet.
    db.$queryRaw<{ needId: string; companyId: string; title: string; language: Locale; total: bigint }[]>`
      SELECT ci."needId", ci."companyId", n.title, n.language, count(*) OVER () AS total
      FROM "Interest" ci
      JOIN "Interest" mi ON mi."needId" = ci."needId" AND mi."companyId" = ci."companyId"
        AND mi.direction = 'MUNICIPALITY_INVITATION' AND mi."withdrawnAt" IS NULL
      JOIN "Need" n ON n.id = ci."needId" AND n.status = 'OPEN'
      WHERE ci.direction = 'COMPANY_INTEREST' AND ci."withdrawnAt" IS NULL
        AND NOT EXISTS (SELECT 1 FROM "MatchDecision" d WHERE d."needId" = ci."needId" AND d."companyId" = ci."companyId")
      ORDER BY greatest(ci."createdAt", mi."createdAt") DESC
      LIMIT ${LISTED}`,
    // Unreviewed strong pairs: the review slice's SUGGESTED pairs (a need's top list while it is
    // open) at or above the score, summed from the counts its triggers keep — what the queue this
    // item links to shows — instead of visiting "Match" (≈ 85 ms on 423,000 pairs).
    countReviewSlice(db, { minScore: STRONG_MATCH_SCORE, status: 'SUGGESTED' }),
  ]);
  return [
    { kind: 'pendingVerifications', count: companies + municipalities, href: '/facilitator/verifications' },
    {
      kind: 'mutualInterests',
      count: Number(mutual[0]?.total ?? 0),
      href: '/facilitator/matches',
      entries: mutual.map((pair) => ({ id: `${pair.needId}:${pair.companyId}`, title: pair.title, written: needTitle({ id: pair.needId, ...pair }), href: `/facilitator/matches/pair?needId=${pair.needId}&companyId=${pair.companyId}` })),
    },
    { kind: 'strongMatches', count: strong, href: `/facilitator/matches?minScore=${STRONG_MATCH_SCORE}&status=SUGGESTED` },
  ];
}

async function municipalityToDo(db: Db, actor: Actor): Promise<ToDoItem[]> {
  const municipalityId = actor.municipalityId ?? '';
  const since = new Date(Date.now() - NEW_INTEREST_DAYS * 24 * 3600 * 1000);
  const openNeeds = { municipalityId, status: 'OPEN' as const };
  const [newInterests, unranked, unrankedCount, verification] = await Promise.all([
    // An answered interest needs nothing more from the hromada.
    db.interest.count({ where: { direction: 'COMPANY_INTEREST', withdrawnAt: null, response: null, createdAt: { gte: since }, need: openNeeds } }),
    db.need.findMany({ where: { ...openNeeds, matches: { none: { inNeedTop: true } } }, orderBy: { publishedAt: 'desc' }, select: { id: true, title: true, language: true }, take: LISTED }),
    db.need.count({ where: { ...openNeeds, matches: { none: { inNeedTop: true } } } }),
    db.municipality.findUnique({ where: { id: municipalityId }, select: { verificationStatus: true } }),
  ]);
  return [
    ...resubmission(verification?.verificationStatus),
    { kind: 'newInterests', count: newInterests, href: '/municipality/needs' },
    { kind: 'needsWithoutRanking', count: unrankedCount, href: '/municipality/needs', entries: unranked.map((need) => ({ id: need.id, title: need.title, written: needTitle(need), href: `/needs/${need.id}` })) },
  ];
}

async function companyToDo(db: Db, actor: Actor): Promise<ToDoItem[]> {
  const companyId = actor.companyId ?? '';
  // An invitation is answered once the company registered its own interest in the need.
  const where = {
    companyId, direction: 'MUNICIPALITY_INVITATION' as const, withdrawnAt: null,
    need: { status: 'OPEN' as const, interests: { none: { companyId, direction: 'COMPANY_INTEREST' as const, withdrawnAt: null } } },
  };
  const [invitations, invitationCount, company] = await Promise.all([
    db.interest.findMany({ where, orderBy: { createdAt: 'desc' }, select: { need: { select: { id: true, title: true, language: true } } }, take: LISTED }),
    db.interest.count({ where }),
    db.company.findUnique({ where: { id: companyId } }),
  ]);
  const missing = company ? missingProfileParts(company) : [];
  return [
    ...resubmission(company?.verificationStatus),
    { kind: 'invitations', count: invitationCount, href: '/company/recommended', entries: invitations.map(({ need }) => ({ id: need.id, title: need.title, written: needTitle(need), href: `/needs/${need.id}` })) },
    { kind: 'incompleteProfile', count: missing.length, href: '/company/profile', missing },
  ];
}

const resubmission = (status: string | undefined): ToDoItem[] =>
  status === 'REJECTED' ? [{ kind: 'resubmitVerification', count: 1, href: '/account' }] : [];

export type ProfilePart = 'capabilities' | 'description' | 'maxProject' | 'municipality';

/** The parts of a profile the ranking reads (capability, scale, sister city) or a hromada reads first, still empty. */
export function missingProfileParts(company: {
  capabilities: string[]; description: string; maxProjectEur: number | null; municipalityCode: string | null;
}): ProfilePart[] {
  const missing: ProfilePart[] = [];
  if (company.capabilities.length === 0) missing.push('capabilities');
  if (!company.description.trim()) missing.push('description');
  if (company.maxProjectEur === null) missing.push('maxProject');
  if (!company.municipalityCode) missing.push('municipality');
  return missing;
}
