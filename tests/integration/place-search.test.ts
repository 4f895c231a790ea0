import { beforeAll, describe, expect, it } from 'vitest';
import { loadReferenceData } from '../../lib/reference/load-reference-data';
import { foldForSearch } from '../../lib/reference/place-names';
import { searchHromadas } from '../../lib/reference/search-hromadas';
import { searchJapanMunicipalities } from '../../lib/reference/search-japan-municipalities';
import { testDb as db } from './test-db';

// Places found by any name, on the reference data as loaded (prisma/reference).

const HROMADA = {
  odesa: 'UA51100270000073549',
  kyiv: 'UA80000000000093317',
  zaporizhzhia: 'UA23060070000082704',
  poltava: 'UA53080370000025447',
  sumy: 'UA59080270000073662',
  cherkasy: 'UA71080490000022110',
  novodunaievetska: 'UA68020170000033495',
  mykolaivCity: 'UA48060150000071713',
  kharkiv: 'UA63120270000028556',
  dnipro: 'UA12020010000033698',
};

const first = async (q: string) => (await searchHromadas(db, { q }))[0];

beforeAll(async () => {
  // The codes above are the ones in the shipped files; a wrong one fails here, not silently later.
  const known = await db.hromada.findMany({ where: { code: { in: Object.values(HROMADA) } }, select: { code: true } });
  expect(known).toHaveLength(Object.values(HROMADA).length);
});

describe('hromadas by any name', () => {
  it.each([
    ['Odesa', HROMADA.odesa], ['Одеса', HROMADA.odesa], ['オデーサ', HROMADA.odesa], ['おでーさ', HROMADA.odesa],
    ['odessa', HROMADA.odesa], ['Одеська', HROMADA.odesa], ['Odeska', HROMADA.odesa], ['オデッサ', HROMADA.odesa],
    ['Zaporizhzhia', HROMADA.zaporizhzhia], ['ザポリッジャ', HROMADA.zaporizhzhia],
    ['Poltava', HROMADA.poltava], ['Sumy', HROMADA.sumy], ['Cherkasy', HROMADA.cherkasy],
    ['Novodunaievetska', HROMADA.novodunaievetska], ['Новодунаєвецька', HROMADA.novodunaievetska],
    ['Kyiv', HROMADA.kyiv], ['キーウ', HROMADA.kyiv], ['Kiev', HROMADA.kyiv],
    ['ミコライウ', HROMADA.mykolaivCity], ['Mykolaiv', HROMADA.mykolaivCity],
    ['Kharkov', HROMADA.kharkiv], ['ハルキウ', HROMADA.kharkiv], ['Dnipro', HROMADA.dnipro], ['ドニプロ', HROMADA.dnipro],
  ])('"%s" finds its hromada first', async (q, code) => {
    expect((await first(q))?.code).toBe(code);
  });

  it('says the centre, and the name that matched when it is not one it shows anyway', async () => {
    expect(await first('オデーサ')).toMatchObject({ nameUk: 'Одеська', nameEn: 'Odeska', centreUk: 'Одеса', centreEn: 'Odesa', matchedName: 'オデーサ', matchedKind: 'JAPANESE' });
    expect(await first('Odesa')).toMatchObject({ matchedName: null, matchedKind: null });
  });

  it('finds the apostrophe names however the apostrophe is typed, and a word with a Latin look-alike in it', async () => {
    const znamianka = 'UA35040130000021732'; // the city; a village Знам’янка in Odesa oblast comes second
    for (const q of ["Знам'янка", 'Знамʼянка', 'Знамянка', 'Znamianka']) expect((await first(q))?.code, q).toBe(znamianka);
    expect((await first('Oдеса'))?.code).toBe(HROMADA.odesa); // Latin O
  });

  it('loads a name of every kind with its source, and loading twice changes nothing', async () => {
    const count = async () => db.hromadaName.groupBy({ by: ['kind'], _count: { _all: true }, orderBy: { kind: 'asc' } });
    const before = await count();
    expect(before.map((row) => row.kind)).toEqual(['UK', 'CENTRE', 'ROMANISED', 'ENGLISH', 'JAPANESE']);
    expect(await db.hromadaName.findFirst({ where: { hromadaCode: HROMADA.odesa, kind: 'JAPANESE', name: 'オデーサ' } }))
      .toMatchObject({ source: expect.stringContaining('Ministry of Foreign Affairs of Japan') });
    await loadReferenceData(db);
    expect(await count()).toEqual(before);
  });

  it('searches the names through the trigram index', async () => {
    await db.$executeRaw`ANALYZE "HromadaName"`;
    // A seq scan of ~14,000 short rows is as cheap; the index must be usable, and chosen once
    // the table is not the cheaper path.
    await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      const plan = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT 1 FROM "HromadaName" WHERE normalised LIKE '%odesa%'`;
      expect(plan.map((row) => row['QUERY PLAN']).join('\n')).toContain('HromadaName_normalised_trgm_idx');
    });
  });
});

describe('the fold in the database', () => {
  it('is the same as the application’s', async () => {
    const samples = ['Знам’янка-Вузлова', "Знам'янка", 'ｵﾃﾞｰｻ', 'おでーさ', 'ＯＤＥＳＡ', 'KYIV', 'Ōsaka', 'Біла Церква', 'ЇЖАКЕВИЧ'];
    const rows = await db.$queryRaw<{ folded: string }[]>`SELECT search_fold(s) AS folded FROM unnest(${samples}::text[]) WITH ORDINALITY AS t(s, i) ORDER BY i`;
    expect(rows.map((row) => row.folded)).toEqual(samples.map(foldForSearch));
  });
});

describe('Japanese municipalities by kanji, kana and romaji', () => {
  const OSAKA = '271004';
  it.each(['大阪', 'おおさか', 'オオサカ', 'ｵｵｻｶ', 'Osaka', 'Ōsaka', 'oosaka', 'OSAKA'])('"%s" finds Osaka city first', async (q) => {
    expect((await searchJapanMunicipalities(db, { q }))[0]?.code).toBe(OSAKA);
  });
  it('finds Tokyo’s Chuo ward by Chūō and by ちゅうおう', async () => {
    for (const q of ['Chūō', 'ちゅうおう']) {
      const found = await searchJapanMunicipalities(db, { q });
      expect(found.map((row) => row.nameJa), q).toContain('中央区');
    }
  });
});
