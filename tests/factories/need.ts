import type { Db } from '../../lib/db';
import type { Prisma } from '../../lib/generated/prisma/client';
import { uniqueSuffix } from './sequence';

export type NeedInput = Prisma.NeedUncheckedCreateInput;

/** An open need at the municipality's own hromada. */
export function buildNeed(
  municipality: { id: string; hromadaCode: string },
  overrides: Partial<NeedInput> = {},
): NeedInput {
  return {
    municipalityId: municipality.id,
    hromadaCode: municipality.hromadaCode,
    sector: 'ENERGY',
    title: `Backup power for the water utility ${uniqueSuffix()}`,
    description: 'Generators to keep pumping stations running through outages.',
    stage: 'RAPID_RECOVERY',
    urgency: 'HIGH',
    budgetAmount: '250000',
    budgetCurrency: 'EUR',
    fundingSource: 'DONOR_GRANT',
    procurementMethod: 'PROZORRO',
    prozorroTenderId: 'UA-2025-03-14-001234-a',
    requiredCapabilities: ['POWER_GENERATORS'],
    status: 'OPEN',
    publishedAt: new Date(),
    ...overrides,
  };
}

export const createNeed = (
  db: Db,
  municipality: { id: string; hromadaCode: string },
  overrides: Partial<NeedInput> = {},
) => db.need.create({ data: buildNeed(municipality, overrides) });
