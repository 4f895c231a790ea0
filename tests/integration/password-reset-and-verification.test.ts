import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPasswordReset, resetPassword } from '../../lib/accounts/passwords';
import { signUpMunicipality } from '../../lib/accounts/sign-up';
import { createStaffUser } from '../../lib/accounts/staff';
import { authenticate } from '../../lib/auth/sign-in';
import { actorFromClaims } from '../../lib/auth/session';
import { startSession } from '../../lib/auth/user-sessions';
import { isAppError } from '../../lib/errors';
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
import { testDb as db } from './test-db';

const context = { ip: null };
let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

const codeOf = (error: unknown) => (isAppError(error) ? error.code : error);
const latestEmailTo = (to: string, kind: string) => db.outboxEmail.findFirst({ where: { toAddress: to, kind }, orderBy: { createdAt: 'desc' } });
const tokenIn = (text: string) => text.match(/\/reset-password\/([A-Za-z0-9_-]{43})/)?.[1];

describe('password reset by email', () => {
  it('answers alike for a known and an unknown address, and emails only the known one', async () => {
    const user = await createUser(db, { role: 'FACILITATOR', locale: 'ja' });
    const unknown = `nobody-${uniqueSuffix()}@example.test`;
    expect(await requestPasswordReset(db, null, { email: unknown }, context)).toEqual(await requestPasswordReset(db, null, { email: user.email }, context));
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
    await requestPasswordReset(db, null, { email: user.email }, context);
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
    await requestPasswordReset(db, null, { email: user.email }, context);
    const token = tokenIn((await latestEmailTo(user.email, 'password-reset'))!.text)!;
    await db.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(codeOf(await resetPassword(db, null, { token, password: 'too late passphrase' }, context).catch((e: unknown) => e))).toBe('VALIDATION');
    const after = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(after.passwordHash).toBe(user.passwordHash);
  });

  it('two submissions of one link at the same moment: one wins', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    await requestPasswordReset(db, null, { email: user.email }, context);
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
      verifyOrganisation(db, world.facilitator.actor, { kind: 'company', id: company.id, decision, expectedVersion: company.version }, context);
    await decide('VERIFIED');
    expect(codeOf(await decide('REJECTED').catch((e: unknown) => e))).toBe('CONFLICT');
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).verificationStatus).toBe('VERIFIED');
  });

  it('an unverified municipality drafts needs but publishes only once verified', async () => {
    const hromada = await pickFreeHromada(db);
    const signUp = await signUpMunicipality(db, null, validSignUpMunicipality(hromada.code), { ip: `ip-${uniqueSuffix()}` });
    const actor = { userId: signUp.userId, role: 'MUNICIPALITY_REP' as const, companyId: null, municipalityId: signUp.municipalityId };
    const draft = await createNeedAction(db, actor, { requestId: randomUUID(), need: validNeed() }, context);
    const refused = await publishNeed(db, actor, { needId: draft.needId, expectedVersion: draft.version }, context).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.messageKey).toBe('errors.notVerified');

    await verifyOrganisation(db, world.admin.actor, { kind: 'municipality', id: signUp.municipalityId, decision: 'VERIFIED', expectedVersion: 0 }, context);
    await publishNeed(db, actor, { needId: draft.needId, expectedVersion: draft.version }, context);
    expect((await db.need.findUniqueOrThrow({ where: { id: draft.needId } })).status).toBe('OPEN');
  });

  it('a hromada is claimed once', async () => {
    const taken = await signUpMunicipality(db, null, validSignUpMunicipality(world.municipality.hromadaCode), { ip: `ip-${uniqueSuffix()}` }).catch((e: unknown) => e);
    expect(isAppError(taken) && taken.details?.fieldErrors).toEqual({ hromadaCode: 'validation.hromadaClaimed' });
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
