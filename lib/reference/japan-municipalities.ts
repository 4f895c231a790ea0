import type { Db } from '../db';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';

/**
 * The schema checks a municipality code's shape and prefecture; only the database knows whether
 * it is on the official list, and a prefecture's own code (…0001-style, kind PREFECTURE) is not a
 * place a company can be. `field` is where the form shows the error.
 */
export async function assertMunicipalityOnList(
  db: Db | Prisma.TransactionClient,
  place: { prefectureCode: string; municipalityCode: string },
  field: string,
): Promise<void> {
  const municipality = await db.japanMunicipality.findUnique({ where: { code: place.municipalityCode }, select: { kind: true, prefectureCode: true } });
  if (!municipality || municipality.kind === 'PREFECTURE' || municipality.prefectureCode !== place.prefectureCode) {
    throw new AppError('VALIDATION', 'Municipality not on the official list', { fieldErrors: { [field]: 'validation.choose' } });
  }
}

/** How the picker names a chosen municipality ("神奈川県横浜市中区 · Naka-ku, Yokohama"). */
export async function describeMunicipality(db: Db, code: string | null): Promise<string | undefined> {
  if (!code) return undefined;
  const municipality = await db.japanMunicipality.findUnique({ where: { code }, select: { nameJa: true, nameEn: true, prefecture: { select: { nameJa: true } } } });
  return municipality ? `${municipality.prefecture.nameJa}${municipality.nameJa} · ${municipality.nameEn}` : undefined;
}
