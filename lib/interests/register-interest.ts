import { requireRole, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import { interestChanged } from '../match-store/enqueue';
import { noticesForInterest } from '../notifications/events/interests';
import { PUBLIC_NEED_WHERE } from '../needs/public-needs';
import { parseInput } from '../validation';
import { registerInterestSchema, withdrawInterestSchema } from './interest-schema';
import { upsertInterest } from './upsert-interest';

export { registerInterestSchema, withdrawInterestSchema } from './interest-schema';

// A company's interest in an open need is public to the municipality and feeds the ranking, so
// only a verified company registers one — for itself, never for another company.

export async function registerInterest(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['COMPANY_REP']);
  const { needId, note, noteLanguage } = parseInput(registerInterestSchema, input);
  const companyId = await verifiedCompanyOf(db, actor);
  return db.$transaction(async (tx) => {
    const need = await tx.need.findFirst({ where: { id: needId, ...PUBLIC_NEED_WHERE }, select: { id: true } });
    if (!need) throw new AppError('NOT_FOUND');
    const { interest, becameLive } = await upsertInterest(tx, actor, { companyId, needId, direction: 'COMPANY_INTEREST', note, noteLanguage }, context);
    if (becameLive) await noticesForInterest(tx, { needId, companyId, direction: 'COMPANY_INTEREST', note });
    return { interestId: interest.id };
  });
}

export async function withdrawInterest(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['COMPANY_REP']);
  const { needId } = parseInput(withdrawInterestSchema, input);
  const companyId = actor.companyId;
  if (!companyId) throw new AppError('FORBIDDEN', 'No company');
  return db.$transaction(async (tx) => {
    const interest = await tx.interest.findUnique({ where: { companyId_needId_direction: { companyId, needId, direction: 'COMPANY_INTEREST' } } });
    if (!interest || interest.withdrawnAt) throw new AppError('NOT_FOUND');
    // The check and the write in one statement: of racing withdrawals, one withdraws, the rest find nothing.
    const withdrawn = await tx.interest.updateMany({ where: { id: interest.id, withdrawnAt: null }, data: { withdrawnAt: new Date() } });
    if (withdrawn.count === 0) throw new AppError('NOT_FOUND');
    await recordAudit(tx, actor, { action: 'interest.withdrawn', entityType: 'Interest', entityId: interest.id, before: { withdrawnAt: null }, after: { withdrawn: true }, ip: context.ip });
    await interestChanged(tx, needId, companyId);
    return { interestId: interest.id };
  });
}

async function verifiedCompanyOf(db: Db, actor: Actor): Promise<string> {
  const company = actor.companyId ? await db.company.findUnique({ where: { id: actor.companyId }, select: { verificationStatus: true } }) : null;
  if (!company || !actor.companyId) throw new AppError('FORBIDDEN', 'No company');
  if (company.verificationStatus !== 'VERIFIED') throw new AppError('FORBIDDEN', 'Company not verified', { reason: 'notVerified' });
  return actor.companyId;
}
