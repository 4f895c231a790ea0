import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { isoDay, kyivDay } from '../hostility-list/calendar';
import { severitySql } from './hostility-severity';
import { buildHromadaNames } from './hromada-names';
import { SECTORS } from './sectors';

// Loads the reference files committed in prisma/reference (derived from the official sources
// listed in prisma/reference/README.md). Every statement is an upsert, so loading twice changes
// nothing; the hostility roll-up is recomputed on each load because "in force today" moves with
// the calendar.

const REFERENCE_DIR = path.resolve(process.cwd(), 'prisma/reference');

type Row = Record<string, string>;
const readReference = (file: string): Row[] =>
  parse(readFileSync(path.join(REFERENCE_DIR, file), 'utf8'), { columns: true, bom: true });

export type ReferenceCounts = {
  oblasts: number;
  raions: number;
  hromadas: number;
  hostilityPeriods: number;
  prefectures: number;
  japanMunicipalities: number;
  sisterCities: number;
  hromadaNames: number;
  sectors: number;
  /**
   * Whether the shipped hostilities list was (re)loaded: a first start, or a release with a new
   * file and no ADMIN's order since. Its statuses were rolled up here, so nothing re-ranks the
   * needs they moved unless the caller does (lib/database/prepare.ts).
   */
  hostilityListReloaded: boolean;
};

export async function loadReferenceData(db: Db): Promise<ReferenceCounts> {
  const oblasts = readReference('oblasts.csv');
  const raions = readReference('raions.csv');
  const hromadas = readReference('hromadas.csv');
  const periods = readReference('hostility-periods.csv');
  const prefectures = readReference('prefectures.csv');
  const japanMunicipalities = readReference('japan-municipalities.csv');
  const sisterCities = readReference('sister-cities.csv');
  const hromadaNames = buildHromadaNames({
    hromadas,
    centres: readReference('hromada-centres.csv'),
    english: readReference('hromada-names-en.csv'),
    japanese: readReference('hromada-names-ja.csv'),
  });
  const json = (rows: unknown[]) => JSON.stringify(rows);

  let reloaded = false;
  await db.$transaction(
    async (tx) => {
      await tx.$executeRaw`
        INSERT INTO "Oblast" (code, kind, "nameUk", "nameEn")
        SELECT code, kind::"OblastKind", name_uk, name_en
        FROM json_to_recordset(${json(oblasts)}::json) AS r(code text, kind text, name_uk text, name_en text)
        ON CONFLICT (code) DO UPDATE SET kind = EXCLUDED.kind, "nameUk" = EXCLUDED."nameUk", "nameEn" = EXCLUDED."nameEn"`;
      await tx.$executeRaw`
        INSERT INTO "Raion" (code, "oblastCode", "nameUk", "nameEn")
        SELECT code, oblast_code, name_uk, name_en
        FROM json_to_recordset(${json(raions)}::json) AS r(code text, oblast_code text, name_uk text, name_en text)
        ON CONFLICT (code) DO UPDATE SET "oblastCode" = EXCLUDED."oblastCode", "nameUk" = EXCLUDED."nameUk", "nameEn" = EXCLUDED."nameEn"`;
      await tx.$executeRaw`
        INSERT INTO "Hromada" (code, "raionCode", "oblastCode", kind, "nameUk", "nameEn", latitude, longitude)
        SELECT code, NULLIF(raion_code, ''), oblast_code, kind::"HromadaKind", name_uk, name_en, latitude, longitude
        FROM json_to_recordset(${json(hromadas)}::json)
          AS r(code text, raion_code text, oblast_code text, kind text, name_uk text, name_en text, latitude float8, longitude float8)
        -- A code a KATOTTG edition retired stays retired (lib/reference/katottg-changes.ts).
        WHERE code NOT IN (SELECT "oldCode" FROM "KatottgCodeChange")
        ON CONFLICT (code) DO UPDATE SET "raionCode" = EXCLUDED."raionCode", "oblastCode" = EXCLUDED."oblastCode",
          kind = EXCLUDED.kind, "nameUk" = EXCLUDED."nameUk", "nameEn" = EXCLUDED."nameEn",
          latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude`;
      // Replaced whole, like the ties below: a name can leave a file as well as enter it. A
      // hromada a KATOTTG edition retired is no longer in "Hromada", and so gets no names.
      await tx.$executeRaw`DELETE FROM "HromadaName"`;
      await tx.$executeRaw`
        INSERT INTO "HromadaName" ("hromadaCode", kind, name, normalised, "isCity", source)
        SELECT r."hromadaCode", r.kind::"HromadaNameKind", r.name, r.normalised, r."isCity", r.source
        FROM json_to_recordset(${json(hromadaNames)}::json)
          AS r("hromadaCode" text, kind text, name text, normalised text, "isCity" boolean, source text)
        WHERE r."hromadaCode" IN (SELECT code FROM "Hromada")`;
      reloaded = await loadShippedEdition(tx, periods);
      await tx.$executeRaw`
        INSERT INTO "Prefecture" (code, "nameJa", "nameEn", region)
        SELECT code, name_ja, name_en, region::"JapanRegion"
        FROM json_to_recordset(${json(prefectures)}::json) AS r(code text, name_ja text, name_en text, region text)
        ON CONFLICT (code) DO UPDATE SET "nameJa" = EXCLUDED."nameJa", "nameEn" = EXCLUDED."nameEn", region = EXCLUDED.region`;
      await tx.$executeRaw`
        INSERT INTO "JapanMunicipality" (code, "prefectureCode", kind, "cityCode", "nameJa", "nameKana", "nameEn")
        SELECT code, prefecture_code, kind::"JapanMunicipalityKind", NULLIF(city_code, ''), name_ja, name_kana, name_en
        FROM json_to_recordset(${json(japanMunicipalities)}::json)
          AS r(code text, prefecture_code text, kind text, city_code text, name_ja text, name_kana text, name_en text)
        ON CONFLICT (code) DO UPDATE SET "prefectureCode" = EXCLUDED."prefectureCode", kind = EXCLUDED.kind,
          "cityCode" = EXCLUDED."cityCode", "nameJa" = EXCLUDED."nameJa", "nameKana" = EXCLUDED."nameKana", "nameEn" = EXCLUDED."nameEn"`;
      // Like the hostility list, the ties are replaced whole: a tie can end as well as begin.
      await tx.$executeRaw`DELETE FROM "SisterCityLink"`;
      await tx.$executeRaw`
        INSERT INTO "SisterCityLink" (kind, "japanCode", "prefectureCode", "hromadaCode", "oblastCode", "sinceYear", source)
        SELECT r.kind::"SisterTieKind", r.japan_code, left(r.japan_code, 2), COALESCE(c."newCode", NULLIF(r.hromada_code, '')),
               NULLIF(r.oblast_code, ''), r.since_year, r.source || ' <' || r.source_url || '>'
        FROM json_to_recordset(${json(sisterCities)}::json)
          AS r(kind text, japan_code text, hromada_code text, oblast_code text, since_year int, source text, source_url text)
        -- A hromada renamed or merged in a later KATOTTG edition keeps its ties under its new code.
        LEFT JOIN "KatottgCodeChange" c ON c."oldCode" = NULLIF(r.hromada_code, '')`;
      await placeCompanies(tx);
      const sectors = SECTORS.map(({ code, dacCode, dacName }) => ({ code, dacCode, dacName }));
      await tx.$executeRaw`
        INSERT INTO "Sector" (code, "dacCode", "dacName")
        SELECT code::"SectorCode", dac_code, dac_name
        FROM json_to_recordset(${json(sectors.map((s) => ({ code: s.code, dac_code: s.dacCode, dac_name: s.dacName })))}::json)
          AS r(code text, dac_code text, dac_name text)
        ON CONFLICT (code) DO UPDATE SET "dacCode" = EXCLUDED."dacCode", "dacName" = EXCLUDED."dacName"`;
      // Once statuses have been rolled forward, the worker's job keeps them (and re-ranks what
      // moved, lib/hostility-list/schedule.ts); here only a first or replaced shipped list.
      if (reloaded || (await tx.hostilityRollForward.count()) === 0) {
        const day = kyivDay();
        await rollUpHostilityStatus(tx, day);
        await tx.hostilityRollForward.upsert({ where: { day }, create: { day, statusChanges: 0, needsQueued: 0 }, update: {} });
      }
    },
    { timeout: 60_000 },
  );

  return {
    oblasts: oblasts.length,
    raions: raions.length,
    hromadas: hromadas.length,
    hostilityPeriods: periods.length,
    prefectures: prefectures.length,
    japanMunicipalities: japanMunicipalities.length,
    sisterCities: sisterCities.length,
    hromadaNames: hromadaNames.length,
    sectors: SECTORS.length,
    hostilityListReloaded: reloaded,
  };
}

/** The edition committed in prisma/reference (see its README), with no ADMIN behind it. */
export const SHIPPED_EDITION = {
  orderNumber: '376',
  orderDate: new Date('2025-02-28T00:00:00Z'),
  source: 'prisma/reference/hostility-periods.csv (Order No. 376 of 28 Feb 2025, as amended by Orders 748 and 779, April 2025)',
} as const;

/**
 * Loads the shipped list as its edition while no ADMIN has loaded an order; once an edition or
 * amendment was loaded (lib/hostility-list), the list in force is the database's and a code
 * release never overwrites it (docs/decisions/012-hostility-list-editions.md). The shipped
 * edition is the one no ADMIN loaded, whatever its source text: a release may reword that text.
 */
async function loadShippedEdition(tx: Prisma.TransactionClient, periods: Row[]): Promise<boolean> {
  if ((await tx.hostilityListEdition.count({ where: { loadedById: { not: null } } })) > 0) return false;
  const checksum = createHash('sha256').update(JSON.stringify(periods)).digest('hex');
  const shipped = await tx.hostilityListEdition.findFirst({ where: { loadedById: null }, orderBy: { id: 'desc' } });
  if (shipped?.checksum === checksum && (await tx.hostilityPeriod.count()) > 0) return false;
  const edition = shipped
    ? await tx.hostilityListEdition.update({ where: { id: shipped.id }, data: { ...SHIPPED_EDITION, checksum } })
    : await tx.hostilityListEdition.create({ data: { ...SHIPPED_EDITION, kind: 'EDITION', checksum } });
  // Nothing but the shipped edition so far: the committed file is the whole list.
  await tx.$executeRaw`DELETE FROM "HostilityPeriod"`;
  await tx.$executeRaw`
    INSERT INTO "HostilityPeriod" ("hromadaCode", "territoryCode", "territoryLevel", "territoryName", status, "startDate", "endDate", "editionId")
    SELECT COALESCE(c."newCode", hromada_code), territory_code, territory_level::"TerritoryLevel", territory_name,
           status::"HostilityStatus", start_date::date, NULLIF(end_date, '')::date, ${edition.id}
    FROM json_to_recordset(${JSON.stringify(periods)}::json)
      AS r(hromada_code text, territory_code text, territory_level text, territory_name text, status text, start_date text, end_date text)
    LEFT JOIN "KatottgCodeChange" c ON c."oldCode" = r.hromada_code
    ON CONFLICT DO NOTHING`;
  return true;
}

/**
 * Back-fills the municipality of companies created before they picked one from the official
 * list, by their free-text city within their prefecture: the Japanese name with or without 市
 * ("横浜", "横浜市"), or the English one with or without "City"/"-shi" ("Yokohama City"), or a
 * ward ("Naka-ku, Yokohama" → 横浜市中区). This runs here, not in the migration, because the list
 * is loaded after migrations; a company it cannot place keeps a null code (no sister-city points)
 * until it picks one. Names that fit two places in a prefecture are left alone.
 */
async function placeCompanies(db: Pick<Db, '$executeRaw'>): Promise<void> {
  await db.$executeRaw`
    WITH candidates AS (
      SELECT c.id, m.code
      FROM "Company" c
      JOIN "JapanMunicipality" m ON m."prefectureCode" = c."prefectureCode" AND m.kind <> 'PREFECTURE'
      WHERE c."municipalityCode" IS NULL AND (
        regexp_replace(btrim(c."cityJa"), '市$', '') = regexp_replace(m."nameJa", '市$', '')
        OR lower(regexp_replace(btrim(c."cityEn"), '([ -](city|shi))$', '', 'i')) = lower(m."nameEn")
        OR lower(regexp_replace(btrim(c."cityEn"), '\\s*,\\s*', ', ', 'g')) = lower(m."nameEn"))
    ), placed AS (
      SELECT id, min(code) AS code FROM candidates GROUP BY id HAVING count(DISTINCT code) = 1
    )
    UPDATE "Company" c SET "municipalityCode" = placed.code FROM placed WHERE c.id = placed.id`;
  // The matcher reads the city from the company's profile (lib/match-store/profiles.ts).
  await db.$executeRaw`
    UPDATE "CompanyMatchProfile" p SET "cityCode" = m."cityCode"
    FROM "Company" c JOIN "JapanMunicipality" m ON m.code = c."municipalityCode"
    WHERE p."companyId" = c.id AND p."cityCode" IS DISTINCT FROM m."cityCode"`;
}

/**
 * Sets each hromada's status to the most severe period in force on `asOf` (a period that ended
 * is history). The scope is WHOLE when that status covers the whole hromada (a row naming it,
 * its raion or its oblast), PARTIAL when only settlement rows carry it.
 */
export async function rollUpHostilityStatus(
  db: Pick<Db, '$executeRaw'>,
  asOf: Date = kyivDay(),
): Promise<void> {
  // The Kyiv calendar day as text: a timestamp cast to date would follow the session's time zone.
  const day = isoDay(kyivDay(asOf));
  await db.$executeRaw`
    WITH current AS (
      SELECT "hromadaCode", status, "territoryLevel" <> 'SETTLEMENT' AS whole
      FROM "HostilityPeriod"
      WHERE "startDate" <= ${day}::date AND ("endDate" IS NULL OR "endDate" >= ${day}::date)
    ), worst AS (
      -- The most severe by the explicit order, never by the enum's position.
      SELECT DISTINCT ON ("hromadaCode") "hromadaCode", status FROM current
      ORDER BY "hromadaCode", ${Prisma.raw(severitySql('status'))} DESC
    ), rolled AS (
      SELECT w."hromadaCode", w.status,
             CASE WHEN bool_or(c.whole) THEN 'WHOLE' ELSE 'PARTIAL' END::"HostilityScope" AS scope
      FROM worst w JOIN current c ON c."hromadaCode" = w."hromadaCode" AND c.status = w.status
      GROUP BY w."hromadaCode", w.status
    )
    UPDATE "Hromada" h
    SET "hostilityStatus" = COALESCE(r.status, 'NONE'), "hostilityScope" = r.scope
    FROM "Hromada" h2 LEFT JOIN rolled r ON r."hromadaCode" = h2.code
    WHERE h.code = h2.code
      AND (h."hostilityStatus" IS DISTINCT FROM COALESCE(r.status, 'NONE') OR h."hostilityScope" IS DISTINCT FROM r.scope)`;
}
