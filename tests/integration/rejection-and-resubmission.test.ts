import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationOf, type ActionName } from '../../lib/actions/registry';
import { runAction } from '../../lib/actions/run';
import type { Actor } from '../../lib/auth/actor';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { getOwnVerification } from '../../lib/verification/resubmit';
import { listPendingVerifications } from '../../lib/verification/verify-organisation';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createUser } from '../factories/user';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// A rejection says why, reaches every member in their own language, and can be answered: the
// organisation fixes its details and resubmits, and facilitators see it again with the reason.

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

const context = { ip: '198.51.100.7' };
const NOTE = 'The corporate number belongs to another company in the register.';
const run = (name: ActionName, actor: Actor | null, input: unknown) => runAction(db, name, operationOf(name), actor, input, context);
const actorOf = (user: { id: string; role: Actor['role']; companyId: string | null; municipalityId: string | null }): Actor =>
  ({ userId: user.id, role: user.role, companyId: user.companyId, municipalityId: user.municipalityId });

async function rejectedCompany() {
  const company = await createCompany(db);
  const ja = await createUser(db, { role: 'COMPANY_REP', companyId: company.id, locale: 'ja' });
  const uk = await createUser(db, { role: 'COMPANY_REP', companyId: company.id, locale: 'uk' });
  const result = await run('verifyOrganisation', world.facilitator.actor, {
    kind: 'company', id: company.id, decision: 'REJECTED', expectedVersion: company.version, category: 'DETAILS_DO_NOT_MATCH_REGISTER', note: NOTE,
  });
  expect(result).toMatchObject({ ok: true });
  return { company, ja, uk };
}

describe('rejecting an organisation', () => {
  it('requires a reason: without one nothing changes and no email is queued', async () => {
    const company = await createCompany(db);
    const before = await dataFingerprint(db);
    const result = await run('verifyOrganisation', world.facilitator.actor, { kind: 'company', id: company.id, decision: 'REJECTED', expectedVersion: company.version, category: null, note: '  ' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { note: 'validation.rejectionNoteTooShort' } } });
    const missing = await run('verifyOrganisation', world.facilitator.actor, { kind: 'company', id: company.id, decision: 'REJECTED', expectedVersion: company.version });
    expect(missing).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await dataFingerprint(db)).toEqual(before);
  });

  it('stores and audits the reason, and emails each member in their own language', async () => {
    const since = new Date();
    const { company, ja, uk } = await rejectedCompany();
    expect(await db.company.findUniqueOrThrow({ where: { id: company.id } })).toMatchObject({
      verificationStatus: 'REJECTED', rejectionReason: NOTE, rejectionCategory: 'DETAILS_DO_NOT_MATCH_REGISTER',
    });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'company.rejected', entityId: company.id } });
    expect(audit.after).toMatchObject({ rejectionReason: NOTE, rejectionCategory: 'DETAILS_DO_NOT_MATCH_REGISTER' });

    const emails = await db.outboxEmail.findMany({ where: { kind: 'organisation-rejected', createdAt: { gte: since }, toAddress: { in: [ja.email, uk.email] } } });
    expect(emails).toHaveLength(2);
    const toJa = emails.find((e) => e.toAddress === ja.email)!;
    const toUk = emails.find((e) => e.toAddress === uk.email)!;
    expect(toJa.locale).toBe('ja');
    expect(toJa.subject).toContain('確認を完了できませんでした');
    expect(toJa.text).toContain('登録内容が公的な登録情報と一致しません。');
    expect(toJa.text).toContain(NOTE);
    expect(toJa.text).toContain('/ja/account');
    expect(toUk.text).toContain('Дані не збігаються з офіційним реєстром.');
    expect(toUk.text).toContain('/uk/account');
    // A real RFC 5322 message, with the language and kind in its headers.
    expect(toUk.raw).toMatch(/^Content-Language: uk$/m);
    expect(toUk.raw).toMatch(/^X-Kakehashi-Kind: organisation-rejected$/m);
    expect(toUk.raw).toMatch(/^Subject: /m);
  });

  it('shows the members the reason and the version to resubmit from', async () => {
    const { company, ja } = await rejectedCompany();
    const own = await getOwnVerification(db, actorOf(ja));
    expect(own).toMatchObject({ kind: 'company', verificationStatus: 'REJECTED', rejectionReason: NOTE, version: company.version + 1 });
    expect(await getOwnVerification(db, world.facilitator.actor)).toBeNull();
  });
});

describe('resubmitting after a rejection', () => {
  it('puts the organisation back in the queue with its note and the earlier reason, audited', async () => {
    const { company, ja } = await rejectedCompany();
    const result = await run('resubmitForVerification', actorOf(ja), { expectedVersion: company.version + 1, note: 'Corrected the corporate number.' });
    expect(result).toMatchObject({ ok: true, data: { verificationStatus: 'UNVERIFIED' } });
    const stored = await db.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(stored).toMatchObject({ verificationStatus: 'UNVERIFIED', resubmissionNote: 'Corrected the corporate number.', rejectionReason: NOTE });
    expect(stored.resubmittedAt).toBeInstanceOf(Date);
    expect(await db.auditLog.count({ where: { action: 'company.resubmitted', entityId: company.id, actorId: ja.id } })).toBe(1);

    const queue = await listPendingVerifications(db, world.facilitator.actor);
    expect(queue.companies.find((c) => c.id === company.id)).toMatchObject({ rejectionReason: NOTE, resubmissionNote: 'Corrected the corporate number.' });

    // The facilitator verifies it this time.
    expect(await run('verifyOrganisation', world.facilitator.actor, { kind: 'company', id: company.id, decision: 'VERIFIED', expectedVersion: stored.version })).toMatchObject({ ok: true });
  });

  it('works for a hromada too', async () => {
    const municipality = await createMunicipality(db, (await pickFreeHromada(db)).code);
    const rep = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: municipality.id, locale: 'uk' });
    await run('verifyOrganisation', world.facilitator.actor, { kind: 'municipality', id: municipality.id, decision: 'REJECTED', expectedVersion: 0, category: 'REPRESENTATIVE_NOT_CONFIRMED', note: 'Please send the council decision appointing you.' });
    expect(await run('resubmitForVerification', actorOf(rep), { expectedVersion: 1, note: 'Decision No. 12 of the council is attached.' })).toMatchObject({ ok: true });
    expect((await db.municipality.findUniqueOrThrow({ where: { id: municipality.id } })).verificationStatus).toBe('UNVERIFIED');
  });

  it('refuses an organisation that is not rejected, and a stale version, changing nothing', async () => {
    const before = await dataFingerprint(db);
    const verified = await run('resubmitForVerification', world.companyRep.actor, { expectedVersion: world.company.version, note: '' });
    expect(verified).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.notRejected' } });
    expect(await dataFingerprint(db)).toEqual(before);
    const { company, ja } = await rejectedCompany();
    const stale = await run('resubmitForVerification', actorOf(ja), { expectedVersion: company.version, note: '' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.staleVersion' } });
    expect((await db.company.findUniqueOrThrow({ where: { id: company.id } })).verificationStatus).toBe('REJECTED');
  });

  it('refuses when someone else claimed the corporate number meanwhile', async () => {
    const { company, ja } = await rejectedCompany();
    await createCompany(db, { corporateNumber: company.corporateNumber });
    const result = await run('resubmitForVerification', actorOf(ja), { expectedVersion: company.version + 1, note: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.claimTaken' } });
  });

  it('refuses staff and visitors: audited, nothing changed', async () => {
    for (const [actor, status] of [[world.facilitator.actor, 403], [world.admin.actor, 403], [null, 401]] as const) {
      const before = await dataFingerprint(db);
      expect(await run('resubmitForVerification', actor, { expectedVersion: 0, note: '' })).toMatchObject({ ok: false, error: { status } });
      expect(await dataFingerprint(db)).toEqual(before);
    }
    expect(await db.auditLog.count({ where: { action: 'access.denied', entityId: 'resubmitForVerification', actorId: world.facilitator.actor.userId } })).toBe(1);
  });
});
