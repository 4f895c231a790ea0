import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../lib/actions/run';
import { operationOf } from '../../lib/actions/registry';
import { listInterestsForNeed } from '../../lib/interests/need-interests';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { getCurrentPolicy, rerankCompany, rerankNeed } from '../../lib/match-store';
import { summariseRelevance, type PolicyPreview } from '../../lib/match-store/policy-preview';
import { listNeedMapPoints, listPublicNeeds, MAP_NEEDS_PER_HROMADA, publicNeedFilterSchema } from '../../lib/needs/public-needs';
import { countOpenNeedsByHromada, countOpenNeedsByOblast } from '../../lib/needs/open-need-counts';
import type { OpenNeedCountsPayload } from '../../lib/needs/open-need-counts-payload';
import { NextRequest } from 'next/server';
import { GET } from '../../app/api/map/open-need-counts/route';
import { GET as GET_MAP_NEEDS } from '../../app/api/map/needs/route';
import { readNeedsMapPayload } from '../../lib/needs/needs-map-payload';
import { digestOriginal } from '../../lib/content/digest';
import { GET as GET_PICTURE } from '../../app/api/map/open-need-counts/picture/route';
import { statusDiscsPath } from '../../components/maps/map-picture';
import { translatorFor } from '../../lib/i18n/translator';
import { listHromadaStatuses } from '../../lib/reference/map-outline';
import { getDashboard } from '../../lib/platform/dashboard';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { createMatch } from '../factories/match';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { dataFingerprint } from './data-fingerprint';
import type { SectorCode } from '../../lib/generated/prisma/enums';
import { testDb as db } from './test-db';
import { toEur } from '../../lib/matching/currency';

// What the journeys' pages read: the needs browser's filters and map, interest lists by owner,
// the policy preview and the dashboard.

let world: AccessWorld;
beforeAll(async () => {
  world = await createAccessWorld(db);
});
afterAll(async () => {
  await stopQueueClient();
});

describe('browsing needs', () => {
  it('filters by oblast, hostility status, stage and a budget ceiling compared in euros', async () => {
    const hromada = await pickFreeHromada(db, { hostilityStatus: 'POSSIBLE_HOSTILITIES' });
    const site = await db.hromada.findUniqueOrThrow({ where: { code: hromada.code } });
    const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
    const cheapUah = await createNeed(db, municipality, { stage: 'RECONSTRUCTION', budgetAmount: '2000000', budgetCurrency: 'UAH' });
    const dearEur = await createNeed(db, municipality, { stage: 'RECONSTRUCTION', budgetAmount: '900000', budgetCurrency: 'EUR' });
    const recovery = await createNeed(db, municipality, { stage: 'RAPID_RECOVERY' });

    const filter = { oblast: site.oblastCode, hostility: 'POSSIBLE_HOSTILITIES', stage: 'RECONSTRUCTION', maxBudgetEur: '100000' };
    const titles = (await listPublicNeeds(db, filter)).items.map((need) => need.title);
    // 2,000,000 UAH is about 67,100 EUR at the reference rate (NBU, 2022-07-21): under the ceiling; 900,000 EUR is not.
    expect(titles).toContain(cheapUah.title);
    expect(titles).not.toContain(dearEur.title);
    expect(titles).not.toContain(recovery.title);

    const points = await listNeedMapPoints(db, { oblast: site.oblastCode, hostility: 'POSSIBLE_HOSTILITIES' });
    expect(points.find((point) => point.code === hromada.code)).toMatchObject({ openNeeds: 3, hostilityStatus: 'POSSIBLE_HOSTILITIES' });
  });

  it('compares at the same dated rates the ranking and the page use (lib/matching/currency.ts)', async () => {
    const hromada = await pickFreeHromada(db, { hostilityStatus: 'POSSIBLE_HOSTILITIES' });
    const site = await db.hromada.findUniqueOrThrow({ where: { code: hromada.code } });
    const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
    // Just under 100,000 euros at the committed 51.03685457 hryvnias per euro.
    const need = await createNeed(db, municipality, { budgetAmount: '5103685.45', budgetCurrency: 'UAH' });
    expect(toEur(5_103_685.45, 'UAH')).toBeCloseTo(99_999.99991, 4);
    const titles = async (maxBudgetEur: string) => (await listPublicNeeds(db, { oblast: site.oblastCode, hostility: 'POSSIBLE_HOSTILITIES', maxBudgetEur })).items.map((n) => n.title);
    expect(await titles('100000')).toContain(need.title);
    expect(await titles('99999')).not.toContain(need.title);
  });

  it('gives the map each hromada with its open needs counted and the most urgent listed for its popup', async () => {
    // Any status but NONE: only a handful of hromadas are under active hostilities on a given day,
    // and the whole suite's unfiltered picks may have claimed them all.
    const hromada = await pickFreeHromada(db, { hostilityStatus: { not: 'NONE' } });
    const { hostilityStatus } = await db.hromada.findUniqueOrThrow({ where: { code: hromada.code }, select: { hostilityStatus: true } });
    const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
    const critical = await createNeed(db, municipality, { urgency: 'CRITICAL', sector: 'HEALTH' });
    for (let i = 0; i < MAP_NEEDS_PER_HROMADA + 1; i++) await createNeed(db, municipality, { urgency: 'LOW', sector: 'HEALTH' });
    const draft = await createNeed(db, municipality, { status: 'DRAFT', publishedAt: null, sector: 'HEALTH' });

    const point = (await listNeedMapPoints(db, { sector: 'HEALTH' })).find((p) => p.code === hromada.code);
    expect(point).toMatchObject({ openNeeds: MAP_NEEDS_PER_HROMADA + 2, hostilityStatus });
    expect(point!.needs).toHaveLength(MAP_NEEDS_PER_HROMADA);
    expect(point!.needs[0]).toEqual({ id: critical.id, title: critical.title, language: critical.language });
    expect(point!.needs.map((need) => need.id)).not.toContain(draft.id);
    // Another sector's filter leaves the hromada off the map.
    expect((await listNeedMapPoints(db, { sector: 'ENERGY' })).map((p) => p.code)).not.toContain(hromada.code);

    const statuses = await listHromadaStatuses(db);
    expect(statuses[hromada.code]).toBe(hostilityStatus);
    expect(Object.values(statuses)).not.toContain('NONE');
  });

  it("gives the interactive map its hromadas in the reader's language, with the page's filters, from its data route", async () => {
    const hromada = await pickFreeHromada(db, { hostilityStatus: 'POSSIBLE_HOSTILITIES' });
    const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
    const critical = await createNeed(db, municipality, { urgency: 'CRITICAL', sector: 'WATER_SANITATION', language: 'en' });
    for (let i = 0; i < MAP_NEEDS_PER_HROMADA; i++) await createNeed(db, municipality, { urgency: 'LOW', sector: 'WATER_SANITATION', language: 'en' });
    await db.textTranslation.create({ data: {
      subject: 'NEED', subjectId: critical.id, field: 'title', locale: 'uk', text: 'Насоси для водогону', origin: 'AUTHOR', sourceDigest: digestOriginal(critical.title),
    } });

    const payload = await readNeedsMapPayload(db, { sector: 'WATER_SANITATION' }, 'uk');
    const onMap = payload.hromadas.find((h) => h.code === hromada.code);
    expect(onMap).toMatchObject({ status: 'POSSIBLE_HOSTILITIES', openNeedsLabel: '6 відкритих потреб', moreLabel: 'Ще 1 потреба — у списку' });
    expect(onMap!.needs).toHaveLength(MAP_NEEDS_PER_HROMADA);
    // The most urgent first, in Ukrainian, marked as the author's translation from English.
    expect(onMap!.needs[0]).toEqual({ id: critical.id, title: 'Насоси для водогону', lang: 'uk', marker: 'Переклад автора з англійської' });
    expect(onMap!.needs[1]).toMatchObject({ lang: 'en', marker: 'Ще не перекладено — написано англійською' });
    expect(payload.statuses.POSSIBLE_HOSTILITIES).toContain(hromada.code);
    // On the page's points for the same filter too (the picture and the oblast table); other test
    // files add needs meanwhile, so the two reads are not compared whole.
    expect((await listNeedMapPoints(db, { sector: 'WATER_SANITATION' })).map((p) => p.code)).toContain(hromada.code);

    const get = (query: string) => GET_MAP_NEEDS(new NextRequest(`http://localhost/api/map/needs?${query}`));
    const filtered = await get('locale=en&sector=WATER_SANITATION');
    expect(filtered.status).toBe(200);
    expect(filtered.headers.get('cache-control')).toContain('no-store');
    const read = (await filtered.json()) as typeof payload;
    expect(read.hromadas.find((h) => h.code === hromada.code)?.needs[0]).toMatchObject({ id: critical.id, title: critical.title, marker: null });
    expect((await (await get('locale=en&sector=ENERGY')).json() as typeof payload).hromadas.map((h) => h.code)).not.toContain(hromada.code);
    // No language, or one the site does not speak: refused, not answered in a default one.
    expect((await get('sector=WATER_SANITATION')).status).toBe(422);
    expect((await get('locale=de')).status).toBe(422);
    expect((await get('locale=en&sector=%00')).status).toBe(400);
  });

  it('gives the dashboard the map\'s counts per hromada and oblast, without need titles', async () => {
    const hromada = await pickFreeHromada(db, { hostilityStatus: 'POSSIBLE_HOSTILITIES' });
    const site = await db.hromada.findUniqueOrThrow({ where: { code: hromada.code } });
    const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
    for (let i = 0; i < MAP_NEEDS_PER_HROMADA + 2; i++) await createNeed(db, municipality, { urgency: 'LOW' });
    await createNeed(db, municipality, { status: 'DRAFT', publishedAt: null });
    // Needs of a municipality not verified yet are not public: neither the map nor the counts show them.
    const unverifiedSite = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
    await createNeed(db, await createMunicipality(db, unverifiedSite.code, { verificationStatus: 'UNVERIFIED' }));

    const counts = await countOpenNeedsByHromada(db);
    const points = await listNeedMapPoints(db, {});
    // The same hromadas, with the same counts, as the public map's points.
    const byCode = (a: { code: string }, b: { code: string }) => a.code.localeCompare(b.code);
    expect(counts.hromadas.map((point) => ({ ...point, oblastCode: undefined })).sort(byCode)).toEqual(points.map((point) => ({ ...point, needs: [], oblastCode: undefined })).sort(byCode));
    expect(counts.hromadas.every((point) => point.needs.length === 0)).toBe(true);
    expect(counts.hromadas.find((point) => point.code === hromada.code)).toMatchObject({ openNeeds: MAP_NEEDS_PER_HROMADA + 2, oblastCode: site.oblastCode });
    expect(counts.hromadas.map((point) => point.code)).not.toContain(unverifiedSite.code);
    // Each oblast sums its hromadas; together they hold every public open need once.
    const oblast = counts.oblasts.find((row) => row.code === site.oblastCode)!;
    const inOblast = counts.hromadas.filter((point) => point.oblastCode === site.oblastCode);
    expect(oblast).toMatchObject({ hromadas: inOblast.length, openNeeds: inOblast.reduce((sum, point) => sum + point.openNeeds, 0) });
    expect(counts.oblasts.reduce((sum, row) => sum + row.openNeeds, 0)).toBe(points.reduce((sum, point) => sum + point.openNeeds, 0));
    expect(counts.oblasts.map((row) => row.openNeeds)).toEqual([...counts.oblasts.map((row) => row.openNeeds)].sort((a, b) => b - a));
    // The dashboard's own read, summed in the database: the same oblasts in the same order, and
    // the hromadas with open needs per hostility status that its legend counts.
    const sums = await countOpenNeedsByOblast(db);
    expect(sums.oblasts).toEqual(counts.oblasts);
    const legend: Record<string, number> = {};
    for (const point of counts.hromadas) legend[point.hostilityStatus] = (legend[point.hostilityStatus] ?? 0) + 1;
    expect(sums.hromadasByStatus).toEqual(legend);
    expect(sums.hromadasByStatus.POSSIBLE_HOSTILITIES).toBeGreaterThan(0);

    // The dashboard's interactive map reads the same hromadas from its route, with the statuses
    // that colour the others, and the browser may keep the answer (public data).
    const response = await GET(new NextRequest('http://localhost/api/map/open-need-counts'));
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=60');
    const payload = (await response.json()) as OpenNeedCountsPayload;
    expect(payload.hromadas.map((point) => [point.code, point.openNeeds, point.status, point.oblastCode]))
      .toEqual(counts.hromadas.map((point) => [point.code, point.openNeeds, point.hostilityStatus, point.oblastCode]));
    expect(payload.hromadas.find((point) => point.code === hromada.code)).toMatchObject({ nameUk: site.nameUk, nameEn: site.nameEn, latitude: expect.closeTo(site.latitude, 4), longitude: expect.closeTo(site.longitude, 4) });
    const statuses = await listHromadaStatuses(db);
    expect(Object.fromEntries(Object.entries(payload.statuses).flatMap(([status, codes]) => codes.map((code) => [code, status])))).toEqual(statuses);
    expect((await GET(new NextRequest('http://localhost/api/map/open-need-counts?x=%00'))).status).toBe(400);

    // And the picture shown until the interactive map is ready: a disc path per status, holding
    // that status's hromadas with their counts, titled in the reader's language.
    const picture = await GET_PICTURE(new NextRequest('http://localhost/api/map/open-need-counts/picture?locale=ja'));
    expect(picture.status).toBe(200);
    expect(picture.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
    expect(picture.headers.get('cache-control')).toBe('public, max-age=60');
    const svg = await picture.text();
    expect(svg).toContain(`<title>${translatorFor('ja').t('dashboard.mapTitle')}</title>`);
    const perStatus = new Map<string, number>();
    for (const point of counts.hromadas) perStatus.set(point.hostilityStatus, (perStatus.get(point.hostilityStatus) ?? 0) + 1);
    expect(perStatus.get('POSSIBLE_HOSTILITIES')).toBeGreaterThan(0);
    for (const [status, hromadas] of perStatus) {
      expect(svg).toContain(`data-status="${status}" data-hromadas="${hromadas}"`);
      expect(svg).toContain(`d="${statusDiscsPath(counts.hromadas, status as never)}"`);
    }
    const other = await (await GET_PICTURE(new NextRequest('http://localhost/api/map/open-need-counts/picture?locale=xx'))).text();
    expect(other).toContain(`<title>${translatorFor('en').t('dashboard.mapTitle')}</title>`);
  });

  it('ignores malformed filters instead of failing', () => {
    expect(publicNeedFilterSchema.parse({ sector: 'x', oblast: 'UA1', hostility: 'BAD', maxBudgetEur: '-5', page: 'two' })).toEqual({ page: 1 });
  });
});

describe('interest lists', () => {
  it('are for the owning municipality and staff; staff also get the match to open', async () => {
    const need = await createNeed(db, world.municipality);
    await db.interest.create({ data: { companyId: world.company.id, needId: need.id, direction: 'COMPANY_INTEREST', note: 'We can help.' } });
    const match = await createMatch(db, world.company.id, need.id);

    const owner = await listInterestsForNeed(db, world.municipalityRep.actor, need.id);
    expect(owner).toHaveLength(1);
    expect(owner[0]).toMatchObject({ note: 'We can help.', matchId: null });
    expect((await listInterestsForNeed(db, world.facilitator.actor, need.id))[0].matchId).toBe(match.id);

    for (const outsider of [world.otherMunicipalityRep.actor, world.companyRep.actor]) {
      await expect(listInterestsForNeed(db, outsider, need.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    await expect(listInterestsForNeed(db, null, need.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('policy preview', () => {
  it('ranks one need under the proposed weights next to the current ones, and writes nothing', async () => {
    // A site off the hostilities list, so the security constraint excludes nobody.
    const calm = await createMunicipality(db, (await pickFreeHromada(db, { hostilityStatus: 'NONE' })).code, { verificationStatus: 'VERIFIED' });
    // The preview shows ten companies, and other test files (the demo world among them) leave
    // verified companies behind: rank in the sector that has fewest, so both of ours are shown.
    const [{ sector, companies }] = await db.$queryRaw<{ sector: SectorCode; companies: number }[]>`
      SELECT s AS sector, count(c.id)::int AS companies
      FROM unnest(enum_range(NULL::"SectorCode")) AS s
      LEFT JOIN "Company" c ON s = ANY (c.sectors) AND c."verificationStatus" = 'VERIFIED'
      GROUP BY s ORDER BY companies, s LIMIT 1`;
    expect(companies, `verified companies already in ${sector}`).toBeLessThanOrEqual(8);
    const need = await createNeed(db, calm, { sector, requiredCapabilities: ['WATER_PURIFICATION'] });
    const skilled = await createCompany(db, { verificationStatus: 'VERIFIED', sectors: [sector], capabilities: ['WATER_PURIFICATION'], prefectureCode: '13' });
    const nearby = await createCompany(db, { verificationStatus: 'VERIFIED', sectors: [sector], capabilities: [], prefectureCode: '27' });
    // Re-ranking a company first records its match profile, which candidate searches read.
    await rerankCompany(db, skilled.id);
    await rerankCompany(db, nearby.id);
    await rerankNeed(db, need.id);
    const policy = await getCurrentPolicy(db);
    const before = await dataFingerprint(db);

    // All weight on Kansai: the Osaka company without the capability now ranks above the Tokyo one with it.
    const weights = { capability: 0, security: 0, integrity: 0, stage: 0, scale: 0, kansai: 100, sisterCity: 0, experience: 0, reciprocal: 0 };
    // …with the capability constraint off, since the Osaka company offers none of the required ones.
    const hardConstraints = { ...policy.hardConstraints, capability: false };
    const result = await runAction(db, 'previewMatchingPolicy', operationOf('previewMatchingPolicy'), world.facilitator.actor, { needId: need.id, weights, hardConstraints }, { ip: null });
    expect(result.ok).toBe(true);
    const preview = (result as { data: { currentVersion: number; current: { companyId: string; rank: number }[]; proposed: { companyId: string; rank: number; score: number }[] } }).data;
    expect(preview.currentVersion).toBe(policy.version);
    const rank = (list: { companyId: string; rank: number }[], id: string) => list.find((row) => row.companyId === id)?.rank ?? Infinity;
    // Under the policy in force the Osaka company is not recommended at all.
    expect(rank(preview.current, skilled.id)).toBe(1);
    expect(rank(preview.current, nearby.id)).toBe(Infinity);
    expect(rank(preview.proposed, nearby.id)).toBeLessThan(rank(preview.proposed, skilled.id));
    expect(preview.proposed.find((row) => row.companyId === nearby.id)?.score).toBe(100);
    // And both policies measured on the judged set: all weight on Kansai ranks it worse.
    const { relevance } = (result as { data: PolicyPreview }).data;
    expect(relevance.current).toEqual(summariseRelevance(policy));
    expect(relevance.proposed).toEqual(summariseRelevance({ weights, hardConstraints }));
    expect(relevance.current.pairs).toBeGreaterThanOrEqual(60);
    expect(relevance.proposed.ndcgAt10).toBeLessThan(relevance.current.ndcgAt10);
    expect(await dataFingerprint(db)).toEqual(before);

    const refused = await runAction(db, 'previewMatchingPolicy', operationOf('previewMatchingPolicy'), world.facilitator.actor, { needId: need.id, weights: { ...weights, kansai: 90 }, hardConstraints: policy.hardConstraints }, { ip: null });
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});

describe('dashboard', () => {
  it('counts supply and demand per sector and the pipeline, for staff only', async () => {
    const before = await getDashboard(db, world.facilitator.actor);
    const energy = (d: typeof before) => d.bySector.find((row) => row.sector === 'ENERGY')!;
    await createNeed(db, world.municipality, { sector: 'ENERGY' });
    await createMatch(db, world.otherCompany.id, (await createNeed(db, world.municipality)).id, { status: 'INTRODUCED' });
    const after = await getDashboard(db, world.admin.actor);
    expect(energy(after).openNeeds).toBe(energy(before).openNeeds + 2);
    expect(after.pipeline.find((stage) => stage.status === 'INTRODUCED')!.count).toBe(before.pipeline.find((stage) => stage.status === 'INTRODUCED')!.count + 1);
    await expect(getDashboard(db, world.companyRep.actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getDashboard(db, world.municipalityRep.actor)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
