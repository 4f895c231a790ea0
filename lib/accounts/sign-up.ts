import { randomBytes } from 'node:crypto';
import { requireAnonymous, type Actor } from '../auth/actor';
import { hashPassword } from '../auth/password';
import { signUpCompanySchema, signUpMunicipalitySchema } from '../auth/schemas';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { queueEmail } from '../email/outbox';
import { EMAIL_TEMPLATES } from '../email/templates';
import { env } from '../env';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import type { Locale } from '../generated/prisma/enums';
import { assertMunicipalityOnList } from '../reference/japan-municipalities';
import { signUpLimiter } from '../security/rate-limit';
import { parseInput } from '../validation';
import { hashToken } from './one-time-link';
import { assertPasswordAvoids } from './passwords';

// Sign-up proves the email address before it claims anything. The form's answer is a pending
// sign-up and a confirmation link emailed to the address; the account, its organisation, and
// the organisation's claim on a hromada or a corporate number exist only once that link is
// opened (confirm-sign-up.ts). So a stranger cannot squat a hromada with someone else's address,
// and the answer is the same whether the address has an account or not: its owner gets an email
// saying someone tried, instead of the form saying "taken".

export const SIGN_UP_LINK_HOURS = 24;

/** What a pending sign-up keeps until confirmed: the validated form, the password only hashed. */
export type PendingSignUpPayload = { name: string; locale: Locale; passwordHash: string } & (
  | { kind: 'company'; company: ReturnType<typeof signUpCompanySchema.parse>['company'] }
  | { kind: 'municipality'; hromadaCode: string }
);

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export async function signUpCompany(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireAnonymous(actor);
  const { company, email, name, locale, password } = parseInput(signUpCompanySchema, input);
  await signUpLimiter(db).consume(context.ip);
  await assertMunicipalityOnList(db, company, 'company.municipalityCode');
  return requestSignUp(db, email, { kind: 'company', name, locale, company, passwordHash: await hashPassword(password) });
}

export async function signUpMunicipality(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireAnonymous(actor);
  const { hromadaCode, email, name, locale, password } = parseInput(signUpMunicipalitySchema, input);
  await signUpLimiter(db).consume(context.ip);
  // The official list is public, so an unknown code is told at once; whether the hromada is
  // taken is told only after the email is confirmed.
  const hromada = await db.hromada.findUnique({ where: { code: hromadaCode }, select: { nameUk: true, nameEn: true } });
  if (!hromada) throw new AppError('VALIDATION', 'Unknown hromada', { fieldErrors: { hromadaCode: 'validation.choose' } });
  // Only the server knows the hromada's names: the form cannot refuse them as a password.
  assertPasswordAvoids(password, [hromada.nameUk, hromada.nameEn], 'password');
  return requestSignUp(db, email, { kind: 'municipality', name, locale, hromadaCode, passwordHash: await hashPassword(password) });
}

async function requestSignUp(db: Db, email: string, payload: PendingSignUpPayload): Promise<{ emailSent: true }> {
  await db.$transaction(async (tx) => {
    // Expired sign-ups go on each new one: cheap (indexed), and no job to run.
    await tx.pendingSignUp.deleteMany({ where: { expiresAt: { lte: new Date() } } });
    const owner = await tx.user.findUnique({ where: { email }, select: { name: true, locale: true } });
    if (owner) await tellOwner(tx, email, owner);
    else await sendConfirmation(tx, email, payload);
  });
  return { emailSent: true };
}

async function sendConfirmation(tx: Prisma.TransactionClient, email: string, payload: PendingSignUpPayload) {
  const token = randomBytes(32).toString('base64url');
  const { kind, ...rest } = payload;
  await tx.pendingSignUp.create({
    data: {
      tokenHash: hashToken(token),
      email,
      kind,
      payload: rest as Prisma.InputJsonObject,
      expiresAt: new Date(Date.now() + SIGN_UP_LINK_HOURS * 3_600_000),
    },
  });
  const link = new URL(`/${payload.locale}/sign-up/confirm/${token}`, env.NEXTAUTH_URL).toString();
  const message = EMAIL_TEMPLATES.signUpConfirmation[payload.locale]({ name: payload.name, link, hours: SIGN_UP_LINK_HOURS });
  await queueEmail(tx, { kind: 'sign-up-confirmation', to: email, locale: payload.locale, ...message });
}

async function tellOwner(tx: Prisma.TransactionClient, email: string, owner: { name: string; locale: Locale }) {
  const link = (path: string) => new URL(`/${owner.locale}${path}`, env.NEXTAUTH_URL).toString();
  const message = EMAIL_TEMPLATES.signUpAttempt[owner.locale]({ name: owner.name, signInLink: link('/sign-in'), resetLink: link('/forgot-password') });
  await queueEmail(tx, { kind: 'sign-up-attempt', to: email, locale: owner.locale, ...message });
}

/** The stored payload back, typed: only requestSignUp writes it. */
export const readPendingPayload = (kind: string, payload: Prisma.JsonValue): PendingSignUpPayload =>
  ({ ...(payload as DistributiveOmit<PendingSignUpPayload, 'kind'>), kind }) as PendingSignUpPayload;

/** For an administrator creating a staff account: they may be told an address is taken. */
export async function assertEmailFree(tx: Prisma.TransactionClient, email: string): Promise<void> {
  if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError('CONFLICT', 'email already in use', { fieldErrors: { email: 'validation.emailTaken' } });
  }
}
