import { describe, expect, it } from 'vitest';
import { getDashboard } from '../../lib/platform/dashboard';
import { createAccessWorld } from '../factories/access-world';
import { buildCompany, createCompany } from '../factories/company';
import { testDb as db } from './test-db';

// The dashboard's companies per sector come from "SectorCompanyCount", kept by triggers on
// "Company" (migration 20261201214622_sector_company_count) instead of unnesting every
// company's sectors on each page load. After every kind of change the counts must equal what
// the old query computes from the companies themselves.

async function fromCompanies(): Promise<Record<string, number>> {
  const rows = await db.$queryRaw<{ sector: string; count: number }[]>`
    SELECT unnest(sectors)::text AS sector, count(*)::int AS count
    FROM "Company" WHERE "verificationStatus" = 'VERIFIED' GROUP BY 1`;
  return Object.fromEntries(rows.map((row) => [row.sector, row.count]));
}

async function fromCounter(): Promise<Record<string, number>> {
  const rows = await db.sectorCompanyCount.findMany({ where: { companies: { not: 0 } } });
  return Object.fromEntries(rows.map((row) => [row.sector, row.companies]));
}

async function expectExact() {
  expect(await fromCounter()).toEqual(await fromCompanies());
}

describe('companies per sector', () => {
  it('stay exact through inserts, edits, verification, bulk writes, deletes and rollbacks', async () => {
    await expectExact();
    const before = await fromCounter();

    const company = await createCompany(db, { sectors: ['ENERGY', 'HEALTH'], verificationStatus: 'VERIFIED' });
    await expectExact();
    expect((await fromCounter()).HEALTH).toBe((before.HEALTH ?? 0) + 1);

    await createCompany(db, { sectors: ['HEALTH'], verificationStatus: 'UNVERIFIED' });
    await expectExact(); // not verified: not counted

    await db.company.update({ where: { id: company.id }, data: { sectors: ['HEALTH', 'WATER_SANITATION'] } });
    await expectExact();

    await db.company.update({ where: { id: company.id }, data: { verificationStatus: 'REJECTED' } });
    await expectExact();
    await db.company.update({ where: { id: company.id }, data: { verificationStatus: 'VERIFIED' } });
    await expectExact();

    // One statement, many rows.
    const bulk = await db.company.createManyAndReturn({ data: [1, 2, 3].map(() => buildCompany({ sectors: ['DEMINING', 'ENERGY'], verificationStatus: 'VERIFIED' })), select: { id: true } });
    const ids = bulk.map((row) => row.id);
    await expectExact();
    await db.company.updateMany({ where: { id: { in: ids } }, data: { sectors: ['TRANSPORT'] } });
    await expectExact();

    // A failed transaction leaves the counts as they were.
    const counted = await fromCounter();
    await expect(db.$transaction(async (tx) => {
      await tx.company.create({ data: buildCompany({ sectors: ['EDUCATION'], verificationStatus: 'VERIFIED' }) });
      throw new Error('abandoned');
    })).rejects.toThrow('abandoned');
    expect(await fromCounter()).toEqual(counted);

    await db.company.deleteMany({ where: { id: { in: ids } } });
    await db.company.delete({ where: { id: company.id } });
    await expectExact();
  });

  it('are what the dashboard shows', async () => {
    const world = await createAccessWorld(db);
    await createCompany(db, { sectors: ['AGRICULTURE'], verificationStatus: 'VERIFIED' });
    const dashboard = await getDashboard(db, world.facilitator.actor);
    const expected = await fromCompanies();
    for (const row of dashboard.bySector) expect(row.companies, row.sector).toBe(expected[row.sector] ?? 0);
  });
});
