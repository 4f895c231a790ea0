import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS, operationOf, type ActionName } from '../../lib/actions/registry';
import { runAction } from '../../lib/actions/run';
import type { Actor } from '../../lib/auth/actor';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { validCompanyProfile, validNeed, validSignUpCompany, validSignUpMunicipality } from '../factories/valid-inputs';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// Fields a form does not have — a role, a status, a verification, someone else's ids — are
// refused by the strict schemas, named in the error, and change nothing.

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

type Attempt = { name: ActionName; actor: () => Actor | null; input: () => Promise<unknown>; field: string };

const ATTEMPTS: Attempt[] = [
  { name: 'signUpCompany', actor: () => null, input: async () => validSignUpCompany({ role: 'ADMIN' }), field: 'role' },
  { name: 'signUpCompany', actor: () => null, input: async () => ({ ...validSignUpCompany(), companyId: world.otherCompany.id }), field: 'companyId' },
  {
    name: 'signUpCompany', actor: () => null, field: 'company.verificationStatus',
    input: async () => { const input = validSignUpCompany(); return { ...input, company: { ...input.company, verificationStatus: 'VERIFIED' } }; },
  },
  { name: 'signUpMunicipality', actor: () => null, input: async () => validSignUpMunicipality((await pickFreeHromada(db)).code, { municipalityId: world.otherMunicipality.id }), field: 'municipalityId' },
  { name: 'signUpMunicipality', actor: () => null, input: async () => validSignUpMunicipality((await pickFreeHromada(db)).code, { role: 'FACILITATOR' }), field: 'role' },
  ...(['verificationStatus', 'corporateNumber', 'legalNameEn', 'id', 'isDemo'] as const).map((field): Attempt => ({
    name: 'updateCompanyProfile', actor: () => world.companyRep.actor, field: `profile.${field}`,
    input: async () => ({ companyId: world.company.id, expectedVersion: (await db.company.findUniqueOrThrow({ where: { id: world.company.id } })).version, profile: validCompanyProfile({ [field]: field === 'isDemo' ? true : 'VERIFIED' }) }),
  })),
  ...(['status', 'municipalityId', 'hromadaCode', 'publishedAt'] as const).map((field): Attempt => ({
    name: 'createNeed', actor: () => world.municipalityRep.actor, field: `need.${field}`,
    input: async () => ({ requestId: randomUUID(), need: validNeed({ [field]: field === 'status' ? 'OPEN' : field === 'municipalityId' ? world.otherMunicipality.id : field === 'hromadaCode' ? world.otherMunicipality.hromadaCode : new Date().toISOString() }) }),
  })),
  {
    name: 'updateNeed', actor: () => world.municipalityRep.actor, field: 'need.status',
    input: async () => { const need = await createNeed(db, world.municipality, { status: 'DRAFT', publishedAt: null }); return { needId: need.id, expectedVersion: 0, need: validNeed({ status: 'OPEN' }) }; },
  },
  { name: 'resubmitForVerification', actor: () => world.companyRep.actor, input: async () => ({ expectedVersion: 0, note: '', verificationStatus: 'VERIFIED' }), field: 'verificationStatus' },
  { name: 'resubmitForVerification', actor: () => world.companyRep.actor, input: async () => ({ expectedVersion: 0, note: '', companyId: world.otherCompany.id }), field: 'companyId' },
  {
    name: 'closeNeed', actor: () => world.municipalityRep.actor, field: 'closedAt',
    input: async () => { const need = await createNeed(db, world.municipality); return { needId: need.id, expectedVersion: 0, reason: 'FULFILLED', duplicateOfNeedId: null, closedAt: '2020-01-01' }; },
  },
  { name: 'registerInterest', actor: () => world.companyRep.actor, input: async () => ({ needId: world.openNeed.id, companyId: world.otherCompany.id }), field: 'companyId' },
  { name: 'createStaffUser', actor: () => world.admin.actor, input: async () => ({ name: 'X', email: 'x-staff@example.test', role: 'FACILITATOR', locale: 'en', companyId: world.company.id }), field: 'companyId' },
  { name: 'changePassword', actor: () => world.facilitator.actor, input: async () => ({ currentPassword: 'x', newPassword: 'a long enough passphrase', role: 'ADMIN' }), field: 'role' },
];

describe('mass assignment', () => {
  for (const attempt of ATTEMPTS) {
    it(`${attempt.name} refuses an extra "${attempt.field}"`, async () => {
      const input = await attempt.input();
      const before = await dataFingerprint(db);
      const result = await runAction(db, attempt.name, operationOf(attempt.name), attempt.actor(), input, { ip: null });
      expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', status: 422 } });
      expect(!result.ok && result.error.fieldErrors?.[attempt.field]).toBe('validation.unexpectedField');
      expect(await dataFingerprint(db)).toEqual(before);
    });
  }

  it('createStaffUser cannot create a company or municipality representative', async () => {
    const result = await runAction(db, 'createStaffUser', ACTIONS.createStaffUser.run, world.admin.actor, { name: 'X', email: 'x2-staff@example.test', role: 'COMPANY_REP', locale: 'en' }, { ip: null });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { role: 'validation.choose' } } });
  });
});
