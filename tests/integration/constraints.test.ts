import { describe, expect, it } from 'vitest';
import { buildCompany, createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { buildNeed } from '../factories/need';
import { buildUser } from '../factories/user';
import { testDb } from './test-db';

// What must always hold is enforced by the database too, not only by the forms.


describe('database constraints', () => {
  it('refuse a corporate number that is not 13 digits, and a duplicate', async () => {
    await expect(testDb.company.create({ data: buildCompany({ corporateNumber: '12345' }) })).rejects.toThrow();
    const company = await createCompany(testDb);
    await expect(testDb.company.create({ data: buildCompany({ corporateNumber: company.corporateNumber }) })).rejects.toThrow();
  });

  it('refuse a user whose role does not match their organisation', async () => {
    const company = await createCompany(testDb);
    await expect(testDb.user.create({ data: await buildUser({ role: 'COMPANY_REP' }) })).rejects.toThrow(/User_role_matches_organisation/);
    await expect(testDb.user.create({ data: await buildUser({ role: 'FACILITATOR', companyId: company.id }) })).rejects.toThrow();
    await expect(testDb.user.create({ data: await buildUser({ role: 'COMPANY_REP', companyId: company.id }) })).resolves.toBeTruthy();
    await expect(testDb.user.create({ data: await buildUser({ email: 'Mixed@Example.test' }) })).rejects.toThrow(/User_email_normalised/);
  });

  it('allow one municipality per hromada', async () => {
    const { code } = await pickFreeHromada(testDb);
    await createMunicipality(testDb, code);
    await expect(createMunicipality(testDb, code)).rejects.toThrow();
  });

  it('require the procurement reference a need claims, and a currency with a budget', async () => {
    const municipality = await createMunicipality(testDb, (await pickFreeHromada(testDb)).code);
    await expect(testDb.need.create({ data: buildNeed(municipality, { procurementMethod: 'PROZORRO', prozorroTenderId: null }) })).rejects.toThrow(/Need_prozorro_id/);
    await expect(testDb.need.create({ data: buildNeed(municipality, { prozorroTenderId: 'not-a-tender' }) })).rejects.toThrow(/Need_prozorro_id_format/);
    await expect(testDb.need.create({ data: buildNeed(municipality, { procurementMethod: 'DREAM', prozorroTenderId: null, dreamProjectId: null }) })).rejects.toThrow(/Need_dream_id/);
    await expect(testDb.need.create({ data: buildNeed(municipality, { budgetCurrency: null }) })).rejects.toThrow(/Need_budget_with_currency/);
    await expect(testDb.need.create({ data: buildNeed(municipality, { status: 'OPEN', publishedAt: null }) })).rejects.toThrow(/Need_published_when_open/);
    await expect(testDb.need.create({ data: buildNeed(municipality) })).resolves.toBeTruthy();
  });

  it('refuse a need at a hromada that does not exist', async () => {
    const municipality = await createMunicipality(testDb, (await pickFreeHromada(testDb)).code);
    await expect(testDb.need.create({ data: buildNeed({ id: municipality.id, hromadaCode: 'UA99999999999999999' }) })).rejects.toThrow();
  });
});
