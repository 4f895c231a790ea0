import type { SmeIndustry } from '../generated/prisma/enums';

// Small and medium enterprise by the SME Basic Act (中小企業基本法, art. 2 para. 1): a company
// is an SME when EITHER its capital OR its regular employees are at or below its industry's
// limit. The forum's point that SMEs accept more risk than large corporations depends on this.

export const SME_THRESHOLDS: Record<SmeIndustry, { capitalJpy: bigint; employees: number }> = {
  MANUFACTURING_AND_OTHER: { capitalJpy: 300_000_000n, employees: 300 },
  WHOLESALE: { capitalJpy: 100_000_000n, employees: 100 },
  SERVICES: { capitalJpy: 50_000_000n, employees: 100 },
  RETAIL: { capitalJpy: 50_000_000n, employees: 50 },
};

export function isSme(company: { industry: SmeIndustry; capitalJpy: bigint; employees: number }): boolean {
  const limit = SME_THRESHOLDS[company.industry];
  return company.capitalJpy <= limit.capitalJpy || company.employees <= limit.employees;
}
