import { beforeAll, describe, expect, it } from 'vitest';
import { digestOriginal } from '../../lib/content/digest';
import { Prisma } from '../../lib/generated/prisma/client';
import { keywordKeys, needIdsMatchingSql, shortKeywords } from '../../lib/needs/need-search';
import { listNeedMapPoints, listPublicNeeds, publicNeedFilterSchema } from '../../lib/needs/public-needs';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { uniqueSuffix } from '../factories/sequence';
import { testDb as db } from './test-db';

// Keyword search over needs on /needs: by the title and description as written, by any stored
// translation of them, and by any name of the hromada — combined with the other filters.

// A word no other test writes, all in Cyrillic (a word mixing alphabets is mended as a typo).
const word = `Водогін${[...uniqueSuffix()].map((character) => 'абвгдежзиклмнопрстуф'[character.charCodeAt(0) % 20]).join('')}`;
const japaneseWord = `浄水場${uniqueSuffix().replace(/\D/g, '')}号`; // only in the translation
let needId = '';
let otherNeedId = '';
let draftId = '';
let japaneseHromadaName = '';

beforeAll(async () => {
  // A hromada with a Japanese name (Ministry of Foreign Affairs usage) that no test has claimed.
  const hromada = await pickFreeHromada(db, { names: { some: { kind: 'JAPANESE' } } });
  japaneseHromadaName = (await db.hromadaName.findFirstOrThrow({ where: { hromadaCode: hromada.code, kind: 'JAPANESE' } })).name;
  const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
  const need = await createNeed(db, municipality, {
    title: `Резервне живлення: ${word}`, description: 'Генератори для насосних станцій.', language: 'uk', sector: 'WATER_SANITATION',
  });
  needId = need.id;
  await db.textTranslation.create({
    data: { subject: 'NEED', subjectId: need.id, field: 'title', locale: 'ja', text: `${japaneseWord}のポンプ用電源`, origin: 'MACHINE', provider: 'test', sourceDigest: digestOriginal(need.title) },
  });
  draftId = (await createNeed(db, municipality, { title: `Чернетка ${word}`, status: 'DRAFT', publishedAt: null })).id;
  const elsewhere = await createMunicipality(db, (await pickFreeHromada(db, { names: { none: { kind: 'JAPANESE' } } })).code, { verificationStatus: 'VERIFIED' });
  otherNeedId = (await createNeed(db, elsewhere, { sector: 'WATER_SANITATION' })).id;
});

const ids = async (filter: Record<string, unknown>) => (await listPublicNeeds(db, filter)).items.map((need) => need.id);

describe('keyword search over needs', () => {
  it('finds a need by a word of its title as written, in any case', async () => {
    expect(await ids({ q: word })).toEqual([needId]);
    expect(await ids({ q: word.toUpperCase() })).toEqual([needId]);
  });

  it('finds a need by a word of its Japanese translation, in hiragana or katakana alike', async () => {
    expect(await ids({ q: japaneseWord })).toEqual([needId]);
    expect(await ids({ q: `${japaneseWord} ぽんぷ` })).toEqual([needId]);
    expect(await ids({ q: `${japaneseWord} ﾎﾟﾝﾌﾟ` })).toEqual([needId]);
  });

  it('finds a need by its hromada’s Japanese name, and every word must be found', async () => {
    const found = await ids({ q: japaneseHromadaName });
    expect(found).toContain(needId);
    expect(found).not.toContain(otherNeedId);
    expect(await ids({ q: `${japaneseHromadaName} ${japaneseWord}` })).toEqual([needId]);
    expect(await ids({ q: `${japaneseHromadaName} ${word}zzz` })).toEqual([]);
  });

  it('keeps the other filters: a draft is never listed, another sector hides the need, the map agrees', async () => {
    expect(await ids({ q: word })).not.toContain(draftId);
    expect(await ids({ q: word, sector: 'ENERGY' })).toEqual([]);
    expect(await ids({ q: word, sector: 'WATER_SANITATION' })).toEqual([needId]);
    const points = await listNeedMapPoints(db, { q: japaneseWord });
    expect(points.flatMap((point) => point.needs.map((need) => need.id))).toEqual([needId]);
  });

  it('validates q with the page’s schema: too long, control characters or empty mean no search', async () => {
    expect(publicNeedFilterSchema.parse({ q: ` ${word} ` }).q).toBe(word);
    expect(publicNeedFilterSchema.parse({ q: 'x'.repeat(81) }).q).toBeUndefined();
    expect(publicNeedFilterSchema.parse({ q: 'a\u0000b' }).q).toBeUndefined();
    expect(publicNeedFilterSchema.parse({ q: '   ' }).q).toBeUndefined();
    expect(publicNeedFilterSchema.parse({ q: ['a', 'b'] }).q).toBeUndefined();
  });

  it('does not find a need by a translation made from an older original, of any origin', async () => {
    const municipality = await createMunicipality(db, (await pickFreeHromada(db)).code, { verificationStatus: 'VERIFIED' });
    // Not the file's word in its title: a later test searches that word beside "ре", which is in
    // many hromadas' names, and this need (in a random hromada) would then be found too.
    const need = await createNeed(db, municipality, { title: 'Насосна станція', description: 'Заміна насосів.', language: 'uk' });
    const staleWord = `旧訳${uniqueSuffix().replace(/\D/g, '')}語`;
    for (const [field, locale, origin] of [['title', 'ja', 'MACHINE'], ['description', 'en', 'AUTHOR']] as const) {
      await db.textTranslation.create({
        data: { subject: 'NEED', subjectId: need.id, field, locale, text: `${staleWord} ${field}`, origin, provider: origin === 'MACHINE' ? 'test' : null, sourceDigest: digestOriginal(field === 'title' ? need.title : need.description) },
      });
    }
    expect(await ids({ q: `${staleWord} title` })).toEqual([need.id]);
    expect(await ids({ q: `${staleWord} description` })).toEqual([need.id]);
    // The hromada rewrites the need: its translations no longer say what it says.
    await db.need.update({ where: { id: need.id }, data: { title: 'Нова назва', description: 'Інший опис.' } });
    expect(await ids({ q: staleWord })).toEqual([]);
  });

  it('matches "%" and "_" literally', async () => {
    expect(await ids({ q: '%%%' })).toEqual([]);
    expect(await ids({ q: '___' })).toEqual([]);
  });

  it('searches words shorter than 3 characters only beside a longer word, and says when it left them out', async () => {
    // "zq" is in no need: beside a longer word it filters, so nothing is found.
    expect(await ids({ q: `${word} zq` })).toEqual([]);
    // "Ре" (of "Резервне") and "ポ" (of the translation's "ポンプ") are in the need: it is still found.
    expect(await ids({ q: `${word} ре` })).toEqual([needId]);
    expect(await ids({ q: `${japaneseWord} ポ` })).toEqual([needId]);
    expect(keywordKeys(`${word} zq Ж`)).toEqual({ long: keywordKeys(word).long, short: ['zq', 'ж'] });
    expect(shortKeywords(`${word} zq Ж 水道`)).toEqual([]);
    expect(shortKeywords('zq Ж 水道')).toEqual(['zq', 'Ж', '水道']);
    // Only short words: no keyword search at all, the list as without them.
    const all = (await listPublicNeeds(db, {})).total;
    expect((await listPublicNeeds(db, { q: 'zq Ж' })).total).toBe(all);
  });

  it('reads the trigram indexes of titles, descriptions, translations and hromada names', async () => {
    // On a handful of rows any plan is cheap; with 4,000 more needs and translations (inserted and
    // rolled back) the planner must find the indexes worth it.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`
        INSERT INTO "Need"
        SELECT (jsonb_populate_record(NULL::"Need", to_jsonb(n) || jsonb_build_object(
          'id', gen_random_uuid(), 'title', 'Need ' || md5(g::text), 'description', md5((-g)::text), 'status', 'DRAFT'))).*
        FROM "Need" n, generate_series(1, 4000) g WHERE n.id = ${needId}::uuid`;
      await tx.$executeRaw`
        INSERT INTO "TextTranslation" (id, subject, "subjectId", field, locale, text, origin, provider, "sourceDigest", "updatedAt")
        SELECT gen_random_uuid(), 'NEED', gen_random_uuid(), 'title', 'ja', md5(g::text), 'MACHINE', 'test', repeat('0', 64), now()
        FROM generate_series(1, 4000) g`;
      await tx.$executeRaw`ANALYZE "Need"`;
      await tx.$executeRaw`ANALYZE "TextTranslation"`;
      await tx.$executeRaw`ANALYZE "HromadaName"`;
      const rows = await tx.$queryRaw<{ 'QUERY PLAN': string }[]>(Prisma.sql`EXPLAIN ${needIdsMatchingSql(keywordKeys(japaneseWord))}`);
      throw new Rollback(rows.map((row) => row['QUERY PLAN']).join('\n'));
    }, { timeout: 60_000 }).catch((error: unknown) => {
      if (error instanceof Rollback) return error.message;
      throw error;
    });
    for (const index of ['Need_title_trgm_idx', 'Need_description_trgm_idx', 'TextTranslation_text_trgm_idx', 'HromadaName_normalised_trgm_idx']) {
      expect(plan).toContain(index);
    }
  }, 90_000);
});

class Rollback extends Error {}
