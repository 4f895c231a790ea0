import { requireRole, type Actor } from '../auth/actor';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import { noticesForInterest } from '../notifications/events/interests';
import { parseInput } from '../validation';
import { inviteCompanySchema } from './interest-schema';
import { upsertInterest } from './upsert-interest';

// A verified municipality invites a verified company to one of its own open needs. The
// invitation counts in the ranking (the "interest shown" criterion) and is emailed to the
// company's members as a notice (lib/notifications), in their language and by their preference;
// inviting again updates the note without a second notice.

export async function inviteCompany(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['MUNICIPALITY_REP']);
  const { needId, companyId, note, noteLanguage } = parseInput(inviteCompanySchema, input);
  if (!actor.municipalityId) throw new AppError('FORBIDDEN', 'No municipality');
  const municipalityId = actor.municipalityId;

  return db.$transaction(async (tx) => {
    const need = await tx.need.findFirst({
      where: { id: needId, municipalityId },
      select: { id: true, title: true, status: true, municipality: { select: { verificationStatus: true } }, hromada: { select: { nameUk: true, nameEn: true } } },
    });
    if (!need) throw new AppError('NOT_FOUND');
    if (need.municipality.verificationStatus !== 'VERIFIED') throw new AppError('FORBIDDEN', 'Municipality not verified', { reason: 'notVerified' });
    if (need.status !== 'OPEN') throw new AppError('CONFLICT', 'Need not open', { reason: 'needNotOpen' });
    const company = await tx.company.findFirst({
      where: { id: companyId, verificationStatus: 'VERIFIED' },
      select: { id: true },
    });
    if (!company) throw new AppError('NOT_FOUND');

    const { interest: invitation, becameLive } = await upsertInterest(tx, actor, { companyId, needId, direction: 'MUNICIPALITY_INVITATION', note, noteLanguage }, context);
    // Once per invitation, however many identical requests raced (upsertInterest decides).
    if (becameLive) await noticesForInterest(tx, { needId, companyId, direction: 'MUNICIPALITY_INVITATION', note });
    return { interestId: invitation.id };
  });
}

/** The companies a municipality already invited to its need (ids), for its own page. */
export async function listInvitedCompanyIds(db: Db, actor: Actor | null, needId: string): Promise<Set<string>> {
  requireRole(actor, ['MUNICIPALITY_REP', 'FACILITATOR', 'ADMIN']);
  if (actor.role === 'MUNICIPALITY_REP' && !actor.municipalityId) return new Set();
  const scope = actor.role === 'MUNICIPALITY_REP' ? { need: { municipalityId: actor.municipalityId! } } : {};
  const rows = await db.interest.findMany({ where: { needId, direction: 'MUNICIPALITY_INVITATION', withdrawnAt: null, ...scope }, select: { companyId: true } });
  return new Set(rows.map((row) => row.companyId));
}
