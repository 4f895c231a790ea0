import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requestPasswordReset } from '../../lib/accounts/passwords';
import { signUpCompany } from '../../lib/accounts/sign-up';
import { createStaffUser } from '../../lib/accounts/staff';
import { deliverEmail } from '../../lib/email/delivery';
import { ONE_TIME_LINK_REMOVED } from '../../lib/email/one-time-links';
import { queueEmail } from '../../lib/email/outbox';
import { readOutbox } from '../../lib/email/read-outbox';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { uniqueSuffix } from '../factories/sequence';
import { createUser } from '../factories/user';
import { validSignUpCompany } from '../factories/valid-inputs';
import { startFakeSmtp, type FakeSmtp } from './fake-smtp';
import { testDb as db } from './test-db';

// One-time links sign their holder in: an administrator reading the outbox must not see them,
// and a delivered message keeps no copy of them.

const context = () => ({ ip: `192.0.2.${uniqueSuffix()}` });
const tokenIn = (text: string) => text.match(/\/(?:reset-password|sign-up\/confirm)\/([A-Za-z0-9_-]{43})/)?.[1];

let world: AccessWorld;
let smtp: FakeSmtp;
beforeAll(async () => {
  world = await createAccessWorld(db);
  smtp = await startFakeSmtp();
});
afterAll(async () => {
  await smtp?.close();
  await stopQueueClient();
});

describe('outbox read by an administrator', () => {
  it('shows no live one-time link: reset, invitation and sign-up confirmation are redacted', async () => {
    const user = await createUser(db, { role: 'ADMIN' });
    await requestPasswordReset(db, null, { email: user.email }, context());
    const staffEmail = `admin-${uniqueSuffix()}@example.test`;
    await createStaffUser(db, world.admin.actor, { name: 'New Admin', email: staffEmail, role: 'ADMIN', locale: 'en' }, context());
    const signUp = validSignUpCompany();
    await signUpCompany(db, null, signUp, context());

    for (const to of [user.email, staffEmail, signUp.email]) {
      const stored = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: to }, orderBy: { createdAt: 'desc' } });
      const token = stored.text.match(/\/(?:reset-password|sign-up\/confirm)\/([A-Za-z0-9_-]{43})/)?.[1];
      expect(token, stored.text).toBeDefined();
      const [shown] = await readOutbox(db, world.admin.actor, { to });
      expect(shown.text).not.toContain(token);
      expect(shown.text).toContain(ONE_TIME_LINK_REMOVED);
      expect(JSON.stringify(await readOutbox(db, world.admin.actor, {}))).not.toContain(token);
    }
  });
});

describe('delivery by SMTP', () => {
  it('sends the live link, then keeps only a copy without it', async () => {
    // English: a plain-text body, so the token is readable in what the server received.
    const user = await createUser(db, { role: 'COMPANY_REP', locale: 'en', companyId: world.company.id });
    await requestPasswordReset(db, null, { email: user.email }, context());
    const stored = await db.outboxEmail.findFirstOrThrow({ where: { toAddress: user.email, kind: 'password-reset' } });
    const token = tokenIn(stored.text) ?? '';
    expect(token).not.toBe('');

    await deliverEmail(db, stored.id, smtp.url);

    expect(smtp.received.some((message) => message.replace(/=\r?\n/g, '').includes(token))).toBe(true);
    const after = await db.outboxEmail.findUniqueOrThrow({ where: { id: stored.id } });
    expect(after.sentAt).not.toBeNull();
    expect(after.text).not.toContain(token);
    expect(after.text).toContain(ONE_TIME_LINK_REMOVED);
    expect(after.raw.replace(/=\r?\n/g, '')).not.toContain(token);
    expect(after.raw).toContain(`To: ${user.email}`);
  });

  it('keeps a message without a secret as it was', async () => {
    const id = await db.$transaction((tx) => queueEmail(tx, { kind: 'organisation-verified', to: `notice-${uniqueSuffix()}@example.test`, locale: 'en', subject: 'Verified', text: 'See http://127.0.0.1/en/account' }));
    const before = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    await deliverEmail(db, id, smtp.url);
    const after = await db.outboxEmail.findUniqueOrThrow({ where: { id } });
    expect(after.sentAt).not.toBeNull();
    expect({ text: after.text, raw: after.raw }).toEqual({ text: before.text, raw: before.raw });
  });
});
