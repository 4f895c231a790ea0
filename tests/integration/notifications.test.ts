import { NextRequest } from 'next/server';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startJobQueue } from '../../lib/jobs/queue';
import { drainMatchingJobs } from '../../lib/match-store/worker';
import { validNeed } from '../factories/valid-inputs';
import { operationOf, type ActionName } from '../../lib/actions/registry';
import { runAction } from '../../lib/actions/run';
import type { Actor } from '../../lib/auth/actor';
import { rerankCompany, rerankNeed } from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { sendDigests } from '../../lib/notifications/digest';
import { findFacilitationNotices, QUIET_DAYS, UNREVIEWED_DAYS } from '../../lib/notifications/events/facilitation';
import { announceNeedRanking } from '../../lib/notifications/events/ranking';
import { publishNotices } from '../../lib/notifications/publish';
import { unsubscribe, unsubscribeQuery } from '../../lib/notifications/unsubscribe';
import { POST as unsubscribePost } from '../../app/api/unsubscribe/route';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createCompany } from '../factories/company';
import { createMatch } from '../factories/match';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed as createAnyNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// Issue 15: every event reaches each recipient exactly once, by their preference, in their
// language; retries add nothing; digests collect their period; unsubscribe links cannot be forged.

const DAY = 86_400_000;
let world: AccessWorld;
let boss: PgBoss;
beforeAll(async () => {
  world = await createAccessWorld(db);
  boss = await startJobQueue(inject('databaseUrl'));
  // Re-ranks other files queued and left: run now, they would announce their needs to this file's
  // companies when a test drains the queue for its own.
  await drainMatchingJobs(db, boss);
});
afterAll(async () => {
  await boss.stop({ graceful: false, wait: true });
  await stopQueueClient();
});

const run = (name: ActionName, actor: Actor, input: unknown) => runAction(db, name, operationOf(name), actor, input, { ip: null });
const actorOf = (user: { id: string; role: Actor['role']; companyId: string | null; municipalityId: string | null }): Actor => ({
  userId: user.id, role: user.role, companyId: user.companyId, municipalityId: user.municipalityId,
});
const noticesOf = (userId: string, kind?: string) => db.notice.findMany({ where: { userId, ...(kind ? { kind } : {}) }, orderBy: { createdAt: 'asc' } });
const emailsTo = (email: string, kind?: string) => db.outboxEmail.findMany({ where: { toAddress: email, ...(kind ? { kind } : {}) } });

// The files share one database, and other files leave verified companies and open needs of the
// factories' default (energy, power generators) behind: enough to push this file's pairs off each
// other's lists. Its companies also offer heating systems, and its needs ask for that alone, which
// only the demo world's companies offer besides.
const NICHE = 'HEATING_SYSTEMS' as const;
const createNeed: typeof createAnyNeed = (database, municipality, overrides = {}) =>
  createAnyNeed(database, municipality, { requiredCapabilities: [NICHE], ...overrides });

async function verifiedCompanyWithRep(locale: 'ja' | 'uk' | 'en' = 'en', threshold = 0) {
  const company = await createCompany(db, {
    verificationStatus: 'VERIFIED', verifiedAt: new Date(), noticeScoreThreshold: threshold, capabilities: ['POWER_GENERATORS', NICHE],
  });
  const rep = await createUser(db, { role: 'COMPANY_REP', companyId: company.id, locale });
  await rerankCompany(db, company.id); // writes the company's match profile, which ranking reads
  return { company, rep };
}

async function verifiedMunicipalityWithRep(locale: 'ja' | 'uk' | 'en' = 'uk') {
  const municipality = await createMunicipality(db, (await pickFreeHromada(db, { hostilityStatus: 'NONE' })).code, { verificationStatus: 'VERIFIED', verifiedAt: new Date() });
  const rep = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: municipality.id, locale });
  return { municipality, rep };
}

describe('publishNotices', () => {
  it('records one notice and one email per recipient and event, however often it is published', async () => {
    const { rep } = await verifiedCompanyWithRep('ja');
    const notice = { userId: rep.id, kind: 'needFits' as const, dedupeKey: 'needFits:retry', params: { needTitle: '発電機', hromada: { en: 'Bucha', uk: 'Буча' }, score: 80 }, link: '/needs' };
    expect(await publishNotices(db, [notice])).toEqual({ recorded: 1, emailed: 1 });
    expect(await publishNotices(db, [notice])).toEqual({ recorded: 0, emailed: 0 });
    // Inside a caller's transaction a duplicate neither fails nor aborts it.
    await db.$transaction(async (tx) => {
      expect(await publishNotices(tx, [notice])).toEqual({ recorded: 0, emailed: 0 });
      await tx.user.findUniqueOrThrow({ where: { id: rep.id } });
    });
    expect(await noticesOf(rep.id)).toHaveLength(1);
    const emails = await emailsTo(rep.email);
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain('貴社に合う新しい案件');
    expect(emails[0].raw).toMatch(/^List-Unsubscribe:\s*<http[^>]+\/api\/unsubscribe\?u=/m);
    expect(emails[0].raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(emails[0].html).toContain('<html lang="ja">');
    expect(emails[0].html).not.toMatch(/<img|<script/i);
    expect(emails[0].text).toContain('/ja/needs');
  });

  it('follows each recipient’s preference: off records nothing, in-app sends no email', async () => {
    const off = await verifiedCompanyWithRep();
    const inApp = await verifiedCompanyWithRep();
    await db.noticePreference.createMany({ data: [{ userId: off.rep.id, kind: 'invited', delivery: 'OFF' }, { userId: inApp.rep.id, kind: 'invited', delivery: 'IN_APP' }] });
    const params = { needTitle: 'Water', hromada: { en: 'Irpin', uk: 'Ірпінь' }, note: '', hasNote: 'no' };
    await publishNotices(db, [off.rep, inApp.rep].map((rep) => ({ userId: rep.id, kind: 'invited' as const, dedupeKey: 'invited:prefs', params, link: '/needs' })));
    expect(await noticesOf(off.rep.id)).toHaveLength(0);
    expect(await noticesOf(inApp.rep.id)).toHaveLength(1);
    expect(await emailsTo(off.rep.email)).toHaveLength(0);
    expect(await emailsTo(inApp.rep.email)).toHaveLength(0);
  });
});

describe('a newly published need that fits a company', () => {
  it('tells each company above its threshold once, with the reasons, in its language; none after unsubscribing', async () => {
    const { municipality, rep: municipalityRep } = await verifiedMunicipalityWithRep('uk');
    const fits = await verifiedCompanyWithRep('uk', 0);
    const fussy = await verifiedCompanyWithRep('en', 0);
    const need = await createNeed(db, municipality);
    await rerankNeed(db, need.id);
    const stored = await db.match.findUniqueOrThrow({ where: { needId_companyId: { needId: need.id, companyId: fussy.company.id } } });
    // The same profile scores the same: a threshold one above keeps the fussy company out.
    expect(stored.score).toBeLessThan(100);
    await db.company.update({ where: { id: fussy.company.id }, data: { noticeScoreThreshold: stored.score + 1 } });

    await announceNeedRanking(db, need.id);
    await announceNeedRanking(db, need.id); // the job retried
    const [notice, ...more] = await noticesOf(fits.rep.id, 'needFits');
    expect(more).toHaveLength(0);
    expect(notice.params).toMatchObject({ score: stored.score });
    expect((notice.params as { reasons: unknown[] }).reasons.length).toBeGreaterThan(0);
    expect(await noticesOf(fussy.rep.id, 'needFits')).toHaveLength(0);
    const emails = await emailsTo(fits.rep.email, 'notice:needFits');
    expect(emails).toHaveLength(1);
    expect(emails[0].subject).toContain('Нова потреба підходить');
    expect(emails[0].text).toContain('Чому підходить');

    // The municipality hears of a strong recommendation only when the score is strong.
    const strong = await noticesOf(municipalityRep.id, 'strongRecommendations');
    expect(strong.length).toBe(stored.score >= 75 ? (await db.match.count({ where: { needId: need.id, inNeedTop: true, score: { gte: 75 }, company: { verificationStatus: 'VERIFIED' } } })) : 0);

    // One-click unsubscribe from this kind: the next fitting need is in the app, not in the mailbox.
    const query = new URLSearchParams(await unsubscribeQuery(db, fits.rep.id, 'needFits'));
    await unsubscribe(db, Object.fromEntries(query));
    const next = await createNeed(db, municipality);
    await rerankNeed(db, next.id);
    await announceNeedRanking(db, next.id);
    expect(await noticesOf(fits.rep.id, 'needFits')).toHaveLength(2);
    expect(await emailsTo(fits.rep.email, 'notice:needFits')).toHaveLength(1);

    // Switched off: nothing at all.
    await run('setNoticePreferences', actorOf(fits.rep), { preferences: [{ kind: 'needFits', delivery: 'OFF' }] });
    const third = await createNeed(db, municipality);
    await rerankNeed(db, third.id);
    await announceNeedRanking(db, third.id);
    expect(await noticesOf(fits.rep.id, 'needFits')).toHaveLength(2);
  });

  it('goes from publishing through the matching job to the notice, and a followed need’s edit is news once', async () => {
    const { municipality, rep: municipalityRep } = await verifiedMunicipalityWithRep('en');
    const { rep } = await verifiedCompanyWithRep('ja', 0);
    const draft = await createNeed(db, municipality, { status: 'DRAFT', publishedAt: null });
    expect(await run('publishNeed', actorOf(municipalityRep), { needId: draft.id, expectedVersion: draft.version })).toMatchObject({ ok: true });
    expect(await noticesOf(rep.id, 'needFits')).toHaveLength(0); // the ranking job has not run yet
    await drainMatchingJobs(db, boss);
    const [notice] = await noticesOf(rep.id, 'needFits');
    expect(notice).toMatchObject({ needId: draft.id, link: `/needs/${draft.id}` });
    expect(await emailsTo(rep.email, 'notice:needFits')).toHaveLength(1);

    expect(await run('followNeed', actorOf(rep), { needId: draft.id, follow: true })).toMatchObject({ ok: true });
    const edit = { needId: draft.id, expectedVersion: draft.version + 1, need: validNeed({ title: 'Generators, revised' }) };
    expect(await run('updateNeed', actorOf(municipalityRep), edit)).toMatchObject({ ok: true });
    expect(await run('updateNeed', actorOf(municipalityRep), edit)).toMatchObject({ ok: false }); // the stale retry changes nothing
    const changed = await noticesOf(rep.id, 'followedNeedChanged');
    expect(changed).toHaveLength(1);
    expect(changed[0].params).toMatchObject({ needTitle: 'Generators, revised' });
    await drainMatchingJobs(db, boss);
    expect(await noticesOf(rep.id, 'needFits')).toHaveLength(1);
  });

  it('tells a company that asks for a transparent tender of a Prozorro need, not of one without (the e2e’s demo company)', async () => {
    const { municipality, rep: municipalityRep } = await verifiedMunicipalityWithRep('uk');
    const { rep } = await verifiedCompanyWithRep('ja', 0);
    await db.company.update({ where: { id: rep.companyId! }, data: { tenderRequirement: 'TRANSPARENT_TENDER' } });
    await rerankCompany(db, rep.companyId!);
    const withTender = await createNeed(db, municipality, { status: 'DRAFT', publishedAt: null, procurementMethod: 'PROZORRO' });
    const without = await createNeed(db, municipality, { status: 'DRAFT', publishedAt: null, procurementMethod: 'NONE', prozorroTenderId: null });
    for (const need of [withTender, without]) {
      expect(await run('publishNeed', actorOf(municipalityRep), { needId: need.id, expectedVersion: need.version })).toMatchObject({ ok: true });
    }
    await drainMatchingJobs(db, boss);
    expect((await noticesOf(rep.id, 'needFits')).map((notice) => notice.needId)).toEqual([withTender.id]);
  });

  it('does not announce an old need re-ranked later, nor a draft', async () => {
    const { municipality } = await verifiedMunicipalityWithRep();
    const { rep } = await verifiedCompanyWithRep('en', 0);
    const old = await createNeed(db, municipality, { publishedAt: new Date(Date.now() - 30 * DAY) });
    const draft = await createNeed(db, municipality, { status: 'DRAFT', publishedAt: null });
    for (const need of [old, draft]) {
      await rerankNeed(db, need.id);
      await announceNeedRanking(db, need.id);
    }
    expect(await noticesOf(rep.id)).toHaveLength(0);
  });
});

describe('interest, invitation, mutual interest, introduction, followed needs', () => {
  it('tells each side once', async () => {
    const { municipality, rep: municipalityRep } = await verifiedMunicipalityWithRep('ja');
    const { company, rep: companyRep } = await verifiedCompanyWithRep('en', 100);
    const need = await createNeed(db, municipality);
    const facilitator = await createUser(db, { role: 'FACILITATOR', locale: 'uk' });

    expect(await run('registerInterest', actorOf(companyRep), { needId: need.id, note: 'We can help.' })).toMatchObject({ ok: true });
    expect(await run('registerInterest', actorOf(companyRep), { needId: need.id, note: 'We can help.' })).toMatchObject({ ok: true });
    expect(await noticesOf(municipalityRep.id, 'interestRegistered')).toHaveLength(1);
    expect(await noticesOf(facilitator.id, 'mutualInterest')).toHaveLength(0);

    expect(await run('inviteCompany', actorOf(municipalityRep), { needId: need.id, companyId: company.id, note: 'Please come.' })).toMatchObject({ ok: true });
    expect(await run('inviteCompany', actorOf(municipalityRep), { needId: need.id, companyId: company.id, note: 'Please come!' })).toMatchObject({ ok: true });
    expect(await noticesOf(companyRep.id, 'invited')).toHaveLength(1);
    const invitation = await emailsTo(companyRep.email, 'notice:invited');
    expect(invitation).toHaveLength(1);
    expect(invitation[0].text).toContain('Their note: Please come.');
    expect(await noticesOf(facilitator.id, 'mutualInterest')).toHaveLength(1);

    // Following a need: each change once, then its closing.
    expect(await run('followNeed', actorOf(companyRep), { needId: need.id, follow: true })).toMatchObject({ ok: true });
    const { version } = await db.need.findUniqueOrThrow({ where: { id: need.id } });
    expect(await run('closeNeed', actorOf(municipalityRep), { needId: need.id, expectedVersion: version, reason: 'FULFILLED', duplicateOfNeedId: null })).toMatchObject({ ok: true });
    expect(await noticesOf(companyRep.id, 'followedNeedClosed')).toHaveLength(1);
  });

  it('records an introduction for both sides without a second email', async () => {
    const { municipality, rep: municipalityRep } = await verifiedMunicipalityWithRep('uk');
    const { company, rep: companyRep } = await verifiedCompanyWithRep('ja', 100);
    const need = await createNeed(db, municipality);
    const match = await createMatch(db, company.id, need.id);
    expect(await run('decideOnMatch', world.facilitator.actor, { matchId: match.id, version: match.version, action: 'INTRODUCE', note: 'Meet.' })).toMatchObject({ ok: true });
    expect(await noticesOf(companyRep.id, 'introducedCompany')).toHaveLength(1);
    expect(await noticesOf(municipalityRep.id, 'introducedMunicipality')).toHaveLength(1);
    expect(await emailsTo(companyRep.email)).toHaveLength(1); // the introduction's own email
    expect((await emailsTo(companyRep.email))[0].kind).toBe('introduction');
  });
});

describe('facilitation checks on a controllable clock', () => {
  it('finds strong unreviewed matches after N days and quiet introductions after 30, once each', async () => {
    const facilitator = await createUser(db, { role: 'FACILITATOR' });
    const { municipality } = await verifiedMunicipalityWithRep();
    const { company } = await verifiedCompanyWithRep('en', 100);
    const need = await createNeed(db, municipality, { publishedAt: new Date() });
    await createMatch(db, company.id, need.id, { score: 90, inNeedTop: true });
    const quietNeed = await createNeed(db, municipality);
    const introduction = await db.introduction.create({ data: { needId: quietNeed.id, companyId: company.id, introducedById: world.facilitator.actor.userId } });
    const newsNeed = await createNeed(db, municipality);
    const withNews = await db.introduction.create({ data: { needId: newsNeed.id, companyId: company.id, introducedById: world.facilitator.actor.userId } });
    await db.matchDecision.create({
      data: { needId: newsNeed.id, companyId: company.id, actorId: world.facilitator.actor.userId, action: 'AGREE', fromStatus: 'INTRODUCED', toStatus: 'AGREED', createdAt: new Date(Date.now() + 2 * DAY) },
    });
    await createCompany(db); // waits for verification

    await findFacilitationNotices(db, new Date(Date.now() + (UNREVIEWED_DAYS - 1) * DAY));
    expect((await noticesOf(facilitator.id, 'strongMatchUnreviewed')).filter((n) => n.needId === need.id)).toHaveLength(0);
    await findFacilitationNotices(db, new Date(Date.now() + (UNREVIEWED_DAYS + 1) * DAY));
    await findFacilitationNotices(db, new Date(Date.now() + (UNREVIEWED_DAYS + 2) * DAY));
    expect((await noticesOf(facilitator.id, 'strongMatchUnreviewed')).filter((n) => n.needId === need.id)).toHaveLength(1);
    expect((await noticesOf(facilitator.id, 'introductionQuiet')).filter((n) => n.introductionId === introduction.id)).toHaveLength(0);

    await findFacilitationNotices(db, new Date(Date.now() + (QUIET_DAYS + 1) * DAY));
    await findFacilitationNotices(db, new Date(Date.now() + (QUIET_DAYS + 2) * DAY));
    expect((await noticesOf(facilitator.id, 'introductionQuiet')).filter((n) => n.introductionId === introduction.id)).toHaveLength(1);
    expect((await noticesOf(facilitator.id, 'introductionQuiet')).filter((n) => n.introductionId === withNews.id)).toHaveLength(0);
    // Verification waits: one notice a day while any organisation waits (five days; the last twice).
    await findFacilitationNotices(db, new Date(Date.now() + (QUIET_DAYS + 2) * DAY + 1000));
    expect(await noticesOf(facilitator.id, 'verificationWaiting')).toHaveLength(5);
  });
});

describe('digests on a controllable clock', () => {
  it('collects each period’s notices into one email, once', async () => {
    const { rep } = await verifiedCompanyWithRep('ja');
    await db.noticePreference.createMany({ data: [{ userId: rep.id, kind: 'followedNeedChanged', delivery: 'DAILY' }, { userId: rep.id, kind: 'invited', delivery: 'WEEKLY' }] });
    const params = { needTitle: '給水', hromada: { en: 'Bucha', uk: 'Буча' }, note: '', hasNote: 'no' };
    await publishNotices(db, [
      { userId: rep.id, kind: 'followedNeedChanged', dedupeKey: 'digest:a', params, link: '/needs' },
      { userId: rep.id, kind: 'followedNeedChanged', dedupeKey: 'digest:b', params, link: '/needs' },
      { userId: rep.id, kind: 'invited', dedupeKey: 'digest:c', params, link: '/needs' },
    ]);
    const t0 = new Date(Date.now() + 60_000);
    // One more arrives after the daily run's moment: it waits for the next day.
    await publishNotices(db, [{ userId: rep.id, kind: 'followedNeedChanged', dedupeKey: 'digest:d', params, link: '/needs' }]);
    await db.notice.updateMany({ where: { userId: rep.id, dedupeKey: 'digest:d' }, data: { createdAt: new Date(t0.getTime() + 3600_000) } });
    expect(await emailsTo(rep.email)).toHaveLength(0);

    await sendDigests(db, 'DAILY', t0);
    await sendDigests(db, 'DAILY', t0); // retried
    let daily = await emailsTo(rep.email, 'digest:daily');
    expect(daily).toHaveLength(1);
    expect(daily[0].subject).toContain('毎日のダイジェスト（2件）');
    expect(daily[0].raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(await emailsTo(rep.email, 'digest:weekly')).toHaveLength(0);

    await sendDigests(db, 'DAILY', new Date(t0.getTime() + DAY));
    daily = await emailsTo(rep.email, 'digest:daily');
    expect(daily).toHaveLength(2);
    expect(daily.map((email) => email.subject).sort()).toEqual(['架け橋（Kakehashi）: 毎日のダイジェスト（1件）', '架け橋（Kakehashi）: 毎日のダイジェスト（2件）']);

    await sendDigests(db, 'WEEKLY', new Date(t0.getTime() + 7 * DAY));
    expect(await emailsTo(rep.email, 'digest:weekly')).toHaveLength(1);

    // Unsubscribing from digests moves their kinds to the app only.
    await unsubscribe(db, Object.fromEntries(new URLSearchParams(await unsubscribeQuery(db, rep.id, 'digest'))));
    expect(await db.noticePreference.findMany({ where: { userId: rep.id }, orderBy: { kind: 'asc' }, select: { kind: true, delivery: true } })).toEqual(
      expect.arrayContaining([{ kind: 'followedNeedChanged', delivery: 'IN_APP' }, { kind: 'invited', delivery: 'IN_APP' }]),
    );
  });
});

describe('unsubscribe links', () => {
  it('refuse a forged or altered link and change nothing', async () => {
    const { rep } = await verifiedCompanyWithRep();
    const other = await verifiedCompanyWithRep();
    const genuine = Object.fromEntries(new URLSearchParams(await unsubscribeQuery(db, rep.id, 'needFits')));
    const before = await dataFingerprint(db);
    const attempts = [
      { ...genuine, u: other.rep.id }, // someone else's account
      { ...genuine, k: 'invited' }, // another kind
      { ...genuine, s: genuine.s.slice(0, -1) + (genuine.s.endsWith('A') ? 'B' : 'A') },
      { ...genuine, s: '' },
    ];
    for (const attempt of attempts) await expect(unsubscribe(db, attempt)).rejects.toMatchObject({ code: expect.stringMatching(/FORBIDDEN|VALIDATION/) });
    for (const attempt of attempts) {
      const response = await unsubscribePost(new NextRequest(`http://localhost/api/unsubscribe?${new URLSearchParams(attempt)}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' }));
      expect([403, 422]).toContain(response.status);
    }
    expect(await dataFingerprint(db)).toEqual(before);

    // The confirmation page's form comes back to the page, told whether it worked.
    const forged = await unsubscribePost(new NextRequest(`http://localhost/api/unsubscribe?${new URLSearchParams({ ...attempts[0], locale: 'uk' })}`, { method: 'POST' }));
    expect([forged.status, forged.headers.get('location')]).toEqual([303, '/uk/unsubscribe?invalid=1']);
    expect(await dataFingerprint(db)).toEqual(before);

    const response = await unsubscribePost(new NextRequest(`http://localhost/api/unsubscribe?${new URLSearchParams(genuine)}`, { method: 'POST', body: 'List-Unsubscribe=One-Click' }));
    expect(response.status).toBe(200);
    const again = await unsubscribePost(new NextRequest(`http://localhost/api/unsubscribe?${new URLSearchParams({ ...genuine, locale: 'ja' })}`, { method: 'POST' }));
    expect([again.status, again.headers.get('location')]).toEqual([303, '/ja/unsubscribe?done=1']);
    expect(await db.noticePreference.findUnique({ where: { userId_kind: { userId: rep.id, kind: 'needFits' } } })).toMatchObject({ delivery: 'IN_APP' });
  });
});

describe('the centre', () => {
  it('counts unread, marks one and all read, and never touches another person’s notices', async () => {
    const { rep } = await verifiedCompanyWithRep();
    const other = await verifiedCompanyWithRep();
    const params = { needTitle: 'x', hromada: { en: 'Bucha' } };
    await publishNotices(db, [1, 2, 3].map((n) => ({ userId: rep.id, kind: 'followedNeedClosed' as const, dedupeKey: `centre:${n}`, params, link: '/needs' })));
    await publishNotices(db, [{ userId: other.rep.id, kind: 'followedNeedClosed', dedupeKey: 'centre:other', params, link: '/needs' }]);
    const [theirs] = await noticesOf(other.rep.id);
    expect(await run('markNoticeRead', actorOf(rep), { noticeId: theirs.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    const [mine] = await noticesOf(rep.id);
    expect(await run('markNoticeRead', actorOf(rep), { noticeId: mine.id })).toMatchObject({ ok: true });
    expect(await db.notice.count({ where: { userId: rep.id, readAt: null } })).toBe(2);
    expect(await run('markAllNoticesRead', actorOf(rep), {})).toMatchObject({ ok: true, data: { marked: 2 } });
    expect(await db.notice.count({ where: { userId: other.rep.id, readAt: null } })).toBe(1);
    expect(await run('setNoticePreferences', actorOf(rep), { preferences: [{ kind: 'verificationWaiting', delivery: 'OFF' }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });
});
