import type { Db } from '../db';
import type { Prisma, SectorCode } from '../generated/prisma/client';
import { pageWindow, toPage, type Page } from '../pagination';

// Needs anyone may read: open, and posted by a municipality a facilitator has verified
// (an unverified municipality can prepare needs but not publish them).

export const PUBLIC_NEED_WHERE = {
  status: 'OPEN',
  municipality: { verificationStatus: 'VERIFIED' },
} satisfies Prisma.NeedWhereInput;

const publicNeedSelect = {
  id: true,
  title: true,
  sector: true,
  stage: true,
  urgency: true,
  budgetAmount: true,
  budgetCurrency: true,
  fundingSource: true,
  procurementMethod: true,
  publishedAt: true,
  hromada: {
    select: {
      code: true,
      nameUk: true,
      nameEn: true,
      hostilityStatus: true,
      hostilityScope: true,
      oblast: { select: { nameUk: true, nameEn: true } },
    },
  },
} satisfies Prisma.NeedSelect;

export type PublicNeed = Prisma.NeedGetPayload<{ select: typeof publicNeedSelect }>;

export async function listPublicNeeds(
  db: Db,
  { page, sector }: { page: number; sector?: SectorCode },
): Promise<Page<PublicNeed>> {
  const where: Prisma.NeedWhereInput = { ...PUBLIC_NEED_WHERE, ...(sector ? { sector } : {}) };
  const [items, total] = await Promise.all([
    db.need.findMany({
      where,
      select: publicNeedSelect,
      orderBy: [{ urgency: 'desc' }, { publishedAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(page),
    }),
    db.need.count({ where }),
  ]);
  return toPage(items, total, page);
}
