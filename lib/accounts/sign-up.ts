import { requireAnonymous, type Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { signUpCompanySchema, signUpMunicipalitySchema } from '../auth/schemas';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import { companyChanged } from '../match-store/enqueue';
import { signUpLimiter } from '../security/rate-limit';
import { parseInput } from '../validation';
import { assertPasswordAvoids } from './passwords';

// Sign-up creates the account and its organisation together, unverified: the person can
// prepare a profile or draft needs at once, and publishes after a facilitator verified them.

export async function signUpCompany(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireAnonymous(actor);
  const { company, ...account } = parseInput(signUpCompanySchema, input);
  await signUpLimiter(db).consume(context.ip);
  const passwordHash = await hashPassword(account.password);
  return db.$transaction(async (tx) => {
    await assertEmailFree(tx, account.email);
    if (await tx.company.findUnique({ where: { corporateNumber: company.corporateNumber }, select: { id: true } })) {
      throw conflict('company.corporateNumber', 'validation.corporateNumberTaken');
    }
    const created = await tx.company.create({
      data: {
        ...company,
        capitalJpy: BigInt(company.capitalJpy),
        sectors: [],
        capabilities: [],
        deliveryModes: ['ON_SITE'],
        stages: ['RAPID_RECOVERY', 'RECONSTRUCTION'],
        experienceCountries: [],
        languages: [account.locale],
        contactName: account.name,
        contactEmail: account.email,
      },
    });
    const user = await tx.user.create({
      data: { email: account.email, name: account.name, passwordHash, role: 'COMPANY_REP', locale: account.locale, companyId: created.id },
    });
    const newActor: Actor = { userId: user.id, role: user.role, companyId: created.id, municipalityId: null };
    await recordAudit(tx, newActor, { action: 'company.signed-up', entityType: 'Company', entityId: created.id, after: { legalNameEn: created.legalNameEn, corporateNumber: created.corporateNumber, userEmail: user.email }, ip: context.ip });
    await companyChanged(tx, created.id);
    return { userId: user.id, companyId: created.id };
  });
}

export async function signUpMunicipality(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireAnonymous(actor);
  const account = parseInput(signUpMunicipalitySchema, input);
  await signUpLimiter(db).consume(context.ip);
  const passwordHash = await hashPassword(account.password);
  return db.$transaction(async (tx) => {
    await assertEmailFree(tx, account.email);
    const hromada = await tx.hromada.findUnique({ where: { code: account.hromadaCode }, select: { code: true, nameEn: true, nameUk: true } });
    if (!hromada) throw new AppError('VALIDATION', 'Unknown hromada', { fieldErrors: { hromadaCode: 'validation.choose' } });
    assertPasswordAvoids(account.password, [hromada.nameUk, hromada.nameEn], 'password');
    // One municipality per hromada. A second person from the same hromada is added by the
    // facilitators, who can check who they are; a self-service join would hand a stranger
    // the hromada's needs.
    if (await tx.municipality.findUnique({ where: { hromadaCode: hromada.code }, select: { id: true } })) {
      throw conflict('hromadaCode', 'validation.hromadaClaimed');
    }
    const municipality = await tx.municipality.create({
      data: { hromadaCode: hromada.code, contactName: account.name, contactEmail: account.email },
    });
    const user = await tx.user.create({
      data: { email: account.email, name: account.name, passwordHash, role: 'MUNICIPALITY_REP', locale: account.locale, municipalityId: municipality.id },
    });
    const newActor: Actor = { userId: user.id, role: user.role, companyId: null, municipalityId: municipality.id };
    await recordAudit(tx, newActor, { action: 'municipality.signed-up', entityType: 'Municipality', entityId: municipality.id, after: { hromadaCode: hromada.code, hromada: hromada.nameEn, userEmail: user.email }, ip: context.ip });
    return { userId: user.id, municipalityId: municipality.id };
  });
}

export async function assertEmailFree(tx: Prisma.TransactionClient, email: string): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) throw conflict('email', 'validation.emailTaken');
}

const conflict = (field: string, messageKey: string) =>
  new AppError('CONFLICT', `${field} already in use`, { fieldErrors: { [field]: messageKey } });
