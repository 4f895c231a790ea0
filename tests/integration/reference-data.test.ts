import { describe, expect, it } from 'vitest';
import { loadReferenceData, rollUpHostilityStatus } from '../../lib/reference/load-reference-data';
import { testDb } from './test-db';

const KYIV = 'UA80000000000093317';
const KHERSON = 'UA65100150000057191';
const SEVASTOPOL = 'UA85000000000065278';
const BUCHA = 'UA32080070000050759';
const SUMY = 'UA59080270000073662';

const statusOf = async (code: string) =>
  testDb.hromada.findUniqueOrThrow({ where: { code }, select: { hostilityStatus: true, hostilityScope: true } });

describe('reference data', () => {
  it('holds every hromada with its raion and oblast, the prefectures and sister cities', async () => {
    expect(await testDb.hromada.count({ where: { kind: 'TERRITORIAL_COMMUNITY', raionCode: { not: null } } })).toBe(1772);
    expect(await testDb.oblast.count()).toBe(27);
    expect(await testDb.prefecture.count()).toBe(47);
    const links = await testDb.sisterCityLink.findMany({ include: { japan: true, hromada: true, oblast: true } });
    expect(links.map((l) => `${l.japan.nameEn}–${(l.hromada ?? l.oblast)?.nameEn}`)).toEqual(
      expect.arrayContaining(['Kyoto–Kyiv', 'Yokohama–Odeska', 'Kanagawa–Odesa']),
    );
  });

  it('loads twice without changing anything', async () => {
    const fingerprint = async () => ({
      hromadas: await testDb.hromada.count(),
      periods: await testDb.hostilityPeriod.count(),
      statuses: await testDb.hromada.groupBy({ by: ['hostilityStatus', 'hostilityScope'], _count: { _all: true }, orderBy: [{ hostilityStatus: 'asc' }, { hostilityScope: 'asc' }] }),
      sisterCities: await testDb.sisterCityLink.findMany({ select: { kind: true, japanCode: true, hromadaCode: true, oblastCode: true }, orderBy: { japanCode: 'asc' } }),
      japanMunicipalities: await testDb.japanMunicipality.count(),
      sectors: await testDb.sector.count(),
    });
    const before = await fingerprint();
    await loadReferenceData(testDb);
    expect(await fingerprint()).toEqual(before);
  });

  it('rolls the official list up to each hromada as of today', async () => {
    expect(await statusOf(KYIV)).toEqual({ hostilityStatus: 'NONE', hostilityScope: null });
    expect(await statusOf(KHERSON)).toEqual({ hostilityStatus: 'ACTIVE_HOSTILITIES_WITH_STATE_SERVICES', hostilityScope: 'WHOLE' });
    expect(await statusOf(SEVASTOPOL)).toEqual({ hostilityStatus: 'TEMPORARILY_OCCUPIED', hostilityScope: 'WHOLE' });
    // Only some of Sumy hromada's settlements are on the list.
    expect(await statusOf(SUMY)).toEqual({ hostilityStatus: 'POSSIBLE_HOSTILITIES', hostilityScope: 'PARTIAL' });
    // Every Crimean hromada is covered by the oblast-level occupation row.
    const crimea = await testDb.hromada.groupBy({ by: ['hostilityStatus'], where: { oblastCode: 'UA01000000000013043' }, _count: { _all: true } });
    expect(crimea.map((row) => row.hostilityStatus)).toEqual(['TEMPORARILY_OCCUPIED']);
  });

  it('treats a period that ended as history: Bucha was occupied in March 2022, not today', async () => {
    try {
      await rollUpHostilityStatus(testDb, new Date('2022-03-15'));
      expect(await statusOf(BUCHA)).toEqual({ hostilityStatus: 'TEMPORARILY_OCCUPIED', hostilityScope: 'PARTIAL' });
      expect(await statusOf(KHERSON)).toEqual({ hostilityStatus: 'TEMPORARILY_OCCUPIED', hostilityScope: 'WHOLE' });
    } finally {
      await rollUpHostilityStatus(testDb);
    }
    expect(await statusOf(BUCHA)).toEqual({ hostilityStatus: 'NONE', hostilityScope: null });
  });

  it('keeps settlement rows with their names so the interface can say where', async () => {
    const rows = await testDb.hostilityPeriod.findMany({ where: { hromadaCode: BUCHA, territoryLevel: 'SETTLEMENT' } });
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((row) => row.endDate !== null)).toBe(true);
  });
});
