import { DEMO_HROMADAS } from '../../prisma/seed/demo-needs';
import type { Db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { uniqueSuffix } from './sequence';

export type MunicipalityInput = Prisma.MunicipalityUncheckedCreateInput;

export function buildMunicipality(
  hromadaCode: string,
  overrides: Partial<MunicipalityInput> = {},
): MunicipalityInput {
  const suffix = uniqueSuffix();
  return {
    hromadaCode,
    contactName: `Reconstruction officer ${suffix}`,
    contactEmail: `hromada-${suffix}@example.test`,
    ...overrides,
  };
}

export const createMunicipality = (
  db: Db,
  hromadaCode: string,
  overrides: Partial<MunicipalityInput> = {},
) => db.municipality.create({ data: buildMunicipality(hromadaCode, overrides) });

/**
 * A hromada no municipality has claimed yet, so tests sharing a database never collide; never
 * one the demo world claims, which a later test file may seed into the same database.
 */
export async function pickFreeHromada(
  db: Db,
  where: Prisma.HromadaWhereInput = {},
): Promise<{ code: string; nameEn: string }> {
  const free = await db.hromada.findMany({
    where: { ...where, municipalities: { none: {} }, kind: 'TERRITORIAL_COMMUNITY', code: { notIn: Object.values(DEMO_HROMADAS) } },
    select: { code: true, nameEn: true },
    take: 200,
  });
  if (free.length === 0) throw new Error('No unclaimed hromada left for the test');
  return free[Math.floor(Math.random() * free.length)];
}
