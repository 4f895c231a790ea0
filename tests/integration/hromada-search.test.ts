import { NextRequest } from 'next/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '../../app/api/hromadas/route';
import { normaliseName } from '../../lib/reference/place-names';
import { searchHromadas } from '../../lib/reference/search-hromadas';
import { testDb as db } from './test-db';

// The hromada picker's search: what is typed matches itself, "%" and "_" included, and a query
// string that is not text is a 400, not a database error.

// A made-up community whose name holds the LIKE wildcards; removed afterwards, so the
// reference-data counts stay true for the other test files.
const ODD = { code: 'UA99999999999999901', nameUk: 'Громада 100%_тест', nameEn: 'Hromada 100%_test' };

beforeAll(async () => {
  const kyiv = await db.hromada.findFirstOrThrow({ where: { nameEn: { startsWith: 'Kyiv' } } });
  await db.hromada.create({
    data: {
      ...ODD, oblastCode: kyiv.oblastCode, kind: 'SPECIAL_STATUS_CITY', latitude: kyiv.latitude, longitude: kyiv.longitude,
      // As the reference loader writes them (lib/reference/hromada-names.ts): found by its names only.
      names: {
        create: [
          { kind: 'UK', name: ODD.nameUk, normalised: normaliseName(ODD.nameUk), isCity: true, source: 'test' },
          { kind: 'ROMANISED', name: ODD.nameEn, normalised: normaliseName(ODD.nameEn), isCity: true, source: 'test' },
        ],
      },
    },
  });
});
afterAll(async () => {
  await db.hromada.delete({ where: { code: ODD.code } });
});

const codes = async (q: string) => (await searchHromadas(db, { q })).map((option) => option.code);

describe('hromada search', () => {
  it('matches "%" and "_" literally, not as wildcards', async () => {
    expect(await codes('%%')).toEqual([]);
    expect(await codes('__')).toEqual([]);
    expect(await codes('K%v')).toEqual([]);
    expect(await codes('K_yiv')).toEqual([]);
    expect(await codes('100%_')).toEqual([ODD.code]);
    expect(await codes('0%_т')).toEqual([ODD.code]);
  });

  it('still finds by part of either name, in any case', async () => {
    expect(await codes('hromada 100')).toContain(ODD.code);
    expect(await codes('громада 100')).toContain(ODD.code);
    expect((await searchHromadas(db, { q: 'Kyiv' })).length).toBeGreaterThan(0);
  });

  it('finds nothing for text with NUL or a lone surrogate, without asking the database to choke', async () => {
    expect(await codes('Ky\u0000iv')).toEqual([]);
    expect(await codes('Ky\uD800iv')).toEqual([]);
  });

  it('answers a query string with NUL or broken percent-encoding with 400 and a message key', async () => {
    for (const query of ['q=a%00b', 'q=%FF', 'q=Ky%E0%A4iv', 'q%00=Kyiv']) {
      const response = await GET(new NextRequest(`http://localhost/api/hromadas?${query}`));
      expect(response.status, query).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: 'VALIDATION', status: 400, messageKey: 'errors.invalidCharacters' } });
    }
    const ok = await GET(new NextRequest('http://localhost/api/hromadas?q=100%25_'));
    expect(ok.status).toBe(200);
    expect((await ok.json()).hromadas.map((option: { code: string }) => option.code)).toEqual([ODD.code]);
  });
});
