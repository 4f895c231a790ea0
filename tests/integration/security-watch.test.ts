import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import { createScratchDatabase, type ScratchDatabase } from '../../lib/database/scratch';
import { createDb, type Db } from '../../lib/db';
import { isAppError } from '../../lib/errors';
import { getListInForce } from '../../lib/hostility-list/list-in-force';
import { rollStatusesForward } from '../../lib/hostility-list/roll-forward';
import { isoDay, kyivDay } from '../../lib/hostility-list/calendar';
import { applyHostilityList, previewHostilityList } from '../../lib/hostility-list/load-edition';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { Prisma } from '../../lib/generated/prisma/client';
import { syncCompanyProfiles } from '../../lib/match-store/profiles';
import { getSecurityWatch, WATCH_PAGE_SIZE } from '../../lib/security-watch/company-watch';
import { getLatentPipeline } from '../../lib/security-watch/latent-pipeline';
import { toEur } from '../../lib/matching/currency';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';

// The security watch on a database of its own: it moves the list's calendar, which the other
// test files read. A need in a hromada listed with possible hostilities until a known day; a
// company that accepts no hostilities, one that waits for a ceasefire, one that accepts them.

const DAY = 86_400_000;
const LAST_DAY = new Date('2027-03-31T00:00:00Z');
const NEXT_DAY = new Date(LAST_DAY.getTime() + DAY);
const noon = (day: Date) => new Date(day.getTime() + 12 * 3_600_000);

let scratch: ScratchDatabase;
let db: Db;
let needId: string;
let cautious: Actor;
let waiting: Actor;
let bold: Actor;
let facilitator: Actor;
let orderNumber: string;
let municipalityId: string;

const actorOf = (user: { id: string; role: Actor['role']; companyId: string | null; municipalityId: string | null }): Actor =>
  ({ userId: user.id, role: user.role, companyId: user.companyId, municipalityId: user.municipalityId });

beforeAll(async () => {
  scratch = await createScratchDatabase('kakehashi_security_watch');
  const { prepareDatabase } = await import('../../lib/database/prepare');
  await prepareDatabase(scratch.url);
  db = createDb(scratch.url, 3);
  const hromada = await pickFreeHromada(db, { hostilityPeriods: { none: {} } });
  const list = (await getListInForce(db))!;
  orderNumber = list.orderNumber;
  await db.hostilityPeriod.create({
    data: {
      hromadaCode: hromada.code, territoryCode: hromada.code, territoryLevel: 'HROMADA', territoryName: hromada.nameEn,
      status: 'POSSIBLE_HOSTILITIES', startDate: new Date('2026-02-01T00:00:00Z'), endDate: LAST_DAY, editionId: list.id,
    },
  });
  const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED', verifiedAt: new Date() });
  municipalityId = municipality.id;
  needId = (await createNeed(db, municipality, { budgetAmount: '250000', budgetCurrency: 'EUR' })).id;
  const company = (riskAppetite: 'NO_HOSTILITIES' | 'AFTER_CEASEFIRE_ONLY' | 'POSSIBLE_HOSTILITIES') =>
    createCompany(db, { verificationStatus: 'VERIFIED', verifiedAt: new Date(), riskAppetite, deliveryModes: ['ON_SITE'] });
  const [a, b, c] = [await company('NO_HOSTILITIES'), await company('AFTER_CEASEFIRE_ONLY'), await company('POSSIBLE_HOSTILITIES')];
  cautious = actorOf(await createUser(db, { role: 'COMPANY_REP', companyId: a.id }));
  waiting = actorOf(await createUser(db, { role: 'COMPANY_REP', companyId: b.id }));
  bold = actorOf(await createUser(db, { role: 'COMPANY_REP', companyId: c.id }));
  facilitator = actorOf(await createUser(db, { role: 'FACILITATOR' }));
  await syncCompanyProfiles(db, Prisma.sql`true`);
  await rollStatusesForward(db, LAST_DAY);
}, 180_000);

afterAll(async () => {
  await stopQueueClient();
  await db?.$disconnect();
  await scratch?.drop();
});

describe('the security watch', () => {
  it('is shown a page at a time, best first: the pages together are the whole watch, a page past the last shows the last', async () => {
    // Five more needs on the same listed site, budgets apart so that they score differently.
    const municipality = await db.municipality.findUniqueOrThrow({ where: { id: municipalityId } });
    const more = [];
    for (const budget of ['1000', '50000', '120000', '400000', '900000']) more.push((await createNeed(db, municipality, { budgetAmount: budget, budgetCurrency: 'EUR' })).id);
    try {
      const all = await getSecurityWatch(db, cautious, noon(LAST_DAY));
      expect(all.needs.map((n) => n.needId)).toEqual(expect.arrayContaining([needId, ...more]));
      expect(all).toMatchObject({ total: all.needs.length, page: 1, pageCount: 1 });
      const pageSize = 2;
      const pages = [];
      for (let page = 1; page <= Math.ceil(all.total / pageSize); page++) {
        const shown = await getSecurityWatch(db, cautious, noon(LAST_DAY), { page, pageSize });
        expect(shown).toMatchObject({ eligible: true, total: all.total, page, pageCount: Math.ceil(all.total / pageSize) });
        expect(shown.needs.length).toBeLessThanOrEqual(pageSize);
        pages.push(...shown.needs);
      }
      // Same needs, same order, each with its title, hromada and obstacle as on the single list.
      expect(pages).toEqual(all.needs);
      const past = await getSecurityWatch(db, cautious, noon(LAST_DAY), { page: 99, pageSize });
      expect(past.page).toBe(past.pageCount);
      expect(past.needs).toEqual(all.needs.slice((past.pageCount - 1) * pageSize));
      // The page's own size, when none is given.
      expect((await getSecurityWatch(db, cautious, noon(LAST_DAY), { page: 1 })).needs).toEqual(all.needs.slice(0, WATCH_PAGE_SIZE));
    } finally {
      await db.need.deleteMany({ where: { id: { in: more } } });
    }
  });

  it('lists the need with what stands in the way while the period lasts, and not once it has ended', async () => {
    for (const actor of [cautious, waiting]) {
      const watch = await getSecurityWatch(db, actor, noon(LAST_DAY));
      const watched = watch.needs.find((n) => n.needId === needId);
      expect(watched, actor.companyId!).toMatchObject({
        reason: { code: actor === cautious ? 'BEYOND_RISK_APPETITE' : 'WAITS_FOR_CEASEFIRE' },
        obstacle: { status: 'POSSIBLE_HOSTILITIES', since: '2026-02-01', until: '2027-03-31', edition: { orderNumber } },
      });
    }
    // A company whose appetite the site is within already matches: nothing to watch.
    expect((await getSecurityWatch(db, bold, noon(LAST_DAY))).needs.map((n) => n.needId)).not.toContain(needId);
    expect(await db.notice.count({ where: { kind: 'securityWatchNeedFits', needId } })).toBe(0);

    // The period's last day passes: the need fits both, and each is told once, however often the roll runs.
    await rollStatusesForward(db, NEXT_DAY);
    await rollStatusesForward(db, NEXT_DAY);
    expect((await getSecurityWatch(db, cautious, noon(NEXT_DAY))).needs.map((n) => n.needId)).not.toContain(needId);
    const notices = await db.notice.findMany({ where: { kind: 'securityWatchNeedFits', needId }, select: { userId: true, dedupeKey: true, params: true, link: true } });
    expect(notices.map((n) => n.userId).sort()).toEqual([cautious.userId, waiting.userId].sort());
    expect(notices[0]).toMatchObject({ link: `/needs/${needId}`, params: { before: 'POSSIBLE_HOSTILITIES', after: 'NONE', day: '2027-04-01' } });
    // With the match's reasons, as the engine gives them now.
    expect((notices[0].params as { reasons: { code: string }[] }).reasons.length).toBeGreaterThan(0);
    expect(await db.outboxEmail.count({ where: { kind: 'notice:securityWatchNeedFits' } })).toBe(2);
  });

  it('is for companies; the latent pipeline is for facilitators', async () => {
    const refused = async (promise: Promise<unknown>) => promise.then(() => 'allowed', (e: unknown) => (isAppError(e) ? e.code : 'thrown'));
    expect(await refused(getSecurityWatch(db, facilitator))).toBe('FORBIDDEN');
    expect(await refused(getSecurityWatch(db, null))).toBe('UNAUTHENTICATED');
    expect(await refused(getLatentPipeline(db, cautious))).toBe('FORBIDDEN');
  });
});

describe('the latent pipeline', () => {
  it('counts a need that only security keeps from every company, with its budget in EUR, by sector and oblast', async () => {
    const hromada = await pickFreeHromada(db, { hostilityPeriods: { none: {} } });
    const list = (await getListInForce(db))!;
    await db.hostilityPeriod.create({
      data: {
        hromadaCode: hromada.code, territoryCode: hromada.code, territoryLevel: 'HROMADA', territoryName: hromada.nameEn,
        status: 'ACTIVE_HOSTILITIES', startDate: new Date('2026-02-01T00:00:00Z'), endDate: null, editionId: list.id,
      },
    });
    const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED', verifiedAt: new Date() });
    const need = await createNeed(db, municipality, { sector: 'ENERGY', budgetAmount: '1000000', budgetCurrency: 'USD' });
    const before = await getLatentPipeline(db, facilitator, noon(NEXT_DAY));
    expect(before.needs).toBe(1);
    // At the project's reference rates (lib/matching/currency.ts), as the engine compares budgets.
    const eur = Math.round(toEur(1_000_000, 'USD'));
    expect(before).toMatchObject({ budgetEur: eur, bySector: [{ sector: 'ENERGY', needs: 1, budgetEur: eur }] });
    expect(before.byOblast).toHaveLength(1);
    expect(before.companiesWaiting).toBe(3);
    // Once a company accepts active hostilities, the need is matched: no longer latent.
    await createCompany(db, { verificationStatus: 'VERIFIED', verifiedAt: new Date(), riskAppetite: 'ACTIVE_HOSTILITIES', deliveryModes: ['ON_SITE'] });
    await syncCompanyProfiles(db, Prisma.sql`true`);
    expect((await getLatentPipeline(db, facilitator, noon(NEXT_DAY))).needs).toBe(0);
    expect(need.id).toBeTruthy();
  });
});

describe('a new order of the list', () => {
  it('tells each company that security alone kept from a need, once, when an order ends the period', async () => {
    const admin = actorOf(await createUser(db, { role: 'ADMIN' }));
    const hromada = await pickFreeHromada(db, { hostilityPeriods: { none: {} } });
    const list = (await getListInForce(db))!;
    const start = '2026-03-01';
    await db.hostilityPeriod.create({
      data: {
        hromadaCode: hromada.code, territoryCode: hromada.code, territoryLevel: 'HROMADA', territoryName: hromada.nameEn,
        status: 'POSSIBLE_HOSTILITIES', startDate: new Date(`${start}T00:00:00Z`), endDate: null, editionId: list.id,
      },
    });
    const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED', verifiedAt: new Date() });
    const need = await createNeed(db, municipality);
    // The list as of today (the order is applied today).
    await rollStatusesForward(db, kyivDay());
    const yesterday = isoDay(new Date(kyivDay().getTime() - DAY));
    const order = {
      kind: 'AMENDMENT', orderNumber: '777', orderDate: isoDay(kyivDay()), source: 'security watch test',
      hostilityTable: [
        'hromada_code,territory_code,territory_level,territory_name,status,start_date,end_date',
        [hromada.code, hromada.code, 'HROMADA', hromada.nameEn, 'POSSIBLE_HOSTILITIES', start, yesterday].join(','),
      ].join('\n'),
    };
    const preview = await previewHostilityList(db, admin, order);
    expect(preview.changes.map((c) => c.code)).toContain(hromada.code);
    // A preview is rolled back: nobody is told of an order not applied.
    expect(await db.notice.count({ where: { kind: 'securityWatchNeedFits', needId: need.id } })).toBe(0);
    await applyHostilityList(db, admin, { ...order, checksum: preview.checksum });
    const notices = await db.notice.findMany({ where: { kind: 'securityWatchNeedFits', needId: need.id }, select: { userId: true, params: true } });
    // The companies within their appetite already matched: only the two security kept away are told.
    expect(notices.map((n) => n.userId).sort()).toEqual([cautious.userId, waiting.userId].sort());
    expect(notices[0].params).toMatchObject({ orderNumber: '777', before: 'POSSIBLE_HOSTILITIES', after: 'NONE' });
  });
});
