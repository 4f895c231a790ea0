import { beforeAll, describe, expect, it } from 'vitest';
import { isValidCorporateNumber } from '../../lib/companies/corporate-number';
import { isSme } from '../../lib/companies/sme';
import { SECTORS } from '../../lib/reference/sectors';
import { hasDemoWorld, seedDemoWorld } from '../../prisma/seed/demo-world';
import { testDb } from './test-db';

beforeAll(async () => {
  if (!(await hasDemoWorld(testDb))) await seedDemoWorld(testDb);
});

describe('demo world', () => {
  it('has at least 30 marked companies, mostly Kansai SMEs, a few large corporations', async () => {
    const companies = await testDb.company.findMany({ where: { isDemo: true }, include: { prefecture: true } });
    expect(companies.length).toBeGreaterThanOrEqual(30);
    expect(companies.every((c) => c.legalNameEn.endsWith('[demo]') && c.legalNameJa.endsWith('（デモ）'))).toBe(true);
    expect(companies.every((c) => isValidCorporateNumber(c.corporateNumber))).toBe(true);
    const kansai = companies.filter((c) => c.prefecture.region === 'KANSAI');
    expect(kansai.length / companies.length).toBeGreaterThan(0.6);
    const large = companies.filter((c) => !isSme(c));
    expect(large.length).toBeGreaterThanOrEqual(3);
    expect(large.length).toBeLessThan(companies.length / 4);
  });

  it('echoes the source documents: Cambodia demining, Yokohama water, 72-hour bridges', async () => {
    const withCapability = (capability: 'MINE_DETECTION' | 'WATER_PURIFICATION' | 'TEMPORARY_BRIDGES' | 'ROBOTIC_AGRI_MACHINERY') =>
      testDb.company.findMany({ where: { isDemo: true, capabilities: { has: capability } } });
    expect((await withCapability('MINE_DETECTION')).some((c) => c.experienceCountries.includes('KH'))).toBe(true);
    expect((await withCapability('WATER_PURIFICATION')).some((c) => c.cityEn === 'Yokohama')).toBe(true);
    expect(await withCapability('TEMPORARY_BRIDGES')).not.toHaveLength(0);
    expect(await withCapability('ROBOTIC_AGRI_MACHINERY')).not.toHaveLength(0);
  });

  it('has at least 40 needs across every sector at 15+ real hromadas, safe and frontline', async () => {
    const needs = await testDb.need.findMany({ where: { isDemo: true }, include: { hromada: true } });
    expect(needs.length).toBeGreaterThanOrEqual(40);
    expect(new Set(needs.map((n) => n.sector))).toEqual(new Set(SECTORS.map((s) => s.code)));
    const hromadas = new Map(needs.map((n) => [n.hromadaCode, n.hromada]));
    expect(hromadas.size).toBeGreaterThanOrEqual(15);
    const statuses = new Set([...hromadas.values()].map((h) => h.hostilityStatus));
    expect(statuses).toContain('NONE');
    expect(statuses).toContain('POSSIBLE_HOSTILITIES');
    expect(statuses).toContain('ACTIVE_HOSTILITIES_WITH_STATE_SERVICES');
  });

  it('names only the tender of each need’s procurement method (no stray factory identifier)', async () => {
    const needs = await testDb.need.findMany({ where: { isDemo: true } });
    for (const need of needs) {
      expect(need.prozorroTenderId !== null, need.title).toBe(need.procurementMethod === 'PROZORRO');
      expect(need.dreamProjectId !== null, need.title).toBe(need.procurementMethod === 'DREAM');
    }
  });

  it('has an account for every role', async () => {
    const roles = await testDb.user.groupBy({ by: ['role'], where: { email: { endsWith: '@demo.kakehashi.example' } }, _count: { _all: true } });
    expect(roles.map((r) => r.role).sort()).toEqual(['ADMIN', 'COMPANY_REP', 'FACILITATOR', 'MUNICIPALITY_REP']);
  });

  it('is seeded once: a database that has it is recognised', async () => {
    expect(await hasDemoWorld(testDb)).toBe(true);
    // Seeding again would collide with the demo companies' fixed corporate numbers and roll back whole.
    const before = await testDb.need.count();
    await expect(seedDemoWorld(testDb)).rejects.toThrow();
    expect(await testDb.need.count()).toBe(before);
  });
});
