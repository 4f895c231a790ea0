import { beforeAll, describe, expect, it } from 'vitest';
import { listPublicCompanies } from '../../lib/companies/public-companies';
import { listPublicNeeds } from '../../lib/needs/public-needs';
import { getPlatformOverview } from '../../lib/platform/overview';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { testDb } from './test-db';

// Public pages show only what is published: verified companies, open needs of verified hromadas.

let safeHromada: { code: string; nameEn: string };
let verifiedNeedTitle: string;
let hiddenTitles: string[];
let unverifiedCompanyName: string;

beforeAll(async () => {
  safeHromada = await pickFreeHromada(testDb, { hostilityStatus: 'NONE' });
  const verified = await createMunicipality(testDb, safeHromada.code, { verificationStatus: 'VERIFIED' });
  const unverified = await createMunicipality(testDb, (await pickFreeHromada(testDb)).code);
  verifiedNeedTitle = (await createNeed(testDb, verified, { sector: 'COMMUNICATIONS', urgency: 'CRITICAL' })).title;
  hiddenTitles = [
    (await createNeed(testDb, verified, { status: 'DRAFT', publishedAt: null })).title,
    (await createNeed(testDb, verified, { status: 'CLOSED', closedAt: new Date() })).title,
    (await createNeed(testDb, unverified)).title,
  ];
  await createCompany(testDb, { verificationStatus: 'VERIFIED' });
  unverifiedCompanyName = (await createCompany(testDb)).legalNameEn;
});

async function allPages<T>(load: (page: number) => Promise<{ items: T[]; pageCount: number }>): Promise<T[]> {
  const first = await load(1);
  const rest = await Promise.all(Array.from({ length: first.pageCount - 1 }, (_, i) => load(i + 2)));
  return [first, ...rest].flatMap((p) => p.items);
}

describe('public lists', () => {
  it('list open needs of verified hromadas only, with place and hostility status', async () => {
    const needs = await allPages((page) => listPublicNeeds(testDb, { page }));
    const titles = needs.map((n) => n.title);
    expect(titles).toContain(verifiedNeedTitle);
    for (const hidden of hiddenTitles) expect(titles).not.toContain(hidden);
    const need = needs.find((n) => n.title === verifiedNeedTitle)!;
    expect(need.hromada).toMatchObject({ code: safeHromada.code, nameEn: safeHromada.nameEn, hostilityStatus: 'NONE' });
    expect(need.hromada.oblast.nameEn).toMatch(/\w/);
  });

  it('filter needs by sector', async () => {
    const page = await listPublicNeeds(testDb, { page: 1, sector: 'COMMUNICATIONS' });
    expect(page.items.length).toBeGreaterThan(0);
    expect(page.items.every((n) => n.sector === 'COMMUNICATIONS')).toBe(true);
  });

  it('list verified companies only, without contact details', async () => {
    const companies = await allPages((page) => listPublicCompanies(testDb, { page }));
    expect(companies.map((c) => c.legalNameEn)).not.toContain(unverifiedCompanyName);
    expect(companies.length).toBeGreaterThan(0);
    expect(Object.keys(companies[0])).not.toContain('contactEmail');
    expect(Object.keys(companies[0])).not.toContain('contactPhone');
  });

  it('count what the lists show', async () => {
    const overview = await getPlatformOverview(testDb);
    const needs = await allPages((page) => listPublicNeeds(testDb, { page }));
    expect(overview.openNeeds).toBe(needs.length);
    expect(overview.hromadasWithNeeds).toBe(new Set(needs.map((n) => n.hromada.code)).size);
    expect(overview.companies).toBe((await listPublicCompanies(testDb, { page: 1 })).total);
    expect(overview.hromadasInReference).toBe(1774);
  });
});
