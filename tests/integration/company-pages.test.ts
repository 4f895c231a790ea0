import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import { canSeeCompanyContacts } from '../../lib/companies/company-contacts';
import { getCompanyPage } from '../../lib/companies/company-page';
import { COMPANY_SEARCH_TEXT, companySearchSchema, companySearchWhere, listPublicCompanies } from '../../lib/companies/public-companies';
import { saveTranslation } from '../../lib/content/save-translation';
import { listTranslationQueue } from '../../lib/content/translation-queue';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { uniqueSuffix } from '../factories/sequence';
import { createUser } from '../factories/user';
import { testDb } from './test-db';

// Company pages: who sees a company at all, and who sees how to reach it (issue 14, parts 2 and 5).

const actor = (role: Actor['role'], ids: Partial<Pick<Actor, 'companyId' | 'municipalityId' | 'userId'>> = {}): Actor =>
  ({ userId: randomUUID(), role, companyId: null, municipalityId: null, ...ids });

let company: { id: string; contactEmail: string };
let otherCompany: { id: string };
let unverifiedCompany: { id: string };
let introduced: Actor;
let introducedElsewhere: Actor;
let unverifiedIntroduced: Actor;
let notIntroduced: Actor;

async function municipalityWithIntroduction(status: 'VERIFIED' | 'UNVERIFIED', companyId: string | null) {
  const municipality = await createMunicipality(testDb, (await pickFreeHromada(testDb)).code, { verificationStatus: status });
  if (companyId) {
    const need = await createNeed(testDb, municipality);
    await testDb.introduction.create({ data: { needId: need.id, companyId, introducedById: randomUUID() } });
  }
  return actor('MUNICIPALITY_REP', { municipalityId: municipality.id });
}

beforeAll(async () => {
  company = await createCompany(testDb, { verificationStatus: 'VERIFIED', contactPhone: '+81 6 1234 5678', website: 'https://example.test' });
  otherCompany = await createCompany(testDb, { verificationStatus: 'VERIFIED' });
  unverifiedCompany = await createCompany(testDb);
  introduced = await municipalityWithIntroduction('VERIFIED', company.id);
  introducedElsewhere = await municipalityWithIntroduction('VERIFIED', otherCompany.id);
  unverifiedIntroduced = await municipalityWithIntroduction('UNVERIFIED', company.id);
  notIntroduced = await municipalityWithIntroduction('VERIFIED', null);
});

describe('company contacts', () => {
  it('are shown to the company’s own people, staff and a verified municipality introduced to it', async () => {
    const allowed: [string, Actor][] = [
      ['own member', actor('COMPANY_REP', { companyId: company.id })],
      ['facilitator', actor('FACILITATOR')],
      ['admin', actor('ADMIN')],
      ['introduced municipality', introduced],
    ];
    for (const [who, reader] of allowed) {
      expect(await canSeeCompanyContacts(testDb, reader, company.id), who).toBe(true);
      const page = await getCompanyPage(testDb, reader, company.id, 'en');
      expect(page.contacts, who).toEqual({ contactName: 'Test Contact', contactEmail: company.contactEmail, contactPhone: '+81 6 1234 5678', website: 'https://example.test' });
    }
  });

  it('are hidden from everyone else, who still see the public part', async () => {
    const denied: [string, Actor | null][] = [
      ['visitor', null],
      ['another company', actor('COMPANY_REP', { companyId: otherCompany.id })],
      ['municipality introduced to another company', introducedElsewhere],
      ['unverified municipality introduced to it', unverifiedIntroduced],
      ['municipality never introduced', notIntroduced],
      ['municipality representative without a municipality', actor('MUNICIPALITY_REP')],
    ];
    for (const [who, reader] of denied) {
      expect(await canSeeCompanyContacts(testDb, reader, company.id), who).toBe(false);
      const page = await getCompanyPage(testDb, reader, company.id, 'en');
      expect(page.contacts, who).toBeNull();
      expect(JSON.stringify(page), who).not.toContain(company.contactEmail);
      expect(page.company.id).toBe(company.id);
    }
  });
});

describe('company page', () => {
  it('shows an unverified company only to its own people and staff', async () => {
    for (const reader of [actor('COMPANY_REP', { companyId: unverifiedCompany.id }), actor('FACILITATOR')]) {
      expect((await getCompanyPage(testDb, reader, unverifiedCompany.id, 'en')).company.verificationStatus).toBe('UNVERIFIED');
    }
    for (const reader of [null, actor('COMPANY_REP', { companyId: company.id }), introduced]) {
      await expect(getCompanyPage(testDb, reader, unverifiedCompany.id, 'en')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });

  it('answers NOT_FOUND for an unknown or malformed id', async () => {
    await expect(getCompanyPage(testDb, null, randomUUID(), 'en')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getCompanyPage(testDb, null, 'not-a-uuid', 'en')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('company search and filters', () => {
  const tag = `Zq${uniqueSuffix()}`;
  const names = (page: Awaited<ReturnType<typeof listPublicCompanies>>) => page.items.map((item) => item.legalNameEn).sort();
  let small: string; let large: string; let wholesale: string; let services: string; let hidden: string;

  beforeAll(async () => {
    small = (await createCompany(testDb, {
      verificationStatus: 'VERIFIED', legalNameEn: `${tag} Small Works`, legalNameJa: `${tag}小さな工業`, prefectureCode: '28', municipalityCode: '281000',
      cityJa: '神戸市', cityEn: 'Kobe', sectors: ['WATER_SANITATION'], riskAppetite: 'ACTIVE_HOSTILITIES', experienceCountries: ['KH'],
      description: `浄水装置 ${tag}`, descriptionLanguage: 'ja',
      // Manufacturing: capital at the limit (300 million yen) makes it an SME, however many staff.
      industry: 'MANUFACTURING_AND_OTHER', capitalJpy: 300_000_000n, employees: 5000,
    })).legalNameEn;
    large = (await createCompany(testDb, {
      verificationStatus: 'VERIFIED', legalNameEn: `${tag} Large Holdings`, sectors: ['ENERGY', 'WATER_SANITATION'], riskAppetite: 'AFTER_CEASEFIRE_ONLY',
      hasDisasterReconstructionExperience: true, description: `Grid 100%_${tag} equipment`, descriptionLanguage: 'en',
      industry: 'MANUFACTURING_AND_OTHER', capitalJpy: 300_000_001n, employees: 301,
    })).legalNameEn;
    // Wholesale: 101 staff and 100,000,001 yen is past both of its limits.
    wholesale = (await createCompany(testDb, {
      verificationStatus: 'VERIFIED', legalNameEn: `${tag} Wholesale Trading`, industry: 'WHOLESALE', capitalJpy: 100_000_001n, employees: 101,
    })).legalNameEn;
    // Services: 100 staff is at its limit, so an SME however large its capital.
    services = (await createCompany(testDb, {
      verificationStatus: 'VERIFIED', legalNameEn: `${tag} Services Staff`, industry: 'SERVICES', capitalJpy: 10_000_000_000n, employees: 100, sectors: ['HEALTH'],
    })).legalNameEn;
    hidden = (await createCompany(testDb, { legalNameEn: `${tag} Unverified Water`, sectors: ['WATER_SANITATION'] })).legalNameEn;
  });

  it('finds by either name, the city and the description, verified companies only', async () => {
    expect(names(await listPublicCompanies(testDb, { q: tag }))).toEqual([large, services, small, wholesale].sort());
    expect(names(await listPublicCompanies(testDb, { q: `${tag}小さな` }))).toEqual([small]);
    expect(names(await listPublicCompanies(testDb, { q: `浄水装置 ${tag}` }))).toEqual([small]);
    expect(names(await listPublicCompanies(testDb, { q: `${tag.toLowerCase()} large` }))).toEqual([large]);
    expect(names(await listPublicCompanies(testDb, { q: tag, prefecture: '28' }))).toEqual([small]);
    expect((await listPublicCompanies(testDb, { q: '神戸' })).items.map((item) => item.legalNameEn)).toContain(small);
    expect(names(await listPublicCompanies(testDb, { q: hidden }))).toEqual([]);
    // A translation of the description is found too (the author's Ukrainian for the Japanese).
    const smallId = (await testDb.company.findFirstOrThrow({ where: { legalNameEn: small } })).id;
    await testDb.textTranslation.create({ data: {
      subject: 'COMPANY', subjectId: smallId, field: 'description', locale: 'uk', text: `Установки очищення води ${tag}`, origin: 'AUTHOR', sourceDigest: '0'.repeat(64),
    } });
    expect(names(await listPublicCompanies(testDb, { q: `очищення води ${tag}` }))).toEqual([small]);
  });

  it('can answer the search from the trigram index (the expression is the index’s)', async () => {
    // The company's own lookup, as companySearchWhere writes it: its expression must stay the
    // same in the query and the migration. (The whole query's plan depends on what other test
    // files left in the shared database, so the lookup is explained alone.)
    expect(companySearchWhere(companySearchSchema.parse({ q: 'generator' })).sql).toContain(COMPANY_SEARCH_TEXT.sql);
    const plan = await testDb.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ 'QUERY PLAN': string }[]>`EXPLAIN SELECT c.id FROM "Company" c WHERE ${COMPANY_SEARCH_TEXT} ILIKE ${'%generator%'}`;
    });
    const text = plan.map((row) => row['QUERY PLAN']).join('\n');
    expect(text, text).toContain('Company_search_trgm_idx');
  });

  it('takes the search term literally (% and _ are not wildcards)', async () => {
    expect(names(await listPublicCompanies(testDb, { q: `100%_${tag}` }))).toEqual([large]);
    expect(names(await listPublicCompanies(testDb, { q: `1_0%${tag}` }))).toEqual([]);
  });

  it('filters by sector, size class, risk appetite and experience', async () => {
    expect(names(await listPublicCompanies(testDb, { q: tag, sector: 'WATER_SANITATION' }))).toEqual([large, small].sort());
    expect(names(await listPublicCompanies(testDb, { q: tag, sector: 'ENERGY' }))).toEqual([large, wholesale].sort());
    expect(names(await listPublicCompanies(testDb, { q: tag, size: 'SME' }))).toEqual([services, small].sort());
    expect(names(await listPublicCompanies(testDb, { q: tag, size: 'LARGE' }))).toEqual([large, wholesale].sort());
    expect(names(await listPublicCompanies(testDb, { q: tag, risk: 'ACTIVE_HOSTILITIES' }))).toEqual([small]);
    expect(names(await listPublicCompanies(testDb, { q: tag, experience: 'POST_CONFLICT' }))).toEqual([small]);
    expect(names(await listPublicCompanies(testDb, { q: tag, experience: 'DISASTER' }))).toEqual([large]);
  });

  it('agrees with the SME test of lib/companies/sme.ts on every listed company', async () => {
    const smes = await listPublicCompanies(testDb, { q: tag, size: 'SME' });
    expect(smes.items.every((item) => item.isSme)).toBe(true);
    const larges = await listPublicCompanies(testDb, { q: tag, size: 'LARGE' });
    expect(larges.items.every((item) => !item.isSme)).toBe(true);
  });

  it('ignores filter values that do not parse, and pages the result', async () => {
    expect(names(await listPublicCompanies(testDb, { q: tag, sector: 'NOPE', size: 'HUGE', prefecture: '99', risk: 1 }))).toHaveLength(4);
    // A search with a NUL (PostgreSQL refuses it in text) or too long is no search, not an error.
    // (Compared with the same filters and no search: the shared test database holds other files' companies.)
    const filters = { sector: 'WATER_SANITATION', size: 'SME', risk: 'ACTIVE_HOSTILITIES' } as const;
    const unsearched = await listPublicCompanies(testDb, filters);
    expect(unsearched.total).toBeGreaterThan(0);
    expect((await listPublicCompanies(testDb, { q: `${tag}\u0000`, ...filters })).total).toBe(unsearched.total);
    expect((await listPublicCompanies(testDb, { q: 'x'.repeat(101) })).total).toBeGreaterThan(0);
    const page = await listPublicCompanies(testDb, { q: tag, page: 2 });
    expect(page).toMatchObject({ items: [], total: 4, page: 2, pageCount: 1 });
  });
});

describe('company description', () => {
  it('reads in the reader’s language when the author translated it, with the original kept', async () => {
    const described = await createCompany(testDb, { verificationStatus: 'VERIFIED', description: '非常用発電機を製造しています。', descriptionLanguage: 'ja' });
    const user = await createUser(testDb, { role: 'COMPANY_REP', companyId: described.id });
    const member = actor('COMPANY_REP', { companyId: described.id, userId: user.id });
    const saved = await saveTranslation(testDb, member, {
      subject: 'COMPANY', subjectId: described.id, field: 'description', locale: 'uk', translation: 'Виробляємо аварійні генератори.', expectedVersion: null,
    }, { ip: null });
    expect(saved).toBeTruthy();
    const page = await getCompanyPage(testDb, null, described.id, 'uk');
    expect(page.description).toEqual({
      text: 'Виробляємо аварійні генератори.', language: 'uk',
      original: { text: '非常用発電機を製造しています。', language: 'ja' },
      translation: { origin: 'AUTHOR', provider: null, outdated: false },
    });
    expect((await getCompanyPage(testDb, null, described.id, 'en')).description).toMatchObject({ text: '非常用発電機を製造しています。', language: 'ja', translation: null });
  });

  it('may be translated by its own people and staff, not by another company', async () => {
    const described = await createCompany(testDb, { verificationStatus: 'VERIFIED', description: 'Water pumps.', descriptionLanguage: 'en' });
    const input = { subject: 'COMPANY', subjectId: described.id, field: 'description', locale: 'ja', translation: 'ポンプ。', expectedVersion: null };
    await expect(saveTranslation(testDb, actor('COMPANY_REP', { companyId: otherCompany.id }), input, { ip: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(saveTranslation(testDb, introduced, input, { ip: null })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await testDb.textTranslation.count({ where: { subjectId: described.id } })).toBe(0);
  });

  it('of a verified company waits in the facilitators’ queue until translated, linked to its page', async () => {
    const described = await createCompany(testDb, { verificationStatus: 'VERIFIED', description: `Bridges ${uniqueSuffix()}`, descriptionLanguage: 'en' });
    const unverified = await createCompany(testDb, { description: `Tunnels ${uniqueSuffix()}`, descriptionLanguage: 'en' });
    const facilitator = await createUser(testDb, { role: 'FACILITATOR' });
    const queued = async (companyId: string) => {
      const items = [];
      for (let page = 1; ; page += 1) {
        const found = await listTranslationQueue(testDb, actor('FACILITATOR', { userId: facilitator.id }), { page, into: 'ja' });
        items.push(...found.items.filter((item) => item.subjectId === companyId));
        if (page >= found.pageCount) return items;
      }
    };
    expect(await queued(described.id)).toEqual([expect.objectContaining({ subject: 'COMPANY', field: 'description', locale: 'ja', link: `/companies/${described.id}` })]);
    expect(await queued(unverified.id)).toEqual([]);
  });
});
