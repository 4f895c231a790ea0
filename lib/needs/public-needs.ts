import { z } from 'zod';
import type { Db } from '../db';
import { Currency, HostilityStatus, SectorCode, Stage, type Locale, type Prisma } from '../generated/prisma/client';
import { fromEur } from '../matching/currency';
import { pageSchema, pageWindow, toPage, type Page } from '../pagination';
import { findNeedIdsByKeywords } from './need-search';
import { needKeywordsSchema } from './need-search-schema';

// Needs anyone may read: open, and posted by a municipality a facilitator has verified
// (an unverified municipality can prepare needs but not publish them).

export const PUBLIC_NEED_WHERE = {
  status: 'OPEN',
  municipality: { verificationStatus: 'VERIFIED' },
} satisfies Prisma.NeedWhereInput;

const publicNeedSelect = {
  id: true,
  title: true,
  language: true,
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

/** The browse page's filters, parsed from its URL: anything malformed means "no filter". */
export const publicNeedFilterSchema = z.object({
  page: pageSchema.default(1),
  sector: z.enum(SectorCode).optional().catch(undefined),
  oblast: z.string().regex(/^UA\d{17}$/).optional().catch(undefined),
  hostility: z.enum(HostilityStatus).optional().catch(undefined),
  stage: z.enum(Stage).optional().catch(undefined),
  maxBudgetEur: z.coerce.number().int().min(1).optional().catch(undefined),
  /** Keywords: title, description, any translation of them, any name of the hromada. */
  q: needKeywordsSchema,
});
/** The filters as they come from a URL or a caller: anything goes in, the schema sorts it out. */
export type PublicNeedFilter = Partial<Record<keyof z.input<typeof publicNeedFilterSchema>, unknown>>;

/** Budgets are kept in their own currency; "up to X euros" compares at reference rates. */
function budgetAtMost(maxEur: number): Prisma.NeedWhereInput {
  return { OR: Object.values(Currency).map((currency) => ({ budgetCurrency: currency, budgetAmount: { lte: fromEur(maxEur, currency) } })) };
}

async function whereFor(db: Db, filter: z.output<typeof publicNeedFilterSchema>): Promise<Prisma.NeedWhereInput> {
  const keywordIds = filter.q ? await findNeedIdsByKeywords(db, filter.q) : null;
  return {
    ...PUBLIC_NEED_WHERE,
    ...(keywordIds ? { id: { in: keywordIds } } : {}),
    ...(filter.sector ? { sector: filter.sector } : {}),
    ...(filter.stage ? { stage: filter.stage } : {}),
    hromada: {
      ...(filter.oblast ? { oblastCode: filter.oblast } : {}),
      ...(filter.hostility ? { hostilityStatus: filter.hostility } : {}),
    },
    ...(filter.maxBudgetEur ? budgetAtMost(filter.maxBudgetEur) : {}),
  };
}

export async function listPublicNeeds(db: Db, input: PublicNeedFilter): Promise<Page<PublicNeed>> {
  const filter = publicNeedFilterSchema.parse(input);
  const where = await whereFor(db, filter);
  const [items, total] = await Promise.all([
    db.need.findMany({
      where,
      select: publicNeedSelect,
      orderBy: [{ urgency: 'desc' }, { publishedAt: 'desc' }, { id: 'asc' }],
      ...pageWindow(filter.page),
    }),
    db.need.count({ where }),
  ]);
  return toPage(items, total, filter.page);
}

/** How many of a hromada's open needs its map popup lists (the most urgent first); the rest are counted. */
export const MAP_NEEDS_PER_HROMADA = 5;

export type NeedMapPoint = {
  code: string; nameUk: string; nameEn: string; latitude: number; longitude: number;
  hostilityStatus: HostilityStatus; openNeeds: number; oblastCode: string;
  needs: { id: string; title: string; language: Locale }[];
};

/** Hromadas with open needs matching the filter, one point each with its most urgent needs, for the map. */
export async function listNeedMapPoints(db: Db, input: PublicNeedFilter): Promise<NeedMapPoint[]> {
  const filter = publicNeedFilterSchema.parse(input);
  const needs = await db.need.findMany({
    where: await whereFor(db, filter),
    select: { id: true, title: true, language: true, hromadaCode: true },
    orderBy: [{ urgency: 'desc' }, { publishedAt: 'desc' }, { id: 'asc' }],
  });
  const byHromada = new Map<string, NeedMapPoint['needs']>();
  const counts = new Map<string, number>();
  for (const need of needs) {
    counts.set(need.hromadaCode, (counts.get(need.hromadaCode) ?? 0) + 1);
    const listed = byHromada.get(need.hromadaCode) ?? [];
    if (listed.length < MAP_NEEDS_PER_HROMADA) listed.push({ id: need.id, title: need.title, language: need.language });
    byHromada.set(need.hromadaCode, listed);
  }
  const hromadas = await db.hromada.findMany({
    where: { code: { in: [...counts.keys()] } },
    select: { code: true, nameUk: true, nameEn: true, latitude: true, longitude: true, hostilityStatus: true, oblastCode: true },
    orderBy: { nameEn: 'asc' },
  });
  return hromadas.map((h) => ({ ...h, openNeeds: counts.get(h.code) ?? 0, needs: byHromada.get(h.code) ?? [] }));
}

export const listOblasts = (db: Db) =>
  db.oblast.findMany({ orderBy: { nameEn: 'asc' }, select: { code: true, nameUk: true, nameEn: true } });
