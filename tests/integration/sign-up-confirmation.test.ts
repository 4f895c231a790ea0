import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { confirmSignUp } from '../../lib/accounts/confirm-sign-up';
import { signUpCompany } from '../../lib/accounts/sign-up';
import { authenticate } from '../../lib/auth/sign-in';
import { isAppError } from '../../lib/errors';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { searchHromadas } from '../../lib/reference/search-hromadas';
import { verifyOrganisation } from '../../lib/verification/verify-organisation';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { pickFreeHromada } from '../factories/municipality';
import { uniqueSuffix } from '../factories/sequence';
import { createUser } from '../factories/user';
import { validSignUpCompany, validSignUpMunicipality } from '../factories/valid-inputs';
import { pendingSignUpToken, signUpConfirmed } from './sign-up-helpers';
import { testDb as db } from './test-db';

const context = () => ({ ip: `192.0.2.${uniqueSuffix()}` });
const messageKeyOf = (error: unknown) => (isAppError(error) ? error.messageKey : error);
const confirm = (token: string) => confirmSignUp(db, null, { token }, context());

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

describe('sign-up by confirmed email', () => {
  it('answers the same for a taken address, and emails its owner in their language instead', async () => {
    const owner = await createUser(db, { role: 'FACILITATOR', locale: 'uk' });
    const fresh = validSignUpCompany();
    const taken = validSignUpCompany({ email: owner.email });
    expect(await signUpCompany(db, null, taken, context())).toEqual(await signUpCompany(db, null, fresh, context()));

    const toOwner = await db.outboxEmail.findMany({ where: { toAddress: owner.email } });
    expect(toOwner.map((email) => [email.kind, email.locale])).toEqual([['sign-up-attempt', 'uk']]);
    expect(toOwner[0].text).toContain('/uk/forgot-password');
    expect(await db.pendingSignUp.count({ where: { email: owner.email } })).toBe(0);
    expect(await db.outboxEmail.count({ where: { toAddress: fresh.email, kind: 'sign-up-confirmation', locale: 'ja' } })).toBe(1);
  });

  it('claims nothing before the link is opened, and keeps only a hash of the password', async () => {
    const hromada = await pickFreeHromada(db);
    const input = validSignUpMunicipality(hromada.code);
    await pendingSignUpToken(db, input);

    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
    expect(await db.municipality.count({ where: { hromadaCode: hromada.code } })).toBe(0);
    expect((await searchHromadas(db, { q: hromada.nameEn })).find((option) => option.code === hromada.code)?.isClaimed).toBe(false);
    const pending = await db.pendingSignUp.findFirstOrThrow({ where: { email: input.email } });
    expect(JSON.stringify(pending.payload)).not.toContain(input.password);
    expect(JSON.stringify(pending.payload)).toContain('$argon2');
  });

  it('creates the account on confirmation, audited, and the person can sign in', async () => {
    const input = validSignUpCompany();
    const created = await signUpConfirmed(db, input);
    expect(created).toMatchObject({ kind: 'company', email: input.email });
    expect(await authenticate(db, { email: input.email, password: input.password }, context().ip)).toMatchObject({ role: 'COMPANY_REP' });
    expect(await db.auditLog.count({ where: { action: 'company.signed-up', actorId: created.userId } })).toBe(1);
    expect(await db.pendingSignUp.count({ where: { email: input.email } })).toBe(0);
  });

  it('confirmed twice at once (two tabs) creates one account; the link then no longer works', async () => {
    const input = validSignUpCompany();
    const token = await pendingSignUpToken(db, input);
    const results = await Promise.allSettled([confirm(token), confirm(token)]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(messageKeyOf(refused?.reason)).toBe('errors.signUpLink');
    expect(await db.user.count({ where: { email: input.email } })).toBe(1);
    expect(await db.company.count({ where: { corporateNumber: input.company.corporateNumber } })).toBe(1);
    expect(messageKeyOf(await confirm(token).catch((e: unknown) => e))).toBe('errors.signUpLink');
  });

  it('refuses an expired link', async () => {
    const input = validSignUpCompany();
    const token = await pendingSignUpToken(db, input);
    await db.pendingSignUp.updateMany({ where: { email: input.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(messageKeyOf(await confirm(token).catch((e: unknown) => e))).toBe('errors.signUpLink');
    expect(await db.user.count({ where: { email: input.email } })).toBe(0);
  });

  it('purges expired pending sign-ups on the next sign-up', async () => {
    const stale = validSignUpCompany();
    await pendingSignUpToken(db, stale);
    await db.pendingSignUp.updateMany({ where: { email: stale.email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await signUpCompany(db, null, validSignUpCompany(), context());
    expect(await db.pendingSignUp.count({ where: { email: stale.email } })).toBe(0);
  });

  it('tells a confirmed person whose hromada is held to contact the facilitators, and creates nothing', async () => {
    const hromada = await pickFreeHromada(db);
    await signUpConfirmed(db, validSignUpMunicipality(hromada.code));
    const second = validSignUpMunicipality(hromada.code);
    const token = await pendingSignUpToken(db, second);
    expect(messageKeyOf(await confirm(token).catch((e: unknown) => e))).toBe('errors.hromadaClaimed');
    expect(await db.user.count({ where: { email: second.email } })).toBe(0);
    expect(await db.municipality.count({ where: { hromadaCode: hromada.code } })).toBe(1);
  });

  it('a rejected municipality releases its hromada: the real official signs up for it', async () => {
    const hromada = await pickFreeHromada(db);
    const squatter = await signUpConfirmed(db, validSignUpMunicipality(hromada.code)) as { municipalityId: string };
    const official = validSignUpMunicipality(hromada.code);
    const token = await pendingSignUpToken(db, official);
    expect(messageKeyOf(await confirm(token).catch((e: unknown) => e))).toBe('errors.hromadaClaimed');

    await verifyOrganisation(db, world.facilitator.actor, { kind: 'municipality', id: squatter.municipalityId, decision: 'REJECTED', expectedVersion: 0, category: null, note: 'The corporate number is not in the register.' }, context());
    expect((await searchHromadas(db, { q: hromada.nameEn })).find((option) => option.code === hromada.code)?.isClaimed).toBe(false);
    const created = await confirm(token) as { municipalityId: string };
    expect((await db.municipality.findUniqueOrThrow({ where: { id: created.municipalityId } })).hromadaCode).toBe(hromada.code);

    // Undoing the rejection now would give the hromada two representatives.
    const undo = await verifyOrganisation(db, world.facilitator.actor, { kind: 'municipality', id: squatter.municipalityId, decision: 'VERIFIED', expectedVersion: 1 }, context()).catch((e: unknown) => e);
    expect(messageKeyOf(undo)).toBe('errors.claimTaken');
  });

  it('a rejected company releases its corporate number', async () => {
    const squatterInput = validSignUpCompany();
    const squatter = await signUpConfirmed(db, squatterInput) as { companyId: string };
    const real = validSignUpCompany({ company: { ...validSignUpCompany().company, corporateNumber: squatterInput.company.corporateNumber } });
    const token = await pendingSignUpToken(db, real);
    expect(messageKeyOf(await confirm(token).catch((e: unknown) => e))).toBe('errors.corporateNumberClaimed');
    await verifyOrganisation(db, world.facilitator.actor, { kind: 'company', id: squatter.companyId, decision: 'REJECTED', expectedVersion: 0, category: null, note: 'The corporate number is not in the register.' }, context());
    expect(await confirm(token)).toMatchObject({ kind: 'company', email: real.email });
  });

  it('the database refuses a second non-rejected claim even without the checks', async () => {
    const hromada = await pickFreeHromada(db);
    await db.municipality.create({ data: { hromadaCode: hromada.code, contactName: 'A', contactEmail: 'a@example.test', verificationStatus: 'REJECTED' } });
    await db.municipality.create({ data: { hromadaCode: hromada.code, contactName: 'B', contactEmail: 'b@example.test' } });
    await expect(db.municipality.create({ data: { hromadaCode: hromada.code, contactName: 'C', contactEmail: 'c@example.test' } })).rejects.toThrow();
  });
});
