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
