import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../app/api/japan-municipalities/route';
import { signUpCompany } from '../../lib/accounts/sign-up';
import { updateCompanyProfile } from '../../lib/companies/profile';
import { isAppError } from '../../lib/errors';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { loadSites } from '../../lib/match-store/inputs';
import { loadReferenceData } from '../../lib/reference/load-reference-data';
import { searchJapanMunicipalities } from '../../lib/reference/search-japan-municipalities';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { uniqueSuffix } from '../factories/sequence';
import { validCompanyProfile, validSignUpCompany } from '../factories/valid-inputs';
import { testDb as db } from './test-db';

// The official list of Japanese local governments as a table: loaded with the reference data,
// searchable by the company forms' picker, and the key of sister ties.

const ODESA = 'UA51100270000073549';
const KYIV = 'UA80000000000093317';
const ODESA_OBLAST = 'UA51000000000030770';
// A made-up town whose name holds the LIKE wildcards; removed afterwards.
const ODD = { code: '999990', prefectureCode: '27', kind: 'MUNICIPALITY' as const, cityCode: '999990', nameJa: 'テスト100%_町', nameKana: 'てすと100%_ちょう', nameEn: 'Tesuto100%_-cho' };
const created: string[] = [];
let world: AccessWorld;

beforeAll(async () => {
  await db.japanMunicipality.create({ data: ODD });
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
  await db.company.deleteMany({ where: { id: { in: created } } });
  await db.japanMunicipality.delete({ where: { code: ODD.code } });
});

const codes = async (q: string) => (await searchJapanMunicipalities(db, { q })).map((option) => option.code);

describe('the list of Japanese local governments', () => {
  it('holds the 47 prefectures, every municipality and the wards of the 20 designated cities, each ward with its city', async () => {
    const byKind = await db.japanMunicipality.groupBy({ by: ['kind'], where: { code: { not: ODD.code } }, _count: { _all: true }, orderBy: { kind: 'asc' } });
    expect(Object.fromEntries(byKind.map((row) => [row.kind, row._count._all]))).toEqual({ PREFECTURE: 47, DESIGNATED_CITY: 20, MUNICIPALITY: 1727, WARD: 175 });
    expect(await db.japanMunicipality.findUniqueOrThrow({ where: { code: '141046' } }))
      .toMatchObject({ nameJa: '横浜市中区', nameKana: 'よこはましなかく', nameEn: 'Naka-ku, Yokohama', kind: 'WARD', cityCode: '141003', prefectureCode: '14' });
    expect(await db.japanMunicipality.findUniqueOrThrow({ where: { code: '141003' } }))
      .toMatchObject({ nameJa: '横浜市', nameEn: 'Yokohama', kind: 'DESIGNATED_CITY', cityCode: '141003' });
  });

  it('ties sister cities and sister regions by code, and a need in Odesa oblast sees the Kanagawa partnership', async () => {
    const ties = await db.sisterCityLink.findMany({ orderBy: { japanCode: 'asc' } });
    expect(ties.map((t) => [t.kind, t.japanCode, t.hromadaCode ?? t.oblastCode])).toEqual([
      ['PREFECTURE', '140007', ODESA_OBLAST],
      ['CITY', '141003', ODESA],
      ['CITY', '261009', KYIV],
    ]);
    for (const tie of ties) expect(tie.source).toMatch(/<https:\/\/www\.|<https:\/\/translate-en\./);
    const sites = await loadSites(db, [ODESA, KYIV]);
    expect(sites.get(ODESA)!.sisterTies.map((t) => `${t.kind} ${t.nameJa} ${t.nameEn}`)).toEqual(['CITY 横浜市 Yokohama', 'PREFECTURE 神奈川県 Kanagawa']);
    expect(sites.get(KYIV)!.sisterTies.map((t) => t.japanCode)).toEqual(['261009']);
  });

  it('places companies created before the picker by their free-text city, and leaves what it cannot tell', async () => {
    const place = async (cityJa: string, cityEn: string) => {
      const company = await createCompany(db, { prefectureCode: '14', municipalityCode: null, cityJa, cityEn });
      created.push(company.id);
      return company.id;
    };
    const ids = {
      kanji: await place('横浜', '?'),
      withShi: await place('横浜市', 'Yokohama-shi'),
      city: await place('?', 'Yokohama City'),
      ward: await place('?', 'Naka-ku,Yokohama'),
      unknown: await place('?', 'Naka-ku'),
    };
    await loadReferenceData(db);
    const placed = Object.fromEntries(await Promise.all(Object.entries(ids).map(async ([key, id]) =>
      [key, (await db.company.findUniqueOrThrow({ where: { id }, select: { municipalityCode: true } })).municipalityCode])));
    expect(placed).toEqual({ kanji: '141003', withShi: '141003', city: '141003', ward: '141046', unknown: null });
  });
});

describe('the municipality picker', () => {
  it('finds a municipality by kanji, by kana in either script and by romaji', async () => {
    expect(await codes('横浜')).toContain('141003');
    expect(await codes('よこはま')).toContain('141003');
    expect(await codes('ヨコハマ')).toContain('141003');
    expect(await codes('yokohama')).toEqual(expect.arrayContaining(['141003', '141046']));
    expect(await codes('中区')).toEqual(expect.arrayContaining(['141046', '231061']));
    expect(await codes('神奈川県')).toEqual([]); // prefectures are not a place a company picks
  });

  it('matches "%" and "_" literally, not as wildcards', async () => {
    expect(await codes('%%')).toEqual([]);
    expect(await codes('__')).toEqual([]);
    expect(await codes('横%')).toEqual([]);
    expect(await codes('横_')).toEqual([]);
    expect(await codes('100%_')).toEqual([ODD.code]);
    expect(await codes('0%_ちょう')).toEqual([ODD.code]);
  });

  it('answers over HTTP, and refuses a query string that is not text with 400', async () => {
    const ok = await GET(new NextRequest('http://localhost/api/japan-municipalities?q=100%25_'));
    expect(ok.status).toBe(200);
    expect((await ok.json()).municipalities.map((option: { code: string }) => option.code)).toEqual([ODD.code]);
    for (const query of ['q=a%00b', 'q=%FF']) {
      const response = await GET(new NextRequest(`http://localhost/api/japan-municipalities?${query}`));
      expect(response.status, query).toBe(400);
    }
    expect(await codes('横\u0000浜')).toEqual([]);
  });
});

describe('a company placing itself', () => {
  const context = () => ({ ip: `192.0.2.${uniqueSuffix()}` });
  const fieldErrorOf = (error: unknown) => (isAppError(error) ? error.details?.fieldErrors : error);

  it('is refused a code that is not a municipality on the list, or lies in another prefecture', async () => {
    const attempts = [
      { prefectureCode: '27', municipalityCode: '279999' }, // the right shape, on no list
      { prefectureCode: '27', municipalityCode: '270008' }, // Osaka prefecture itself, not a place
      { prefectureCode: '27', municipalityCode: '141003' }, // Yokohama, not in Osaka
    ];
    for (const place of attempts) {
      const profileError = await updateCompanyProfile(db, world.companyRep.actor,
        { companyId: world.company.id, expectedVersion: 0, profile: validCompanyProfile(place) }, context()).catch((e: unknown) => e);
      expect(fieldErrorOf(profileError), place.municipalityCode).toEqual({ 'profile.municipalityCode': expect.stringMatching(/^validation\./) });
      const input = validSignUpCompany();
      const signUpError = await signUpCompany(db, null, { ...input, company: { ...input.company, ...place } }, context()).catch((e: unknown) => e);
      expect(fieldErrorOf(signUpError), place.municipalityCode).toEqual({ 'company.municipalityCode': expect.stringMatching(/^validation\./) });
    }
    expect(await db.company.findUniqueOrThrow({ where: { id: world.company.id }, select: { version: true } })).toEqual({ version: 0 });
  });

  it('saves a ward it picked, and the match profile carries the ward\'s city', async () => {
    await updateCompanyProfile(db, world.companyRep.actor, { companyId: world.company.id, expectedVersion: 0,
      profile: validCompanyProfile({ prefectureCode: '14', municipalityCode: '141046', cityJa: '横浜市中区', cityEn: 'Naka-ku, Yokohama' }) }, context());
    expect(await db.company.findUniqueOrThrow({ where: { id: world.company.id }, select: { municipalityCode: true } })).toEqual({ municipalityCode: '141046' });
    const { syncCompanyProfiles } = await import('../../lib/match-store/profiles');
    const { Prisma } = await import('../../lib/generated/prisma/client');
    await syncCompanyProfiles(db, Prisma.sql`c.id = ${world.company.id}::uuid`);
    expect(await db.companyMatchProfile.findUniqueOrThrow({ where: { companyId: world.company.id }, select: { cityCode: true } })).toEqual({ cityCode: '141003' });
  });
});
