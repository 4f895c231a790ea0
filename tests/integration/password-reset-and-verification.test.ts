import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type PgBoss from 'pg-boss';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { changePassword, drainPasswordResetRequests, requestPasswordReset, resetPassword } from '../../lib/accounts/passwords';
import { signUpMunicipality } from '../../lib/accounts/sign-up';
import { confirmSignUp } from '../../lib/accounts/confirm-sign-up';
import { createStaffUser } from '../../lib/accounts/staff';
import { authenticate } from '../../lib/auth/sign-in';
import { actorFromClaims } from '../../lib/auth/session';
import { startSession } from '../../lib/auth/user-sessions';
import { isAppError } from '../../lib/errors';
import { startJobQueue } from '../../lib/jobs/queue';
import { PASSWORD_RESET_LIMITS } from '../../lib/security/rate-limit';
import { registerInterest } from '../../lib/interests/register-interest';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createNeed as createNeedAction, publishNeed } from '../../lib/needs/manage-needs';
import { verifyOrganisation } from '../../lib/verification/verify-organisation';
import { createAccessWorld, TEST_PASSWORD, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { pickFreeHromada } from '../factories/municipality';
import { uniqueSuffix } from '../factories/sequence';
import { createUser } from '../factories/user';
import { validNeed, validSignUpMunicipality } from '../factories/valid-inputs';
import { pendingSignUpToken, signUpConfirmed } from './sign-up-helpers';
import { testDb as db } from './test-db';

const context = { ip: null };
let world: AccessWorld;
let boss: PgBoss;
beforeAll(async () => {
  world = await createAccessWorld(db);
  boss = await startJobQueue(inject('databaseUrl'));
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await stopQueueClient();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A reset request as the form makes it, then the worker's half (looking up and emailing). */
const requestReset = async (email: string, ip: string | null = null) => {
  const answer = await requestPasswordReset(db, null, { email }, { ip });
  await drainPasswordResetRequests(db, boss);
  return answer;
};
// A controllable clock for the cooldowns (rate-limiter-flexible reads Date.now()).
const advanceClockSeconds = (seconds: number) => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(Date.now() + seconds * 1000);
};
const emailsTo = (to: string, kind: string) => db.outboxEmail.count({ where: { toAddress: to, kind } });

const codeOf = (error: unknown) => (isAppError(error) ? error.code : error);
const latestEmailTo = (to: string, kind: string) => db.outboxEmail.findFirst({ where: { toAddress: to, kind }, orderBy: { createdAt: 'desc' } });
const tokenIn = (text: string) => text.match(/\/reset-password\/([A-Za-z0-9_-]{43})/)?.[1];

describe('password reset by email', () => {
  it('answers alike for a known and an unknown address, and emails only the known one', async () => {
    const user = await createUser(db, { role: 'FACILITATOR', locale: 'ja' });
    const unknown = `nobody-${uniqueSuffix()}@example.test`;
    expect(await requestReset(unknown)).toEqual(await requestReset(user.email));
    expect(await latestEmailTo(unknown, 'password-reset')).toBeNull();
    const email = await latestEmailTo(user.email, 'password-reset');
    expect(email?.subject).toContain('パスワード');
    // A real RFC 5322 message, as an SMTP server would receive it.
    expect(email?.raw).toMatch(/^Content-Type: text\/plain; charset=utf-8$/m);
    expect(email?.raw).toMatch(new RegExp(`^To: ${user.email}$`, 'm'));
    expect(email?.raw).toMatch(/^Message-ID: <.+>$/m);
  });

  it('sets a new password once per link, ends open sessions, and stores only the token’s hash', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const claims = { sub: user.id, sid: (await startSession(db, user.id)).id, sv: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
    expect(await actorFromClaims(db, claims)).not.toBeNull();
    await requestReset(user.email);
    const token = tokenIn((await latestEmailTo(user.email, 'password-reset'))!.text)!;
    expect(token).toBeDefined();
    expect(await db.passwordResetToken.count({ where: { tokenHash: token } })).toBe(0);

    await resetPassword(db, null, { token, password: 'my new reset passphrase' }, context);
    expect(await authenticate(db, { email: user.email, password: 'my new reset passphrase' }, `ip-${uniqueSuffix()}`)).not.toBeNull();
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, `ip-${uniqueSuffix()}`)).toBeNull();
    expect(await actorFromClaims(db, claims)).toBeNull();

    const reuse = await resetPassword(db, null, { token, password: 'and another passphrase' }, context).catch((e: unknown) => e);
    expect(codeOf(reuse)).toBe('VALIDATION');
  });

  it('refuses an expired link and changes nothing', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    await requestReset(user.email);
    const token = tokenIn((await latestEmailTo(user.email, 'password-reset'))!.text)!;
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(codeOf(await resetPassword(db, null, { token, password: 'too late passphrase' }, context).catch((e: unknown) => e))).toBe('VALIDATION');
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
  });

  it('two submissions of one link at the same moment: one wins', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    await requestReset(user.email);
    const token = tokenIn((await latestEmailTo(user.email, 'password-reset'))!.text)!;
    const results = await Promise.allSettled([
      resetPassword(db, null, { token, password: 'first racing passphrase' }, context),
      resetPassword(db, null, { token, password: 'second racing passphrase' }, context),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
  });

  it('a new facilitator chooses their own password from the invitation link', async () => {
    const email = `new-facilitator-${uniqueSuffix()}@example.test`;
    await createStaffUser(db, world.admin.actor, { name: 'Mariia Shevchenko', email, role: 'FACILITATOR', locale: 'uk' }, context);
    const invitation = await latestEmailTo(email, 'staff-invitation');
    expect(invitation?.subject).toContain('обліковий запис');
    await resetPassword(db, null, { token: tokenIn(invitation!.text), password: 'chosen by herself' }, context);
    expect(await authenticate(db, { email, password: 'chosen by herself' }, `ip-${uniqueSuffix()}`)).toMatchObject({ role: 'FACILITATOR' });
  });
});

describe('reset requests cannot be turned against the owner', () => {
  it('requests from other addresses do not use up the owner’s: their own request still sends an email', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    for (let index = 0; index < PASSWORD_RESET_LIMITS.perAccountAndIp + 3; index += 1) {
      expect(await requestReset(user.email, `203.0.113.${index + 1}-${uniqueSuffix()}`)).toEqual({ sent: true });
    }
    // The burst sent one email, not a flood.
    expect(await emailsTo(user.email, 'password-reset')).toBe(1);

    advanceClockSeconds(PASSWORD_RESET_LIMITS.emailCooldownSeconds);
    expect(await requestReset(user.email, `198.51.100.20-${uniqueSuffix()}`)).toEqual({ sent: true });
    expect(await emailsTo(user.email, 'password-reset')).toBe(2);
  });

  it('one address is limited, for one account and across accounts, whether or not they exist', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const ip = `203.0.113.77-${uniqueSuffix()}`;
    for (let index = 0; index < PASSWORD_RESET_LIMITS.perAccountAndIp; index += 1) await requestReset(user.email, ip);
    expect(codeOf(await requestReset(user.email, ip).catch((e: unknown) => e))).toBe('RATE_LIMITED');
    // The same address asking for an unknown account is counted alike.
    const unknown = `nobody-${uniqueSuffix()}@example.test`;
    for (let index = 0; index < PASSWORD_RESET_LIMITS.perAccountAndIp; index += 1) await requestReset(unknown, ip);
    expect(codeOf(await requestReset(unknown, ip).catch((e: unknown) => e))).toBe('RATE_LIMITED');

    const busy = `203.0.113.78-${uniqueSuffix()}`;
    const refused = [];
    for (let index = 0; index <= PASSWORD_RESET_LIMITS.perIp; index += 1) {
      refused.push(codeOf(await requestReset(`someone-${uniqueSuffix()}@example.test`, busy).catch((e: unknown) => e)));
    }
    expect(refused.at(-1)).toBe('RATE_LIMITED');
  });

  it('a request does the same database work for a known and an unknown address; the email comes from the job', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const unknown = `nobody-${uniqueSuffix()}@example.test`;
    // Every statement any pg client sends, without its parameters.
    const statements: string[] = [];
    const original = pg.Client.prototype.query;
    const recordWhile = async (work: () => Promise<unknown>) => {
      statements.length = 0;
      pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
        const config = args[0];
        statements.push(typeof config === 'string' ? config : (config as { text: string }).text);
        return (original as (...a: unknown[]) => unknown).apply(this, args);
      } as typeof original;
      try {
        return { answer: await work(), statements: [...statements] };
      } finally {
        pg.Client.prototype.query = original;
      }
    };
    const ip = () => `192.0.2.200-${uniqueSuffix()}`;
    await requestPasswordReset(db, null, { email: `warm-up-${uniqueSuffix()}@example.test` }, { ip: ip() });
    const known = await recordWhile(() => requestPasswordReset(db, null, { email: user.email }, { ip: ip() }));
    const notKnown = await recordWhile(() => requestPasswordReset(db, null, { email: unknown }, { ip: ip() }));
    expect(known.answer).toEqual(notKnown.answer);
    expect(known.statements.length).toBeGreaterThan(0);
    expect(known.statements).toEqual(notKnown.statements);
    expect(known.statements.join('\n')).not.toMatch(/"User"/);
    expect(await emailsTo(user.email, 'password-reset')).toBe(0);

    await drainPasswordResetRequests(db, boss);
    expect(await emailsTo(user.email, 'password-reset')).toBe(1);
    expect(await emailsTo(unknown, 'password-reset')).toBe(0);
  });
});

describe('a password change ends every open link', () => {
  it('a reset link mailed before an ordinary password change no longer works after it', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    await requestReset(user.email);
    const token = tokenIn((await latestEmailTo(user.email, 'password-reset'))!.text)!;
    const actor = { userId: user.id, role: user.role, companyId: null, municipalityId: null };
    await changePassword(db, actor, { currentPassword: TEST_PASSWORD, newPassword: 'violet kettle under moonlight' }, context);
    const stale = await resetPassword(db, null, { token, password: 'an attacker chose this phrase' }, context).catch((e: unknown) => e);
    expect(codeOf(stale)).toBe('VALIDATION');
    expect(await authenticate(db, { email: user.email, password: 'violet kettle under moonlight' }, `ip-${uniqueSuffix()}`)).not.toBeNull();
  });

  it('an invitation link dies once the new staff member set a password from a reset link', async () => {
    const email = `invited-${uniqueSuffix()}@example.test`;
    await createStaffUser(db, world.admin.actor, { name: 'Taras Bondarenko', email, role: 'FACILITATOR', locale: 'uk' }, context);
    const invitation = tokenIn((await latestEmailTo(email, 'staff-invitation'))!.text)!;
    await requestReset(email);
    const reset = tokenIn((await latestEmailTo(email, 'password-reset'))!.text)!;
    await resetPassword(db, null, { token: reset, password: 'orchard lantern seventeen' }, context);
    expect(codeOf(await resetPassword(db, null, { token: invitation, password: 'somebody else’s phrase' }, context).catch((e: unknown) => e))).toBe('VALIDATION');
  });

  it('refuses a weak or personal new password and leaves the link usable', async () => {
    const user = await createUser(db, { role: 'FACILITATOR', name: 'Oksana Melnyk' });
    await requestReset(user.email);
    const token = tokenIn((await latestEmailTo(user.email, 'password-reset'))!.text)!;
    const weak = await resetPassword(db, null, { token, password: 'password1234' }, context).catch((e: unknown) => e);
    expect(isAppError(weak) && weak.details?.fieldErrors).toEqual({ password: 'validation.passwordTooWeak' });
    const personal = await resetPassword(db, null, { token, password: user.email }, context).catch((e: unknown) => e);
    expect(isAppError(personal) && personal.details?.fieldErrors).toEqual({ password: 'validation.passwordContainsPersonalInfo' });
    const name = await resetPassword(db, null, { token, password: 'Oksana Melnyk 2026' }, context).catch((e: unknown) => e);
    expect(isAppError(name) && name.details?.fieldErrors).toEqual({ password: 'validation.passwordContainsPersonalInfo' });
    expect(await resetPassword(db, null, { token, password: 'granite swallow paper boat' }, context)).toEqual({ email: user.email });
  });

  it('a municipality cannot sign up with its hromada’s name as the password', async () => {
    const hromada = await pickFreeHromada(db);
    const full = await db.hromada.findUniqueOrThrow({ where: { code: hromada.code } });
    const refused = await signUpMunicipality(db, null, validSignUpMunicipality(hromada.code, { password: `${full.nameEn} hromada 2026` }), { ip: `ip-${uniqueSuffix()}` }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.details?.fieldErrors).toEqual({ password: 'validation.passwordContainsPersonalInfo' });
  });
});

describe('verification', () => {
  it('an unverified company cannot register interest until a facilitator verifies it', async () => {
    const company = await createCompany(db);
    const rep = await createUser(db, { role: 'COMPANY_REP', companyId: company.id, locale: 'ja' });
    const actor = { userId: rep.id, role: rep.role, companyId: company.id, municipalityId: null };
    const refused = await registerInterest(db, actor, { needId: world.openNeed.id }, context).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.messageKey).toBe('errors.notVerified');

    const auditBefore = await db.auditLog.count();
    await verifyOrganisation(db, world.facilitator.actor, { kind: 'company', id: company.id, decision: 'VERIFIED', expectedVersion: company.version }, context);
    expect(await db.auditLog.count()).toBe(auditBefore + 1);
    expect((await latestEmailTo(rep.email, 'organisation-verified'))?.locale).toBe('ja');
    expect(await registerInterest(db, actor, { needId: world.openNeed.id, note: 'Ready' }, context)).toHaveProperty('interestId');
  });

  it('a second facilitator deciding from the same stale version gets CONFLICT', async () => {
    const company = await createCompany(db);
    const decide = (decision: 'VERIFIED' | 'REJECTED') =>
      verifyOrganisation(db, world.facilitator.actor, { kind: 'company', id: company.id, expectedVersion: company.version, ...(decision === 'REJECTED' ? { decision, category: null, note: 'The corporate number is not in the register.' } : { decision }) }, context);
    await decide('VERIFIED');
    expect(codeOf(await decide('REJECTED').catch((e: unknown) => e))).toBe('CONFLICT');
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).verificationStatus).toBe('VERIFIED');
  });

  it('an unverified municipality drafts needs but publishes only once verified', async () => {
    const hromada = await pickFreeHromada(db);
    const signUp = await signUpConfirmed(db, validSignUpMunicipality(hromada.code)) as { userId: string; municipalityId: string };
    const actor = { userId: signUp.userId, role: 'MUNICIPALITY_REP' as const, companyId: null, municipalityId: signUp.municipalityId };
    const draft = await createNeedAction(db, actor, { requestId: randomUUID(), need: validNeed() }, context);
    const refused = await publishNeed(db, actor, { needId: draft.needId, expectedVersion: draft.version }, context).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.messageKey).toBe('errors.notVerified');

    await verifyOrganisation(db, world.admin.actor, { kind: 'municipality', id: signUp.municipalityId, decision: 'VERIFIED', expectedVersion: 0 }, context);
    await publishNeed(db, actor, { needId: draft.needId, expectedVersion: draft.version }, context);
    expect((await db.need.findUniqueOrThrow({ where: { id: draft.needId } })).status).toBe('OPEN');
  });

  it('a hromada is claimed once, told only after the email is confirmed', async () => {
    const token = await pendingSignUpToken(db, validSignUpMunicipality(world.municipality.hromadaCode));
    const taken = await confirmSignUp(db, null, { token }, context).catch((e: unknown) => e);
    expect(isAppError(taken) && taken.messageKey).toBe('errors.hromadaClaimed');
  });
});

describe('audit log', () => {
  it('never holds a password, a password hash or a reset token', async () => {
    const rows = await db.auditLog.findMany({ select: { before: true, after: true } });
    const text = JSON.stringify(rows);
    const hashes = (await db.user.findMany({ select: { passwordHash: true } })).map((user) => user.passwordHash);
    expect(text).not.toContain(TEST_PASSWORD);
    expect(text).not.toContain('passphrase');
    expect(text).not.toMatch(/passwordHash|tokenHash|\$argon2/);
    for (const hash of hashes) expect(text).not.toContain(hash);
  });
});
