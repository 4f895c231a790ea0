import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { EMAIL_TEMPLATES } from '../email/templates';
import { queueEmail } from '../email/outbox';
import { env } from '../env';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import type { RejectionCategory } from '../generated/prisma/enums';
import { companyChanged, needChanged } from '../match-store/enqueue';
import { parseInput } from '../validation';
import { rejectionEmail } from './rejection-email';
import { verifyOrganisationSchema } from './verification-schema';

// Facilitators (and admins) check that a company is the registered corporation it claims to be
// and that a municipality's representative speaks for the hromada, before either can publish.
// Verification changes who is matched, so it queues the re-ranking in the same transaction.

export { verifyOrganisationSchema } from './verification-schema';

export async function verifyOrganisation(db: Db, actor: Actor | null, rawInput: unknown, context: ActionContext) {
  requireRole(actor, STAFF_ROLES);
  const input = parseInput(verifyOrganisationSchema, rawInput);
  const { kind, id, decision, expectedVersion } = input;
  return db.$transaction(async (tx) => {
    const now = new Date();
    // A rejection keeps its reason after a later verification or resubmission: the history a
    // facilitator checking again reads. A verification leaves it where it was.
    const data = decision === 'VERIFIED'
      ? { verificationStatus: decision, verifiedAt: now, version: { increment: 1 } }
      : { verificationStatus: decision, verifiedAt: null, rejectedAt: now, rejectionReason: input.note, rejectionCategory: input.category, version: { increment: 1 } };
    const where = { id, version: expectedVersion };
    const before = kind === 'company'
      ? await tx.company.findUnique({ where: { id }, select: { verificationStatus: true, legalNameEn: true } })
      : await tx.municipality.findUnique({ where: { id }, select: { verificationStatus: true, hromada: { select: { nameEn: true } } } });
    if (!before) throw new AppError('NOT_FOUND');
    // Rejecting releases the organisation's claim on its hromada or corporate number (the unique
    // indexes cover only organisations not REJECTED), so the real official or company can sign
    // up. Undoing a rejection must then find the claim still free.
    if (decision === 'VERIFIED' && before.verificationStatus === 'REJECTED') await assertClaimFree(tx, kind, id);
    const updated = kind === 'company' ? await tx.company.updateMany({ where, data }) : await tx.municipality.updateMany({ where, data });
    if (updated.count === 0) throw new AppError('CONFLICT', 'Changed since it was loaded', { reason: 'staleVersion' });
    await recordAudit(tx, actor, {
      action: `${kind}.${decision === 'VERIFIED' ? 'verified' : 'rejected'}`,
      entityType: kind === 'company' ? 'Company' : 'Municipality',
      entityId: id,
      before: { verificationStatus: before.verificationStatus },
      after: decision === 'VERIFIED' ? { verificationStatus: decision } : { verificationStatus: decision, rejectionCategory: input.category, rejectionReason: input.note },
      ip: context.ip,
    });
    const organisation = 'legalNameEn' in before ? before.legalNameEn : before.hromada.nameEn;
    if (decision === 'VERIFIED') await notifyMembers(tx, kind, id, organisation);
    else await notifyRejection(tx, kind, id, organisation, { category: input.category, note: input.note });
    if (kind === 'company') {
      await companyChanged(tx, id);
    } else {
      const needs = await tx.need.findMany({ where: { municipalityId: id, status: 'OPEN' }, select: { id: true } });
      for (const need of needs) await needChanged(tx, need.id);
    }
    return { id, version: expectedVersion + 1, verificationStatus: decision };
  });
}

export async function assertClaimFree(tx: Prisma.TransactionClient, kind: 'company' | 'municipality', id: string) {
  const notRejected = { verificationStatus: { not: 'REJECTED' as const }, id: { not: id } };
  const holder = kind === 'company'
    ? await tx.company.findFirst({ where: { ...notRejected, corporateNumber: (await tx.company.findUniqueOrThrow({ where: { id } })).corporateNumber }, select: { id: true } })
    : await tx.municipality.findFirst({ where: { ...notRejected, hromadaCode: (await tx.municipality.findUniqueOrThrow({ where: { id } })).hromadaCode }, select: { id: true } });
  if (holder) throw new AppError('CONFLICT', 'Claim taken by another organisation', { reason: 'claimTaken' });
}

const membersOf = (tx: Prisma.TransactionClient, kind: 'company' | 'municipality', id: string) =>
  tx.user.findMany({ where: { ...(kind === 'company' ? { companyId: id } : { municipalityId: id }), disabledAt: null }, orderBy: { createdAt: 'asc' } });

async function notifyMembers(tx: Prisma.TransactionClient, kind: 'company' | 'municipality', id: string, organisation: string) {
  const members = await membersOf(tx, kind, id);
  for (const member of members) {
    const message = EMAIL_TEMPLATES.organisationVerified[member.locale]({ name: member.name, organisation, link: env.NEXTAUTH_URL });
    await queueEmail(tx, { kind: 'organisation-verified', to: member.email, locale: member.locale, ...message });
  }
}

/** Each member, in their own language: what was found, and where to fix it and ask again. */
async function notifyRejection(
  tx: Prisma.TransactionClient,
  kind: 'company' | 'municipality',
  id: string,
  organisation: string,
  rejection: { category: RejectionCategory | null; note: string },
) {
  for (const member of await membersOf(tx, kind, id)) {
    const link = `${env.NEXTAUTH_URL}/${member.locale}/account`;
    const message = rejectionEmail(member.locale, { name: member.name, organisation, ...rejection, link });
    await queueEmail(tx, { kind: 'organisation-rejected', to: member.email, locale: member.locale, ...message });
  }
}

// A resubmitted organisation shows the facilitator what was wrong and what its members say they fixed.
const RESUBMISSION = { rejectionReason: true, rejectionCategory: true, resubmittedAt: true, resubmissionNote: true } as const;

/** What waits for a facilitator's check, oldest first. */
export async function listPendingVerifications(db: Db, actor: Actor | null) {
  requireRole(actor, STAFF_ROLES);
  const [companies, municipalities] = await Promise.all([
    db.company.findMany({
      where: { verificationStatus: 'UNVERIFIED' },
      orderBy: { createdAt: 'asc' },
      select: { id: true, version: true, legalNameJa: true, legalNameEn: true, corporateNumber: true, prefecture: { select: { nameEn: true } }, cityEn: true, contactName: true, contactEmail: true, createdAt: true, ...RESUBMISSION },
    }),
    db.municipality.findMany({
      where: { verificationStatus: 'UNVERIFIED' },
      orderBy: { createdAt: 'asc' },
      select: { id: true, version: true, hromadaCode: true, hromada: { select: { nameUk: true, nameEn: true, oblast: { select: { nameEn: true } } } }, contactName: true, contactEmail: true, createdAt: true, ...RESUBMISSION },
    }),
  ]);
  return { companies, municipalities };
}
