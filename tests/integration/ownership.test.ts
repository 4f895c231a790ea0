import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../lib/actions/run';
import { operationOf, type ActionName } from '../../lib/actions/registry';
import { getCompanyForActor } from '../../lib/companies/profile';
import { isAppError } from '../../lib/errors';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { getNeedForActor, listOwnNeeds } from '../../lib/needs/manage-needs';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { validCompanyProfile, validNeed } from '../factories/valid-inputs';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// Same role, other organisation: company A against company B, municipality A against B.

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

const codeOf = (error: unknown) => (isAppError(error) ? error.code : error);

async function expectRefusedUnchanged(name: ActionName, actor: AccessWorld['companyRep']['actor'], input: unknown) {
  const before = await dataFingerprint(db);
  const result = await runAction(db, name, operationOf(name), actor, input, { ip: null });
  expect(result).toMatchObject({ ok: false, error: { status: 403 } });
  expect(await dataFingerprint(db)).toEqual(before);
  const denial = await db.auditLog.findFirst({ where: { action: 'access.denied', entityId: name, actorId: actor.userId }, orderBy: { id: 'desc' } });
  expect(denial?.organisationId).toBe(actor.companyId ?? actor.municipalityId);
}

describe('company A and company B', () => {
  it('A reads its own private record but not B’s', async () => {
    expect((await getCompanyForActor(db, world.companyRep.actor, world.company.id)).contactEmail).toBe(world.company.contactEmail);
    expect(codeOf(await getCompanyForActor(db, world.companyRep.actor, world.otherCompany.id).catch((e: unknown) => e))).toBe('NOT_FOUND');
  });

  it('a municipality cannot read a company’s private record; facilitators can', async () => {
    expect(codeOf(await getCompanyForActor(db, world.municipalityRep.actor, world.company.id).catch((e: unknown) => e))).toBe('FORBIDDEN');
    expect((await getCompanyForActor(db, world.facilitator.actor, world.company.id)).id).toBe(world.company.id);
  });

  it('A cannot edit B’s profile: refused, audited, nothing changes', async () => {
    await expectRefusedUnchanged('updateCompanyProfile', world.companyRep.actor, {
      companyId: world.otherCompany.id,
      expectedVersion: world.otherCompany.version,
      profile: validCompanyProfile({ contactEmail: 'attacker@example.test' }),
    });
  });
});

describe('municipality A and municipality B', () => {
  it('A cannot edit, publish or close B’s needs', async () => {
    const a = world.municipalityRep.actor;
    await expectRefusedUnchanged('updateNeed', a, { needId: world.otherNeed.id, expectedVersion: world.otherNeed.version, need: validNeed() });
    await expectRefusedUnchanged('publishNeed', a, { needId: world.otherDraft.id, expectedVersion: world.otherDraft.version });
    await expectRefusedUnchanged('closeNeed', a, { needId: world.otherNeed.id, expectedVersion: world.otherNeed.version, reason: 'FULFILLED', duplicateOfNeedId: null });
  });

  it('B’s draft is hidden from A and from companies, shown to B and to facilitators', async () => {
    for (const outsider of [world.municipalityRep.actor, world.companyRep.actor, null]) {
      expect(codeOf(await getNeedForActor(db, outsider, world.otherDraft.id).catch((e: unknown) => e))).toBe('NOT_FOUND');
    }
    expect((await getNeedForActor(db, world.otherMunicipalityRep.actor, world.otherDraft.id)).id).toBe(world.otherDraft.id);
    expect((await getNeedForActor(db, world.facilitator.actor, world.otherDraft.id)).id).toBe(world.otherDraft.id);
  });

  it('the own-needs list holds only the caller’s needs, drafts included', async () => {
    const mine = await listOwnNeeds(db, world.otherMunicipalityRep.actor);
    expect(mine.map((need) => need.id).sort()).toEqual([world.otherNeed.id, world.otherDraft.id].sort());
    expect((await listOwnNeeds(db, world.municipalityRep.actor)).every((need) => need.municipalityId === world.municipality.id)).toBe(true);
  });

  it('a need created by A is always at A’s own hromada', async () => {
    const result = await runAction(db, 'createNeed', operationOf('createNeed'), world.municipalityRep.actor, { requestId: randomUUID(), need: validNeed() }, { ip: null });
    expect(result.ok).toBe(true);
    const need = await db.need.findUniqueOrThrow({ where: { id: (result as { data: { needId: string } }).data.needId } });
    expect(need).toMatchObject({ municipalityId: world.municipality.id, hromadaCode: world.municipality.hromadaCode, status: 'DRAFT' });
  });
});

describe('double submits', () => {
  it('the same posting form submitted twice, even at once, creates one need', async () => {
    const input = { requestId: randomUUID(), need: validNeed({ title: 'Double-submitted generators' }) };
    const post = () => runAction(db, 'createNeed', operationOf('createNeed'), world.municipalityRep.actor, input, { ip: null });
    const [first, second] = await Promise.all([post(), post()]);
    const third = await post();
    const ids = [first, second, third].map((result) => (result as { data: { needId: string } }).data.needId);
    expect(new Set(ids).size).toBe(1);
    expect(await db.need.count({ where: { requestId: input.requestId } })).toBe(1);
  });
});

describe('concurrent edits', () => {
  it('the second save from the same stale version is a conflict and changes nothing', async () => {
    const company = await db.company.findUniqueOrThrow({ where: { id: world.company.id } });
    const save = (city: string) =>
      runAction(db, 'updateCompanyProfile', operationOf('updateCompanyProfile'), world.companyRep.actor, {
        companyId: company.id,
        expectedVersion: company.version,
        profile: validCompanyProfile({ cityEn: city }),
      }, { ip: null });
    const [first, second] = await Promise.all([save('Sakai'), save('Kobe')]);
    const outcomes = [first, second].map((result) => (result.ok ? 'ok' : result.error.code)).sort();
    expect(outcomes).toEqual(['CONFLICT', 'ok']);
    const after = await db.company.findUniqueOrThrow({ where: { id: company.id } });
    expect(after.version).toBe(company.version + 1);
    expect(['Sakai', 'Kobe']).toContain(after.cityEn);
    const winner = first.ok ? 'Sakai' : 'Kobe';
    expect(after.cityEn).toBe(winner);
  });
});
