import { execFile } from 'node:child_process';
import path from 'node:path';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createAdministrator } from '../../lib/accounts/administrator';
import { INVITATION_LINK_HOURS, hashToken } from '../../lib/accounts/one-time-link';
import { resetPassword } from '../../lib/accounts/passwords';
import { authenticate } from '../../lib/auth/sign-in';
import { isAppError } from '../../lib/errors';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { uniqueSuffix } from '../factories/sequence';
import { createUser } from '../factories/user';
import { testDb as db } from './test-db';

afterAll(async () => {
  await stopQueueClient();
});

const newEmail = () => `first-admin-${uniqueSuffix()}@example.test`;
const tokenOf = (link: string) => new URL(link).pathname.match(/^\/reset-password\/([\w-]+)$/)![1];
const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  return isAppError(error) ? { code: error.code, fieldErrors: error.details?.fieldErrors } : error;
};
const counts = async () => ({
  users: await db.user.count(),
  tokens: await db.passwordResetToken.count(),
  audit: await db.auditLog.count(),
});

describe('createAdministrator (npm run admin:create)', () => {
  it('creates an administrator and a one-time link, valid for the invitation period, audited', async () => {
    const email = newEmail();
    const created = await createAdministrator(db, { email, name: '田中 愛子', locale: 'ja' });

    const user = await db.user.findUniqueOrThrow({ where: { id: created.userId } });
    expect(user).toMatchObject({ email, name: '田中 愛子', role: 'ADMIN', locale: 'ja', companyId: null, municipalityId: null });
    const token = await db.passwordResetToken.findUniqueOrThrow({ where: { tokenHash: hashToken(tokenOf(created.link)) } });
    expect(token).toMatchObject({ userId: user.id, usedAt: null });
    expect(Math.abs(token.expiresAt.getTime() - (Date.now() + INVITATION_LINK_HOURS * 3_600_000))).toBeLessThan(60_000);
    expect(await db.auditLog.count({ where: { action: 'user.created', entityId: user.id, actorId: null } })).toBe(1);
  });

  it('lets nobody sign in until the link sets a password, then the administrator can', async () => {
    const email = newEmail();
    const created = await createAdministrator(db, { email, name: 'Olena Kovalenko', locale: 'uk' });
    const chosen = 'a password only I know 2026';
    expect(await authenticate(db, { email, password: chosen }, null)).toBeNull();

    await resetPassword(db, null, { token: tokenOf(created.link), password: chosen }, { ip: null });
    expect(await authenticate(db, { email, password: chosen }, null)).toMatchObject({ userId: created.userId, role: 'ADMIN' });
    // The link works once.
    expect(await failureOf(resetPassword(db, null, { token: tokenOf(created.link), password: 'another password 2026' }, { ip: null })))
      .toMatchObject({ code: 'VALIDATION' });
  });

  it('refuses an email that already has an account, in any case, and writes nothing', async () => {
    const existing = await createUser(db, { role: 'FACILITATOR' });
    const before = await counts();
    expect(await failureOf(createAdministrator(db, { email: existing.email.toUpperCase(), name: 'Intruder', locale: 'en' })))
      .toEqual({ code: 'CONFLICT', fieldErrors: { email: 'validation.emailTaken' } });
    expect(await counts()).toEqual(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).role).toBe('FACILITATOR');
  });

  it('refuses invalid input and any field beyond email, name and locale', async () => {
    const before = await counts();
    expect(await failureOf(createAdministrator(db, { email: 'not an address', name: 'A', locale: 'en' })))
      .toMatchObject({ code: 'VALIDATION', fieldErrors: { email: 'validation.email' } });
    expect(await failureOf(createAdministrator(db, { email: newEmail(), name: '  ', locale: 'en' })))
      .toMatchObject({ code: 'VALIDATION', fieldErrors: { name: 'validation.required' } });
    expect(await failureOf(createAdministrator(db, { email: newEmail(), name: 'A', locale: 'fr' })))
      .toMatchObject({ code: 'VALIDATION', fieldErrors: { locale: 'validation.choose' } });
    expect(await failureOf(createAdministrator(db, { email: newEmail(), name: 'A', locale: 'en', passwordHash: 'x' })))
      .toMatchObject({ code: 'VALIDATION', fieldErrors: { passwordHash: 'validation.unexpectedField' } });
    expect(await counts()).toEqual(before);
  });

  it('the command prints the link, and refuses the same email a second time', { timeout: 120_000 }, async () => {
    const email = newEmail();
    const run = () => new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(
        path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx'),
        ['prisma/cli/create-admin.ts', '--email', email, '--name', 'Aiko Tanaka', '--locale', 'ja'],
        { cwd: path.resolve(import.meta.dirname, '../..'), env: { ...process.env, DATABASE_URL: inject('databaseUrl'), NEXTAUTH_URL: 'https://kakehashi.example' } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) || 1 : 0, stdout, stderr }),
      );
    });
    const first = await run();
    expect(first.code).toBe(0);
    const link = first.stdout.match(/https:\/\/kakehashi\.example\/reset-password\/[\w-]+/)?.[0];
    expect(link).toBeDefined();
    expect(await db.passwordResetToken.count({ where: { tokenHash: hashToken(tokenOf(link!)) } })).toBe(1);

    const second = await run();
    expect(second.code).toBe(1);
    expect(second.stderr).toContain('email: An account with this email exists');
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
