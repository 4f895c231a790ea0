import { encode } from 'next-auth/jwt';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { changePassword } from '../../lib/accounts/passwords';
import { signUpCompany } from '../../lib/accounts/sign-up';
import { signUpConfirmed } from './sign-up-helpers';
import { setUserDisabled } from '../../lib/accounts/staff';
import { authSecret, actorFromClaims, actorFromCookies, SESSION_COOKIE, sessionAbsoluteSeconds } from '../../lib/auth/session';
import { authenticate } from '../../lib/auth/sign-in';
import { endSession, startSession } from '../../lib/auth/user-sessions';
import { createDb } from '../../lib/db';
import { isAppError } from '../../lib/errors';
import { SIGN_IN_LIMITS, signInBackoffSeconds } from '../../lib/security/rate-limit';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createAccessWorld, TEST_PASSWORD, type AccessWorld } from '../factories/access-world';
import { uniqueSuffix } from '../factories/sequence';
import { createUser } from '../factories/user';
import { validSignUpCompany } from '../factories/valid-inputs';
import { inject } from 'vitest';
import { testDb as db } from './test-db';

const context = { ip: '198.51.100.7' };
let world: AccessWorld;

beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

const uniqueIp = () => `192.0.2.${Math.floor(Math.random() * 250) + 1}-${uniqueSuffix()}`;
const claimsOf = async (userId: string) => {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const session = await startSession(db, user.id);
  return { sub: user.id, sid: session.id, sv: user.sessionVersion, authTime: Math.floor(Date.now() / 1000) };
};

describe('sign-in', () => {
  it('accepts the right password and audits the success', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const signedIn = await authenticate(db, { email: user.email, password: TEST_PASSWORD }, uniqueIp());
    expect(signedIn).toMatchObject({ userId: user.id, role: 'FACILITATOR' });
    expect(await db.auditLog.count({ where: { action: 'auth.sign-in.succeeded', actorId: user.id } })).toBe(1);
  });

  it('gives the same answer for an unknown email and a wrong password, and audits both failures', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const unknown = await authenticate(db, { email: `nobody-${uniqueSuffix()}@example.test`, password: TEST_PASSWORD }, uniqueIp());
    const wrong = await authenticate(db, { email: user.email, password: 'not the password at all' }, uniqueIp());
    expect(unknown).toBeNull();
    expect(wrong).toBeNull();
    const failures = await db.auditLog.findMany({ where: { action: 'auth.sign-in.failed' }, orderBy: { id: 'desc' }, take: 2 });
    expect(failures.map((row) => (row.after as { reason: string }).reason).sort()).toEqual(['unknown-email', 'wrong-password']);
  });

  it('finds the account whatever the case or width of the typed email (NFKC, lower case)', async () => {
    const user = await createUser(db, { role: 'FACILITATOR', email: `tanaka-${uniqueSuffix()}@example.test` });
    const fullWidth = user.email.toUpperCase().replace(/[A-Z0-9@.-]/g, (char) => String.fromCharCode(char.charCodeAt(0) + 0xfee0));
    expect(fullWidth).not.toBe(user.email);
    expect(await authenticate(db, { email: ` ${fullWidth} `, password: TEST_PASSWORD }, uniqueIp())).toMatchObject({ userId: user.id });
  });

  it('never truncates a long password: all 128 characters count', async () => {
    const password = 'x'.repeat(127) + 'y';
    const user = await createUser(db, { role: 'FACILITATOR', password });
    expect(await authenticate(db, { email: user.email, password }, uniqueIp())).not.toBeNull();
    expect(await authenticate(db, { email: user.email, password: 'x'.repeat(128) }, uniqueIp())).toBeNull();
    expect(await authenticate(db, { email: user.email, password: password.slice(0, 72) }, uniqueIp())).toBeNull();
  });

  it('refuses a disabled account like a wrong password', async () => {
    const user = await createUser(db, { role: 'FACILITATOR', disabledAt: new Date() });
    expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, uniqueIp())).toBeNull();
  });
});

describe('sign-in rate limit (counted in PostgreSQL)', () => {
  // A controllable clock: rate-limiter-flexible and the back-off read Date.now().
  let now = Date.now();
  const advanceSeconds = (seconds: number) => {
    now += seconds * 1000;
    vi.setSystemTime(now);
  };
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    now = Date.now();
  });
  afterEach(() => {
    vi.useRealTimers();
  });
  const attempt = (email: string, password: string, ip: string) => authenticate(db, { email, password }, ip).catch((caught: unknown) => caught);
  const limitOf = (error: unknown) => (isAppError(error) && error.code === 'RATE_LIMITED' ? error.message : null);

  it('ten wrong passwords from ten addresses do not lock the owner out: after the short back-off the right password works', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const results = [];
    for (let index = 0; index < 12; index += 1) results.push(await attempt(user.email, 'wrong password here', uniqueIp()));
    // The account backs off: some of the attacker's attempts were refused before any check.
    expect(results.filter((result) => limitOf(result)?.includes('sign-in:account-backoff')).length).toBeGreaterThan(0);
    expect(await db.auditLog.count({ where: { action: 'auth.sign-in.rate-limited' } })).toBeGreaterThan(0);

    advanceSeconds(SIGN_IN_LIMITS.backoffMaxSeconds);
    expect(await attempt(user.email, TEST_PASSWORD, uniqueIp())).toMatchObject({ userId: user.id });
  });

  it('the back-off never holds back an address the account signed in from before', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const home = uniqueIp();
    expect(await attempt(user.email, TEST_PASSWORD, home)).toMatchObject({ userId: user.id });
    for (let index = 0; index < 12; index += 1) await attempt(user.email, 'wrong password here', uniqueIp());
    expect(limitOf(await attempt(user.email, 'wrong password here', uniqueIp()))).toContain('sign-in:account-backoff');
    expect(await attempt(user.email, TEST_PASSWORD, home)).toMatchObject({ userId: user.id });
  });

  it('waits 1 s, 2 s, 4 s… between attempts once the free failures are spent, capped', () => {
    const free = SIGN_IN_LIMITS.freeFailuresPerAccount;
    expect(signInBackoffSeconds(free - 1, SIGN_IN_LIMITS)).toBe(0);
    expect([free, free + 1, free + 2].map((failures) => signInBackoffSeconds(failures, SIGN_IN_LIMITS))).toEqual([1, 2, 4]);
    expect(signInBackoffSeconds(free + 100, SIGN_IN_LIMITS)).toBe(SIGN_IN_LIMITS.backoffMaxSeconds);
  });

  it(`one address gets ${SIGN_IN_LIMITS.perAccountAndIp} attempts per account in the window, then is refused even the right password`, async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const ip = uniqueIp();
    for (let failures = 0; failures < SIGN_IN_LIMITS.perAccountAndIp; failures += 1) {
      advanceSeconds(signInBackoffSeconds(failures, SIGN_IN_LIMITS));
      expect(await attempt(user.email, 'wrong password here', ip)).toBeNull();
    }
    advanceSeconds(SIGN_IN_LIMITS.backoffMaxSeconds);
    expect(limitOf(await attempt(user.email, TEST_PASSWORD, ip))).toContain('sign-in:account-ip');
    // Another address is not refused for it.
    expect(await attempt(user.email, TEST_PASSWORD, uniqueIp())).toMatchObject({ userId: user.id });
  });

  it('counts per address across accounts, and two app instances share the count', async () => {
    const ip = uniqueIp();
    // A second client with its own pool stands in for a second app instance.
    const otherInstance = createDb(inject('databaseUrl'), 2);
    try {
      for (let index = 0; index < SIGN_IN_LIMITS.perIp; index += 1) {
        const instance = index % 2 === 0 ? db : otherInstance;
        await authenticate(instance, { email: `nobody-${uniqueSuffix()}@example.test`, password: 'whatever it is' }, ip);
      }
      const user = await createUser(db, { role: 'FACILITATOR' });
      const error = await authenticate(otherInstance, { email: user.email, password: TEST_PASSWORD }, ip).catch((caught: unknown) => caught);
      expect(limitOf(error)).toContain('sign-in:ip');
      expect(await authenticate(db, { email: user.email, password: TEST_PASSWORD }, uniqueIp())).not.toBeNull();
    } finally {
      await otherInstance.$disconnect();
    }
  });

  it('counts failures per address, not successful sign-ins: an office behind one address keeps signing in', async () => {
    const office = uniqueIp();
    const colleagues = await Promise.all(Array.from({ length: 3 }, () => createUser(db, { role: 'FACILITATOR' })));
    for (let index = 0; index < SIGN_IN_LIMITS.perIp + 5; index += 1) {
      const colleague = colleagues[index % colleagues.length];
      expect(await attempt(colleague.email, TEST_PASSWORD, office), `sign-in ${index + 1}`).toMatchObject({ userId: colleague.id });
    }
    // Guessing from the same address still spends the window.
    for (let index = 0; index < SIGN_IN_LIMITS.perIp; index += 1) {
      await attempt(`nobody-${uniqueSuffix()}@example.test`, 'wrong password here', office);
    }
    expect(limitOf(await attempt(colleagues[0].email, TEST_PASSWORD, office))).toContain('sign-in:ip');
  });

  it('forgives an account its failures once it signs in', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    for (let index = 0; index < 12; index += 1) await attempt(user.email, 'wrong password here', uniqueIp());
    advanceSeconds(SIGN_IN_LIMITS.backoffMaxSeconds);
    expect(await attempt(user.email, TEST_PASSWORD, uniqueIp())).not.toBeNull();
    // Forgiven: the next few failures from anywhere meet no back-off.
    for (let index = 0; index < SIGN_IN_LIMITS.freeFailuresPerAccount; index += 1) {
      expect(await attempt(user.email, 'wrong password here', uniqueIp())).toBeNull();
    }
    expect(await attempt(user.email, TEST_PASSWORD, uniqueIp())).not.toBeNull();
  });
});

describe('sessions', () => {
  it('reads the acting user from a signed session cookie', async () => {
    const token = await encode({ secret: authSecret(), token: await claimsOf(world.companyRep.actor.userId) });
    const cookies = new Map([[SESSION_COOKIE, token]]);
    const jar = { getAll: () => [...cookies].map(([name, value]) => ({ name, value })) };
    expect(await actorFromCookies(db, jar)).toEqual(world.companyRep.actor);
  });

  it('ignores a cookie signed with another secret', async () => {
    const token = await encode({ secret: 'some other secret that is long enough', token: await claimsOf(world.companyRep.actor.userId) });
    expect(await actorFromCookies(db, { getAll: () => [{ name: SESSION_COOKIE, value: token }] })).toBeNull();
  });

  it('ends every session of a user an admin disables', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const claims = await claimsOf(user.id);
    expect(await actorFromClaims(db, claims)).not.toBeNull();
    const result = await setUserDisabled(db, world.admin.actor, { userId: user.id, disabled: true }, context);
    expect(result.disabled).toBe(true);
    expect(await actorFromClaims(db, claims)).toBeNull();
    // Enabling again does not bring the old session back.
    await setUserDisabled(db, world.admin.actor, { userId: user.id, disabled: false }, context);
    expect(await actorFromClaims(db, claims)).toBeNull();
    expect(await actorFromClaims(db, await claimsOf(user.id))).not.toBeNull();
  });

  it('ends every session when the password changes', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const actor = { userId: user.id, role: user.role, companyId: null, municipalityId: null };
    const claims = await claimsOf(user.id);
    await changePassword(db, actor, { currentPassword: TEST_PASSWORD, newPassword: 'a brand new passphrase' }, context);
    expect(await actorFromClaims(db, claims)).toBeNull();
    expect(await authenticate(db, { email: user.email, password: 'a brand new passphrase' }, uniqueIp())).not.toBeNull();
  });

  it('ends a session past its absolute lifetime, however active', async () => {
    const claims = await claimsOf(world.facilitator.actor.userId);
    const justInside = new Date((claims.authTime + sessionAbsoluteSeconds() - 5) * 1000);
    const justPast = new Date((claims.authTime + sessionAbsoluteSeconds() + 5) * 1000);
    expect(await actorFromClaims(db, claims, justInside)).not.toBeNull();
    expect(await actorFromClaims(db, claims, justPast)).toBeNull();
  });

  it('sign-out revokes that session on the server: a copy of its cookie stops working, and it is audited', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const claims = await claimsOf(user.id);
    const cookie = await encode({ secret: authSecret(), token: claims });
    const jar = { getAll: () => [{ name: SESSION_COOKIE, value: cookie }] };
    expect(await actorFromCookies(db, jar)).toMatchObject({ userId: user.id });

    expect(await endSession(db, claims, '203.0.113.9')).toBe(true);
    expect(await actorFromCookies(db, jar)).toBeNull();
    expect(await actorFromClaims(db, claims)).toBeNull();
    const audit = await db.auditLog.findMany({ where: { action: 'auth.signed-out', actorId: user.id } });
    expect(audit).toMatchObject([{ entityType: 'UserSession', entityId: claims.sid, ip: '203.0.113.9', actorRole: 'FACILITATOR' }]);
    // Signing out again with the same token changes nothing and writes nothing.
    expect(await endSession(db, claims, null)).toBe(false);
    expect(await db.auditLog.count({ where: { action: 'auth.signed-out', actorId: user.id } })).toBe(1);
  });

  it('signing out on one device leaves the same user’s other devices signed in', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const laptop = await claimsOf(user.id);
    const phone = await claimsOf(user.id);
    await endSession(db, laptop, null);
    expect(await actorFromClaims(db, laptop)).toBeNull();
    expect(await actorFromClaims(db, phone)).toMatchObject({ userId: user.id });
  });

  it('refuses a token without a session, or with another user’s session, and lets no one sign out someone else', async () => {
    const user = await createUser(db, { role: 'FACILITATOR' });
    const other = await claimsOf(world.facilitator.actor.userId);
    const own = await claimsOf(user.id);
    expect(await actorFromClaims(db, { ...own, sid: undefined })).toBeNull();
    expect(await actorFromClaims(db, { ...own, sid: 'not-a-uuid' })).toBeNull();
    expect(await actorFromClaims(db, { ...own, sid: other.sid })).toBeNull();
    expect(await endSession(db, { ...own, sid: other.sid }, null)).toBe(false);
    expect(await actorFromClaims(db, other)).not.toBeNull();
  });

  it('an admin cannot disable their own account', async () => {
    const result = await setUserDisabled(db, world.admin.actor, { userId: world.admin.actor.userId, disabled: true }, context).catch((error: unknown) => error);
    expect(isAppError(result) && result.code).toBe('VALIDATION');
  });
});

describe('sign-up', () => {
  it('stores the NFKC, lower-case email and treats the same address in another spelling as taken', async () => {
    const local = `suzuki-${uniqueSuffix()}`;
    const created = await signUpConfirmed(db, validSignUpCompany({ email: `${local.toUpperCase()}＠EXAMPLE.TEST` }));
    const user = await db.user.findUniqueOrThrow({ where: { id: created.userId } });
    expect(user.email).toBe(`${local}@example.test`);
    const again = await signUpCompany(db, null, validSignUpCompany({ email: `${local}@example.test` }), { ip: uniqueIp() });
    expect(again).toEqual({ emailSent: true });
    expect(await db.outboxEmail.count({ where: { toAddress: user.email, kind: 'sign-up-attempt' } })).toBe(1);
  });

  it('requires 12 to 128 characters of password', async () => {
    const phrase = (length: number) => 'violet kettle hums under a copper moon while owls debate '.repeat(3).slice(0, length);
    for (const [password, ok] of [[phrase(11), false], [phrase(12), true], [phrase(128), true], [phrase(129), false]] as const) {
      const result = await signUpCompany(db, null, validSignUpCompany({ password }), { ip: uniqueIp() }).catch((error: unknown) => error);
      expect(isAppError(result), `${password.length} characters`).toBe(!ok);
    }
  });

  it('creates an unverified draft company whose representative can sign in', async () => {
    const input = validSignUpCompany();
    const { userId, companyId } = await signUpConfirmed(db, input) as { userId: string; companyId: string };
    const company = await db.company.findUniqueOrThrow({ where: { id: companyId } });
    expect(company.verificationStatus).toBe('UNVERIFIED');
    expect(await authenticate(db, { email: input.email, password: input.password }, uniqueIp())).toMatchObject({ userId, companyId, role: 'COMPANY_REP' });
  });

  it('refuses a password too easy to guess, or the company’s own name, and creates nothing', async () => {
    const weak = validSignUpCompany({ password: 'password1234' });
    const ownName = validSignUpCompany();
    ownName.password = ownName.company.legalNameEn;
    for (const input of [weak, ownName]) {
      const refused = await signUpCompany(db, null, input, { ip: uniqueIp() }).catch((error: unknown) => error);
      expect(isAppError(refused) && refused.code).toBe('VALIDATION');
      expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    }
  });
});
