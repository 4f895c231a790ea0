import { requireAnonymous, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { companyChanged } from '../match-store/enqueue';
import { parseInput } from '../validation';
import { hashToken } from './one-time-link';
import { readPendingPayload, type PendingSignUpPayload } from './sign-up';
import { confirmSignUpSchema } from './sign-up-schema';

// Opening the emailed link (and pressing the button: a GET from a mail scanner must not create
// an account) turns a pending sign-up into the account and its organisation, unverified, in one
// transaction. The pending row is deleted in that transaction, so two tabs create one account.
// The organisation claims its hromada or corporate number only now; if a non-rejected
// organisation holds it, the person — whose address is now proven — is told to contact the
// facilitators, and the link keeps working until it expires, in case they release the claim.

export async function confirmSignUp(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireAnonymous(actor);
  const { token } = parseInput(confirmSignUpSchema, input);
  const tokenHash = hashToken(token);
  return db.$transaction(async (tx) => {
    const pending = await tx.pendingSignUp.findUnique({ where: { tokenHash } });
    // The delete waits for a concurrent confirmation of the same link and then finds nothing.
    const taken = await tx.pendingSignUp.deleteMany({ where: { tokenHash, expiresAt: { gt: new Date() } } });
    if (!pending || taken.count !== 1) throw new AppError('VALIDATION', 'Sign-up link invalid', { fieldErrors: { token: 'validation.signUpLink' }, reason: 'signUpLink' });
    if (await tx.user.findUnique({ where: { email: pending.email }, select: { id: true } })) {
      throw new AppError('CONFLICT', 'Email has an account', { reason: 'signUpEmailTaken' });
    }
    const payload = readPendingPayload(pending.kind, pending.payload);
    const created = payload.kind === 'company'
      ? await createCompanyAccount(tx, pending.email, payload, context)
      : await createMunicipalityAccount(tx, pending.email, payload, context);
    return { email: pending.email, ...created };
  });
}

type Payload<K extends PendingSignUpPayload['kind']> = Extract<PendingSignUpPayload, { kind: K }>;

async function createCompanyAccount(tx: Prisma.TransactionClient, email: string, payload: Payload<'company'>, context: ActionContext) {
  const { company, name, locale, passwordHash } = payload;
  const holder = await tx.company.findFirst({ where: { corporateNumber: company.corporateNumber, verificationStatus: { not: 'REJECTED' } }, select: { id: true } });
  if (holder) throw new AppError('CONFLICT', 'Corporate number claimed', { reason: 'corporateNumberClaimed' });
  const created = await tx.company.create({
    data: {
      ...company,
      capitalJpy: BigInt(company.capitalJpy),
      sectors: [],
      capabilities: [],
      deliveryModes: ['ON_SITE'],
      stages: ['RAPID_RECOVERY', 'RECONSTRUCTION'],
      experienceCountries: [],
      languages: [locale],
      contactName: name,
      contactEmail: email,
    },
  });
  const user = await tx.user.create({ data: { email, name, passwordHash, role: 'COMPANY_REP', locale, companyId: created.id } });
  const newActor: Actor = { userId: user.id, role: user.role, companyId: created.id, municipalityId: null };
  await recordAudit(tx, newActor, { action: 'company.signed-up', entityType: 'Company', entityId: created.id, after: { legalNameEn: created.legalNameEn, corporateNumber: created.corporateNumber, userEmail: email }, ip: context.ip });
  await companyChanged(tx, created.id);
  return { kind: 'company' as const, userId: user.id, companyId: created.id };
}

async function createMunicipalityAccount(tx: Prisma.TransactionClient, email: string, payload: Payload<'municipality'>, context: ActionContext) {
  const { hromadaCode, name, locale, passwordHash } = payload;
  const hromada = await tx.hromada.findUniqueOrThrow({ where: { code: hromadaCode }, select: { code: true, nameEn: true } });
  // One municipality per hromada. A second person from the same hromada is added by the
  // facilitators, who can check who they are; a self-service join would hand a stranger the
  // hromada's needs.
  const holder = await tx.municipality.findFirst({ where: { hromadaCode, verificationStatus: { not: 'REJECTED' } }, select: { id: true } });
  if (holder) throw new AppError('CONFLICT', 'Hromada claimed', { reason: 'hromadaClaimed' });
  const municipality = await tx.municipality.create({ data: { hromadaCode, contactName: name, contactEmail: email } });
  const user = await tx.user.create({ data: { email, name, passwordHash, role: 'MUNICIPALITY_REP', locale, municipalityId: municipality.id } });
  const newActor: Actor = { userId: user.id, role: user.role, companyId: null, municipalityId: municipality.id };
  await recordAudit(tx, newActor, { action: 'municipality.signed-up', entityType: 'Municipality', entityId: municipality.id, after: { hromadaCode, hromada: hromada.nameEn, userEmail: email }, ip: context.ip });
  return { kind: 'municipality' as const, userId: user.id, municipalityId: municipality.id };
}
