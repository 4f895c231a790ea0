import { requireRole, isStaff, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { companyDescription } from '../content/written';
import { queueTranslations } from '../content/queue-translations';
import { AppError } from '../errors';
import { companyChanged } from '../match-store/enqueue';
import { assertMunicipalityOnList } from '../reference/japan-municipalities';
import { parseInput } from '../validation';
import { updateCompanyProfileSchema } from './profile-schema';

// A company's private record (contacts, capital, plans): its own representatives and the
// facilitators see it; anyone else gets NOT_FOUND, as if it did not exist.

export async function getCompanyForActor(db: Db, actor: Actor | null, companyId: string) {
  requireRole(actor, ['COMPANY_REP', 'FACILITATOR', 'ADMIN']);
  if (!isStaff(actor) && actor.companyId !== companyId) throw new AppError('NOT_FOUND');
  const company = await db.company.findUnique({ where: { id: companyId } });
  if (!company) throw new AppError('NOT_FOUND');
  return { ...company, capitalJpy: Number(company.capitalJpy) };
}

export async function updateCompanyProfile(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['COMPANY_REP']);
  const { companyId, expectedVersion, profile } = parseInput(updateCompanyProfileSchema, input);
  if (actor.companyId !== companyId) throw new AppError('FORBIDDEN', 'Not your company');
  await assertMunicipalityOnList(db, profile, 'profile.municipalityCode');
  return db.$transaction(async (tx) => {
    const before = await tx.company.findUnique({ where: { id: companyId } });
    if (!before) throw new AppError('NOT_FOUND');
    const data = { ...profile, capitalJpy: BigInt(profile.capitalJpy) };
    // The version in the WHERE makes the check and the write one statement: a save based on a
    // stale read changes nothing and reports CONFLICT.
    const updated = await tx.company.updateMany({
      where: { id: companyId, version: expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (updated.count === 0) throw new AppError('CONFLICT', 'Company changed since it was loaded', { reason: 'staleVersion', currentVersion: before.version });
    await recordAudit(tx, actor, {
      action: 'company.updated',
      entityType: 'Company',
      entityId: companyId,
      before: auditable(before),
      after: auditable({ ...before, ...data }),
      ip: context.ip,
    });
    // A changed description (or its language) asks for translations; an unchanged one does not.
    if (profile.description !== before.description || profile.descriptionLanguage !== before.descriptionLanguage) {
      await queueTranslations(tx, [companyDescription({ id: companyId, ...profile })]);
    }
    await companyChanged(tx, companyId);
    return { companyId, version: expectedVersion + 1 };
  });
}

const auditable = <T extends { capitalJpy: bigint }>(company: T) =>
  JSON.parse(JSON.stringify({ ...company, capitalJpy: company.capitalJpy.toString() }));
