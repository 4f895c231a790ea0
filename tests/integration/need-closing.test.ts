import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { operationOf, type ActionName } from '../../lib/actions/registry';
import { runAction } from '../../lib/actions/run';
import type { Actor } from '../../lib/auth/actor';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { closeNeed, listDuplicateCandidates, reopenNeed } from '../../lib/needs/close-need';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createNeed } from '../factories/need';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// Closing asks why and is not final: the need's municipality or a facilitator reopens it. Who
// may do each, what is stored and audited, and what is refused without a trace of change.

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

const context = { ip: '198.51.100.4' };
const pendingRankings = async (needId: string) =>
  Number((await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = 'matching-need-changed' AND singleton_key = ${needId} AND state IN ('created', 'retry', 'active')`)[0].n);

async function run(name: ActionName, actor: Actor | null, input: unknown) {
  return runAction(db, name, operationOf(name), actor, input, context);
}

async function expectRefusedUnchanged(name: ActionName, actor: Actor | null, input: unknown, status: number) {
  const before = await dataFingerprint(db);
  const result = await run(name, actor, input);
  expect(result).toMatchObject({ ok: false, error: { status } });
  expect(await dataFingerprint(db)).toEqual(before);
  return result;
}

describe('closing a need', () => {
  it('stores and audits the reason, and queues the re-ranking in the same transaction', async () => {
    const need = await createNeed(db, world.municipality);
    const result = await run('closeNeed', world.municipalityRep.actor, { needId: need.id, expectedVersion: need.version, reason: 'FULFILLED', duplicateOfNeedId: null });
    expect(result).toMatchObject({ ok: true, data: { closeReason: 'FULFILLED', version: need.version + 1 } });
    const stored = await db.need.findUniqueOrThrow({ where: { id: need.id } });
    expect(stored).toMatchObject({ status: 'CLOSED', closeReason: 'FULFILLED', duplicateOfId: null });
    expect(stored.closedAt).toBeInstanceOf(Date);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'need.closed', entityId: need.id } });
    expect(audit.after).toEqual({ status: 'CLOSED', closeReason: 'FULFILLED', duplicateOfId: null });
    expect(audit.actorId).toBe(world.municipalityRep.actor.userId);
    expect(await pendingRankings(need.id)).toBe(1);
  });

  it('names the need a duplicate repeats, among its own municipality’s needs only', async () => {
    const original = await createNeed(db, world.municipality);
    const duplicate = await createNeed(db, world.municipality);
    expect((await listDuplicateCandidates(db, world.municipalityRep.actor, duplicate.id)).map((n) => n.id)).toContain(original.id);
    expect((await listDuplicateCandidates(db, world.municipalityRep.actor, duplicate.id)).map((n) => n.id)).not.toContain(world.otherNeed.id);

    const foreign = await run('closeNeed', world.municipalityRep.actor, { needId: duplicate.id, expectedVersion: duplicate.version, reason: 'DUPLICATE', duplicateOfNeedId: world.otherNeed.id });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { duplicateOfNeedId: 'validation.duplicateOfUnknown' } } });
    const itself = await run('closeNeed', world.municipalityRep.actor, { needId: duplicate.id, expectedVersion: duplicate.version, reason: 'DUPLICATE', duplicateOfNeedId: duplicate.id });
    expect(itself).toMatchObject({ ok: false, error: { fieldErrors: { duplicateOfNeedId: 'validation.notItself' } } });
    const wrongReason = await run('closeNeed', world.municipalityRep.actor, { needId: duplicate.id, expectedVersion: duplicate.version, reason: 'CANCELLED', duplicateOfNeedId: original.id });
    expect(wrongReason).toMatchObject({ ok: false, error: { fieldErrors: { duplicateOfNeedId: 'validation.onlyForDuplicate' } } });
    expect((await db.need.findUniqueOrThrow({ where: { id: duplicate.id } })).status).toBe('OPEN');

    await closeNeed(db, world.municipalityRep.actor, { needId: duplicate.id, expectedVersion: duplicate.version, reason: 'DUPLICATE', duplicateOfNeedId: original.id }, context);
    expect(await db.need.findUniqueOrThrow({ where: { id: duplicate.id } })).toMatchObject({ closeReason: 'DUPLICATE', duplicateOfId: original.id });
  });

  it('refuses a closing without a reason', async () => {
    const need = await createNeed(db, world.municipality);
    const result = await run('closeNeed', world.municipalityRep.actor, { needId: need.id, expectedVersion: need.version, duplicateOfNeedId: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { reason: 'validation.choose' } } });
  });

  it('detects a concurrent edit: the second close from the same version is a CONFLICT', async () => {
    const need = await createNeed(db, world.municipality);
    const input = { needId: need.id, expectedVersion: need.version, reason: 'CANCELLED', duplicateOfNeedId: null };
    const [first, second] = await Promise.all([run('closeNeed', world.municipalityRep.actor, input), run('closeNeed', world.facilitator.actor, input)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect([first, second].find((r) => !r.ok)).toMatchObject({ error: { code: 'CONFLICT' } });
    expect(await db.auditLog.count({ where: { action: 'need.closed', entityId: need.id } })).toBe(1);
  });

  it('refuses another municipality and companies, audited, nothing changed', async () => {
    const input = { needId: world.otherNeed.id, expectedVersion: world.otherNeed.version, reason: 'CANCELLED', duplicateOfNeedId: null };
    await expectRefusedUnchanged('closeNeed', world.municipalityRep.actor, input, 403);
    await expectRefusedUnchanged('closeNeed', world.companyRep.actor, input, 403);
    await expectRefusedUnchanged('closeNeed', null, input, 401);
    expect(await db.auditLog.count({ where: { action: 'access.denied', entityId: 'closeNeed', actorId: world.municipalityRep.actor.userId } })).toBeGreaterThan(0);
  });
});

describe('reopening a need', () => {
  it('the municipality reopens its own need: reason cleared, audited with what it was, re-ranked', async () => {
    const need = await createNeed(db, world.municipality);
    await closeNeed(db, world.municipalityRep.actor, { needId: need.id, expectedVersion: need.version, reason: 'CANCELLED', duplicateOfNeedId: null }, context);
    await db.$executeRaw`DELETE FROM pgboss.job WHERE singleton_key = ${need.id}`;

    const result = await run('reopenNeed', world.municipalityRep.actor, { needId: need.id, expectedVersion: need.version + 1 });
    expect(result).toMatchObject({ ok: true, data: { version: need.version + 2 } });
    expect(await db.need.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ status: 'OPEN', closeReason: null, closedAt: null, duplicateOfId: null });
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'need.reopened', entityId: need.id } });
    expect(audit.before).toEqual({ status: 'CLOSED', closeReason: 'CANCELLED', duplicateOfId: null });
    expect(await pendingRankings(need.id)).toBe(1);
  });

  it('a facilitator reopens any municipality’s need', async () => {
    const need = await createNeed(db, world.otherMunicipality, { status: 'CLOSED', closedAt: new Date(), closeReason: 'FULFILLED' });
    expect(await run('reopenNeed', world.facilitator.actor, { needId: need.id, expectedVersion: need.version })).toMatchObject({ ok: true });
    expect((await db.need.findUniqueOrThrow({ where: { id: need.id } })).status).toBe('OPEN');
  });

  it('refuses another municipality, companies and visitors, audited, nothing changed', async () => {
    const need = await createNeed(db, world.otherMunicipality, { status: 'CLOSED', closedAt: new Date(), closeReason: 'FULFILLED' });
    const input = { needId: need.id, expectedVersion: need.version };
    await expectRefusedUnchanged('reopenNeed', world.municipalityRep.actor, input, 403);
    await expectRefusedUnchanged('reopenNeed', world.companyRep.actor, input, 403);
    await expectRefusedUnchanged('reopenNeed', null, input, 401);
    expect(await db.auditLog.count({ where: { action: 'access.denied', entityId: 'reopenNeed', actorId: world.municipalityRep.actor.userId } })).toBe(1);
  });

  it('refuses an open need, a stale version, and a municipality no longer verified', async () => {
    const open = await createNeed(db, world.municipality);
    await expectRefusedUnchanged('reopenNeed', world.municipalityRep.actor, { needId: open.id, expectedVersion: open.version }, 409);
    const closed = await createNeed(db, world.municipality, { status: 'CLOSED', closedAt: new Date(), closeReason: 'FULFILLED', version: 3 });
    await expectRefusedUnchanged('reopenNeed', world.municipalityRep.actor, { needId: closed.id, expectedVersion: 2 }, 409);

    const unverified = await createNeed(db, world.otherMunicipality, { status: 'CLOSED', closedAt: new Date(), closeReason: 'FULFILLED' });
    await db.municipality.update({ where: { id: world.otherMunicipality.id }, data: { verificationStatus: 'UNVERIFIED' } });
    try {
      const refused = await expectRefusedUnchanged('reopenNeed', world.facilitator.actor, { needId: unverified.id, expectedVersion: unverified.version }, 409);
      expect(refused).toMatchObject({ error: { messageKey: 'errors.notVerified' } });
    } finally {
      await db.municipality.update({ where: { id: world.otherMunicipality.id }, data: { verificationStatus: 'VERIFIED' } });
    }
  });

  it('the database refuses a reason on a need that is not closed', async () => {
    const need = await createNeed(db, world.municipality);
    await expect(db.need.update({ where: { id: need.id }, data: { closeReason: 'FULFILLED' } })).rejects.toThrow(/Need_close_reason_only_when_closed/);
  });
});

it('reopenNeed keeps the duplicate’s link only while closed', async () => {
  const original = await createNeed(db, world.municipality);
  const duplicate = await createNeed(db, world.municipality);
  await closeNeed(db, world.facilitator.actor, { needId: duplicate.id, expectedVersion: duplicate.version, reason: 'DUPLICATE', duplicateOfNeedId: original.id }, context);
  await reopenNeed(db, world.facilitator.actor, { needId: duplicate.id, expectedVersion: duplicate.version + 1 }, context);
  expect((await db.need.findUniqueOrThrow({ where: { id: duplicate.id } })).duplicateOfId).toBeNull();
});
