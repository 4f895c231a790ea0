import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type PgBoss from 'pg-boss';
import type { Actor } from '../../lib/auth/actor';
import { createScratchDatabase, type ScratchDatabase } from '../../lib/database/scratch';
import { createDb, type Db } from '../../lib/db';
import { isAppError } from '../../lib/errors';
import { isoDay, kyivDay } from '../../lib/hostility-list/calendar';
import { getListInForce, listEditions } from '../../lib/hostility-list/list-in-force';
import { applyHostilityList, previewHostilityList } from '../../lib/hostility-list/load-edition';
import { lastRolledDay, rollStatusesForward } from '../../lib/hostility-list/roll-forward';
import { QUEUES, startJobQueue } from '../../lib/jobs/queue';
import { startHostilityCalendar } from '../../lib/hostility-list/schedule';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { Prisma } from '../../lib/generated/prisma/client';
import { syncCompanyProfiles } from '../../lib/match-store/profiles';
import { applyKatottgChanges } from '../../lib/reference/katottg-changes';
import { loadReferenceData, rollUpHostilityStatus, SHIPPED_EDITION } from '../../lib/reference/load-reference-data';
import { loadSites } from '../../lib/match-store/inputs';
import { readSiteStatus } from '../../lib/matching/site-security';
import { rerankNeed } from '../../lib/match-store/refresh';
import { explainStoredMatches, isCurrent } from '../../lib/match-store/explain';
import { drainMatchingJobs } from '../../lib/match-store/worker';
import { createCompany } from '../factories/company';
import { createMunicipality } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';

// Editions and amendments of the hostilities list, on a database of their own: they change the
// list in force, which the other test files read.

const HEADER = 'hromada_code,territory_code,territory_level,territory_name,status,start_date,end_date';
const DAY = 86_400_000;

let scratch: ScratchDatabase;
let db: Db;
let boss: PgBoss;
let admin: Actor;
/** A hromada whose only period is one open-ended row naming the whole hromada. */
let target: { code: string; status: string; territoryName: string; startDate: Date };

beforeAll(async () => {
  scratch = await createScratchDatabase('kakehashi_hostility');
  const { prepareDatabase } = await import('../../lib/database/prepare');
  await prepareDatabase(scratch.url);
  db = createDb(scratch.url, 3);
  boss = await startJobQueue(scratch.url);
  const user = await createUser(db, { role: 'ADMIN' });
  admin = { userId: user.id, role: 'ADMIN', companyId: null, municipalityId: null } as Actor;
  [target] = await db.$queryRaw<typeof target[]>`
    SELECT p."hromadaCode" AS code, p.status::text AS status, p."territoryName", p."startDate"
    FROM "HostilityPeriod" p JOIN "Hromada" h ON h.code = p."hromadaCode"
    WHERE p."territoryLevel" = 'HROMADA' AND p."endDate" IS NULL AND h.kind = 'TERRITORIAL_COMMUNITY'
      AND (SELECT count(*) FROM "HostilityPeriod" q WHERE q."hromadaCode" = p."hromadaCode") = 1
    ORDER BY p."hromadaCode" LIMIT 1`;
}, 180_000);

afterAll(async () => {
  await boss?.stop({ graceful: false, wait: true });
  await stopQueueClient();
  await db?.$disconnect();
  await scratch?.drop();
});

const row = (end: Date | null, code = target.code) =>
  [code, code, 'HROMADA', target.territoryName, target.status, isoDay(target.startDate), end ? isoDay(end) : ''].join(',');
const amendment = (lines: string[], orderNumber = '26') => ({
  kind: 'AMENDMENT', orderNumber, orderDate: '2026-01-08', source: 'test', hostilityTable: [HEADER, ...lines].join('\n'),
});
const statusOf = async (code: string) => (await db.hromada.findUniqueOrThrow({ where: { code } })).hostilityStatus;
const rejection = async (promise: Promise<unknown>) => {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  if (!isAppError(error)) throw new Error(`expected an AppError, got ${String(error)}`);
  return error;
};

describe('hostility list: reading a table', () => {
  it('names every bad row by its line and applies nothing', async () => {
    const before = { periods: await db.hostilityPeriod.count(), editions: await db.hostilityListEdition.count() };
    const input = amendment([
      row(null),
      'UA99999999999999999,UA99999999999999999,HROMADA,Nowhere,ACTIVE_HOSTILITIES,2026-01-01,',
      `${target.code},${target.code},HROMADA,x,SOMETHING,2026-01-01,`,
      `${target.code},${target.code},HROMADA,x,ACTIVE_HOSTILITIES,2026-02-30,`,
    ]);
    const error = await rejection(previewHostilityList(db, admin, input));
    expect(error.details).toMatchObject({ reason: 'hostilityTableRejected', lines: [{ line: 4, problem: 'badStatus' }, { line: 5, problem: 'badDate' }] });
    // Codes are checked once the table reads: the unknown code on its own line.
    const unknown = await rejection(previewHostilityList(db, admin, amendment([row(null), 'UA99999999999999999,UA99999999999999999,HROMADA,Nowhere,ACTIVE_HOSTILITIES,2026-01-01,'])));
    expect(unknown.details).toMatchObject({ lines: [{ line: 3, problem: 'unknownCode', value: 'UA99999999999999999' }] });
    expect({ periods: await db.hostilityPeriod.count(), editions: await db.hostilityListEdition.count() }).toEqual(before);
  });

  it('refuses through the form a table larger than a request carries; the command line reads the full edition', async () => {
    const full = readFileSync('prisma/reference/hostility-periods.csv', 'utf8');
    const input = { kind: 'EDITION', orderNumber: '376', orderDate: '2025-02-28', source: 'the shipped file', hostilityTable: full };
    const refused = await rejection(previewHostilityList(db, admin, input));
    expect(refused.details).toMatchObject({ fieldErrors: { hostilityTable: 'validation.hostilityTableTooLarge' } });
    const preview = await previewHostilityList(db, admin, input, { viaCommandLine: true });
    expect(preview).toMatchObject({ rowsRead: full.trim().split('\n').length - 1, changes: [], periods: { added: 0, removed: 0 } });
  }, 60_000);

  it('refuses a removal that names no period in force, by line', async () => {
    const input = amendment([`${row(null)},`, `${target.code},${target.code},HROMADA,x,POSSIBLE_HOSTILITIES,2020-01-01,,REMOVE`].map((l) => l));
    input.hostilityTable = input.hostilityTable.replace(HEADER, `${HEADER},action`);
    const error = await rejection(previewHostilityList(db, admin, input));
    expect(error.details).toMatchObject({ lines: [{ line: 3, problem: 'removesNothing' }] });
  });

  it('accepts the Ministry\'s form (katottg, category, dd.mm.yyyy) and refuses non-ADMINs', async () => {
    const table = `katottg,category,oblast,name_uk,start_date,end_date\n${target.code},${target.status.toLowerCase()},X,${target.territoryName},${isoDay(target.startDate).split('-').reverse().join('.')},`;
    const preview = await previewHostilityList(db, admin, { ...amendment([]), hostilityTable: table });
    expect(preview).toMatchObject({ rowsRead: 1, periods: { added: 0, changed: 0, unchanged: 1 }, changes: [] });
    const facilitator = { ...admin, role: 'FACILITATOR' } as Actor;
    expect((await rejection(previewHostilityList(db, facilitator, { ...amendment([]), hostilityTable: table }))).code).toBe('FORBIDDEN');
  });
});

describe('hostility list: the amendment fixture (constructed, see tests/fixtures/hostility/README.md)', () => {
  it('reads in the Ministry\'s form and shows Druzhbivska moving from possible to active hostilities', async () => {
    const table = readFileSync('tests/fixtures/hostility/constructed-amendment-2026-01.csv', 'utf8');
    const preview = await previewHostilityList(db, admin, { kind: 'AMENDMENT', orderNumber: '26', orderDate: '2026-01-08', source: 'fixture', hostilityTable: table });
    expect(preview.periods).toEqual({ added: 2, changed: 1, removed: 0, unchanged: 0 });
    expect(preview.changes.map((c) => [c.code, c.before.status, c.after.status])).toEqual([
      ['UA23060030000037089', 'POSSIBLE_HOSTILITIES', 'ACTIVE_HOSTILITIES'],
      ['UA59100050000059594', 'POSSIBLE_HOSTILITIES', 'ACTIVE_HOSTILITIES'],
    ]);
  });
});

describe('hostility list: a release with a new shipped file, before any ADMIN order', () => {
  it('replaces the shipped list and queues a rebuild of the stored matches; a plain restart queues nothing', async () => {
    const { prepareDatabase } = await import('../../lib/database/prepare');
    const [free] = await db.$queryRaw<{ code: string }[]>`
      SELECT h.code FROM "Hromada" h WHERE h.kind = 'TERRITORIAL_COMMUNITY' AND h."hostilityStatus" = 'NONE'
        AND NOT EXISTS (SELECT 1 FROM "Municipality" m WHERE m."hromadaCode" = h.code) ORDER BY h.code DESC LIMIT 1`;
    const need = await createNeed(db, await createMunicipality(db, free.code, { verificationStatus: 'VERIFIED' }));
    const company = await createCompany(db, { verificationStatus: 'VERIFIED' });
    await syncCompanyProfiles(db, Prisma.sql`c.id = ${company.id}::uuid`);
    await rerankNeed(db, need.id);
    expect(await db.match.count()).toBeGreaterThan(0);
    expect(await boss.getQueueSize(QUEUES.rebuild)).toBe(0);

    // The release's file differs from what is loaded, and it rewords the edition's source text.
    await db.hostilityListEdition.updateMany({ where: { loadedById: null }, data: { checksum: 'an earlier release', source: 'an earlier wording' } });
    const editions = await db.hostilityListEdition.count();
    expect((await prepareDatabase(scratch.url)).reference.hostilityListReloaded).toBe(true);
    expect(await db.hostilityListEdition.count()).toBe(editions);
    expect(await db.hostilityListEdition.findFirstOrThrow({ where: { loadedById: null } })).toMatchObject({ source: SHIPPED_EDITION.source });
    expect(await boss.getQueueSize(QUEUES.rebuild)).toBe(1);
    const [job] = await boss.fetch(QUEUES.rebuild);
    expect(job.data).toEqual({ reason: 'shipped hostility list replaced' });
    await boss.complete(QUEUES.rebuild, job.id);

    expect((await prepareDatabase(scratch.url)).reference.hostilityListReloaded).toBe(false);
    expect(await boss.getQueueSize(QUEUES.rebuild)).toBe(0);
  }, 120_000);
});

describe('hostility list: preview and apply', () => {
  it('previews the hromadas whose status changes, the needs and the stored matches, then applies exactly that', async () => {
    const municipality = await createMunicipality(db, target.code, { verificationStatus: 'VERIFIED' });
    const need = await createNeed(db, municipality);
    const company = await createCompany(db, { verificationStatus: 'VERIFIED', riskAppetite: 'ACTIVE_HOSTILITIES' });
    await syncCompanyProfiles(db, Prisma.sql`c.id = ${company.id}::uuid`);
    await rerankNeed(db, need.id);
    const matchesBefore = await db.match.findMany({ where: { needId: need.id }, orderBy: { companyId: 'asc' } });
    expect(matchesBefore.length).toBeGreaterThan(0);
    const explainedBefore = await explainStoredMatches(db, matchesBefore);
    const listBefore = await getListInForce(db);

    const yesterday = new Date(kyivDay().getTime() - DAY);
    const input = amendment([row(yesterday)]);
    const preview = await previewHostilityList(db, admin, input);
    expect(preview.periods).toEqual({ added: 0, changed: 1, removed: 0, unchanged: 0 });
    expect(preview.changes).toEqual([expect.objectContaining({ code: target.code, before: { status: target.status, scope: 'WHOLE' }, after: { status: 'NONE', scope: null } })]);
    expect(preview).toMatchObject({ needsAffected: 1, storedMatchesAffected: matchesBefore.length });
    // The preview wrote nothing.
    expect(await statusOf(target.code)).toBe(target.status);
    expect((await getListInForce(db))?.id).toBe(listBefore?.id);

    // A stale checksum is refused, and nothing is half-applied.
    const stale = await rejection(applyHostilityList(db, admin, { ...input, checksum: '0'.repeat(64) }));
    expect(stale.details).toMatchObject({ reason: 'stalePreview' });
    expect(await statusOf(target.code)).toBe(target.status);

    const applied = await applyHostilityList(db, admin, { ...input, checksum: preview.checksum });
    expect(applied.changes).toEqual(preview.changes);
    expect(await statusOf(target.code)).toBe('NONE');
    const list = await getListInForce(db);
    expect(list).toMatchObject({ orderNumber: '26', kind: 'AMENDMENT' });
    const period = await db.hostilityPeriod.findFirstOrThrow({ where: { hromadaCode: target.code } });
    expect(period).toMatchObject({ editionId: list!.id, endDate: yesterday });
    // The period as it stood before stays as history, with the order that had set it.
    expect(await db.hostilityPeriodRevision.findMany({ where: { hromadaCode: target.code } })).toEqual([
      expect.objectContaining({ endDate: null, editionId: listBefore!.id, supersededById: list!.id }),
    ]);
    expect(await db.auditLog.count({ where: { action: 'hostilityList.amendment', entityId: String(list!.id) } })).toBe(1);
    // A restart with a newer shipped file (its checksum differs, and the release reworded its
    // source text) no longer overwrites the amended list, nor adds a shipped edition over it.
    await db.hostilityListEdition.updateMany({ where: { loadedById: null }, data: { checksum: 'an earlier release', source: 'an earlier wording' } });
    const editions = await db.hostilityListEdition.count();
    expect((await loadReferenceData(db)).hostilityListReloaded).toBe(false);
    expect(await db.hostilityListEdition.count()).toBe(editions);
    expect(await db.hostilityPeriodRevision.count({ where: { hromadaCode: target.code } })).toBe(1);
    expect(await db.hostilityPeriod.findFirstOrThrow({ where: { hromadaCode: target.code } })).toMatchObject({ editionId: list!.id, endDate: yesterday });
    expect(await statusOf(target.code)).toBe('NONE');
    // The same preview cannot be applied twice: the list moved.
    expect((await rejection(applyHostilityList(db, admin, { ...input, checksum: preview.checksum }))).details).toMatchObject({ reason: 'stalePreview' });

    // The need was queued; re-ranked, its stored matches explain the new status.
    expect(await drainMatchingJobs(db, boss)).toBeGreaterThan(0);
    const matchesAfter = await db.match.findMany({ where: { needId: need.id }, orderBy: { companyId: 'asc' } });
    const explainedAfter = await explainStoredMatches(db, matchesAfter);
    expect(explainedAfter.map((m) => JSON.stringify(m.explanation))).not.toEqual(explainedBefore.map((m) => JSON.stringify(m.explanation)));
    // Re-ranked: the rows' stored points are the derived explanation's.
    matchesAfter.forEach((row, i) => expect(isCurrent(row, explainedAfter[i])).toBe(true));
  });
});

describe('hostility list: statuses follow the calendar', () => {
  it('changes a status the day after its period ends, without a restart', async () => {
    const today = kyivDay();
    const [other] = await db.$queryRaw<{ code: string }[]>`
      SELECT p."hromadaCode" AS code FROM "HostilityPeriod" p
      WHERE p."territoryLevel" = 'HROMADA' AND p."endDate" IS NULL AND p."hromadaCode" <> ${target.code}
        AND (SELECT count(*) FROM "HostilityPeriod" q WHERE q."hromadaCode" = p."hromadaCode") = 1
      ORDER BY p."hromadaCode" LIMIT 1`;
    const period = await db.hostilityPeriod.findFirstOrThrow({ where: { hromadaCode: other.code } });
    const input = amendment([[other.code, other.code, 'HROMADA', period.territoryName, period.status, isoDay(period.startDate), isoDay(today)].join(',')], '27');
    const preview = await previewHostilityList(db, admin, input);
    expect(preview.changes).toEqual([]);
    await applyHostilityList(db, admin, { ...input, checksum: preview.checksum });
    expect(await statusOf(other.code)).toBe(period.status);

    expect((await rollStatusesForward(db, today)).changes).toEqual([]);
    const tomorrow = await rollStatusesForward(db, new Date(today.getTime() + DAY));
    expect(tomorrow.changes.map((c) => [c.code, c.after.status])).toContainEqual([other.code, 'NONE']);
    expect(await statusOf(other.code)).toBe('NONE');
    expect(await lastRolledDay(db)).toEqual(new Date(today.getTime() + DAY));
    // A restart does not roll statuses behind the job's back (it would skip the re-ranking).
    await loadReferenceData(db);
    expect(await statusOf(other.code)).toBe('NONE');
    await rollStatusesForward(db, today);
  });
});

describe('hostility list: the order in force', () => {
  it('is the latest by order date: an amendment to an earlier order, loaded later, is not cited, and its preview warns', async () => {
    const inForce = await getListInForce(db);
    expect(inForce).toMatchObject({ orderNumber: '27', orderDate: new Date('2026-01-08T00:00:00Z') });
    const period = await db.hostilityPeriod.findFirstOrThrow({ where: { hromadaCode: target.code } });
    const earlier = { ...amendment([row(period.endDate)], '25/1'), orderDate: '2025-12-01' };
    const preview = await previewHostilityList(db, admin, earlier);
    expect(preview.olderThan).toEqual({ orderNumber: '27', orderDate: '2026-01-08' });
    await applyHostilityList(db, admin, { ...earlier, checksum: preview.checksum });
    expect((await getListInForce(db))?.id).toBe(inForce!.id);
    expect((await listEditions(db, admin)).map((e) => e.orderNumber)).toEqual(['27', '26', '25/1', '376']);

    const later = { ...amendment([row(period.endDate)], '28'), orderDate: '2026-02-01' };
    expect((await previewHostilityList(db, admin, later)).olderThan).toBeNull();
  });

  it('lists the orders loaded to an ADMIN only', async () => {
    expect((await listEditions(db, admin)).length).toBeGreaterThan(1);
    for (const role of ['FACILITATOR', 'MUNICIPALITY_REP', 'COMPANY_REP'] as const) {
      expect((await rejection(listEditions(db, { ...admin, role } as Actor))).code).toBe('FORBIDDEN');
    }
    expect((await rejection(listEditions(db, null))).code).toBe('UNAUTHENTICATED');
  });
});

describe('hostility list: the engine and the roll-up read the same day', () => {
  /** 00:00 in Kyiv on `day` (21:00Z or 22:00Z the day before, with summer time). */
  const kyivMidnight = (day: Date) => {
    const summer = new Date(day.getTime() - 3 * 3_600_000);
    return kyivDay(summer).getTime() === day.getTime() ? summer : new Date(day.getTime() - 2 * 3_600_000);
  };

  it('agrees for every hromada whose period starts or ends, at Kyiv midnight and at 10:00Z on the first and the last day', async () => {
    // Real boundaries of the shipped list: the earliest periods that both start and end.
    const bounded = await db.hostilityPeriod.findMany({ where: { endDate: { not: null } }, orderBy: [{ endDate: 'asc' }, { id: 'asc' }], take: 3 });
    expect(bounded.length).toBeGreaterThan(0);
    const instants = bounded.flatMap((p) => [
      kyivMidnight(p.startDate), new Date(p.startDate.getTime() + 10 * 3_600_000),
      new Date(p.endDate!.getTime() + 10 * 3_600_000), kyivMidnight(new Date(p.endDate!.getTime() + DAY)),
    ]);
    const codes = [...new Set(bounded.map((p) => p.hromadaCode))];
    const sites = await loadSites(db, codes);
    const disagreements: string[] = [];
    class Rollback extends Error {}
    await db.$transaction(async (tx) => {
      for (const instant of instants) {
        await rollUpHostilityStatus(tx, instant);
        for (const hromada of await tx.hromada.findMany({ where: { code: { in: codes } } })) {
          const engine = readSiteStatus(sites.get(hromada.code)!.periods, instant);
          const sql = `${hromada.hostilityStatus}/${hromada.hostilityScope}`;
          const read = `${engine.status}/${engine.status === 'NONE' ? null : engine.isWholeHromada ? 'WHOLE' : 'PARTIAL'}`;
          if (sql !== read) disagreements.push(`${hromada.code} at ${instant.toISOString()}: roll-up ${sql}, engine ${read}`);
        }
      }
      throw new Rollback();
    }).catch((error: unknown) => { if (!(error instanceof Rollback)) throw error; });
    expect(disagreements).toEqual([]);
  });

  it('ranks a need as of the Kyiv day: at 00:30 in Kyiv the explanation is dated that day, not the UTC one', async () => {
    const [free] = await db.$queryRaw<{ code: string }[]>`
      SELECT h.code FROM "Hromada" h WHERE h.kind = 'TERRITORIAL_COMMUNITY' AND h."hostilityStatus" = 'NONE'
        AND NOT EXISTS (SELECT 1 FROM "HostilityPeriod" p WHERE p."hromadaCode" = h.code)
        AND NOT EXISTS (SELECT 1 FROM "Municipality" m WHERE m."hromadaCode" = h.code) ORDER BY h.code LIMIT 1`;
    const municipality = await createMunicipality(db, free.code, { verificationStatus: 'VERIFIED' });
    const need = await createNeed(db, municipality);
    const company = await createCompany(db, { verificationStatus: 'VERIFIED', riskAppetite: 'ACTIVE_HOSTILITIES' });
    await syncCompanyProfiles(db, Prisma.sql`c.id = ${company.id}::uuid`);
    await rerankNeed(db, need.id, { asOf: new Date('2025-01-31T22:30:00Z') });
    const matches = await db.match.findMany({ where: { needId: need.id } });
    expect(matches.length).toBeGreaterThan(0);
    expect(new Set(matches.map((m) => isoDay(m.judgedOn)))).toEqual(new Set(['2025-02-01']));
    expect(new Set((await explainStoredMatches(db, matches)).map((m) => m.explanation.asOf))).toEqual(new Set(['2025-02-01']));
    // The next day nothing moved but the day: every pair is written again, dated that day (the
    // re-rank reads whether a pair was judged on its day under its policy as one boolean).
    const nextDay = await rerankNeed(db, need.id, { asOf: new Date('2025-02-01T22:30:00Z') });
    const rolled = await db.match.findMany({ where: { needId: need.id } });
    expect(rolled.map((m) => [m.companyId, m.score])).toEqual(expect.arrayContaining(matches.map((m) => [m.companyId, m.score])));
    expect(nextDay.written).toBe(matches.length);
    expect(new Set(rolled.map((m) => isoDay(m.judgedOn)))).toEqual(new Set(['2025-02-02']));
  });
});

describe('hostility list: the daily schedule', () => {
  it('schedules the roll-forward at midnight in Kyiv, and its worker rolls the statuses', async () => {
    const worker = await startJobQueue(scratch.url, { scheduler: true });
    try {
      await startHostilityCalendar(db, worker);
      expect(await worker.getSchedules()).toContainEqual(expect.objectContaining({ name: QUEUES.hostilityRollForward, cron: '0 0 * * *', options: expect.objectContaining({ tz: 'Europe/Kyiv' }) }));
      // A status out of step with the calendar (as after a day without a roll) is put right by the job.
      const period = await db.hostilityPeriod.findFirstOrThrow({ where: { territoryLevel: 'HROMADA', endDate: null }, orderBy: { id: 'asc' } });
      await db.hromada.update({ where: { code: period.hromadaCode }, data: { hostilityStatus: 'NONE', hostilityScope: null } });
      await worker.send(QUEUES.hostilityRollForward, {});
      await expect.poll(async () => statusOf(period.hromadaCode), { timeout: 60_000, interval: 500 }).not.toBe('NONE');
    } finally {
      await worker.stop({ graceful: false, wait: true });
    }
  }, 90_000);
});

describe('KATOTTG editions: retired codes re-pointed (constructed rename and merge)', () => {
  it('merges a hromada into another without losing its needs, claim or periods, and refuses its old code afterwards', async () => {
    const [pair] = await db.$queryRaw<{ a: string; b: string }[]>`
      SELECT a.code AS a, b.code AS b FROM "Hromada" a JOIN "Hromada" b ON b."raionCode" = a."raionCode" AND b.code > a.code
      WHERE a.kind = 'TERRITORIAL_COMMUNITY'
        AND NOT EXISTS (SELECT 1 FROM "Municipality" m WHERE m."hromadaCode" IN (a.code, b.code))
        AND EXISTS (SELECT 1 FROM "HostilityPeriod" p WHERE p."hromadaCode" = a.code AND p."territoryLevel" = 'HROMADA')
      ORDER BY a.code LIMIT 1`;
    const municipality = await createMunicipality(db, pair.a, { verificationStatus: 'VERIFIED' });
    const need = await createNeed(db, municipality);
    const ownPeriods = await db.hostilityPeriod.count({ where: { hromadaCode: pair.a, territoryCode: pair.a } });

    // A bad file changes nothing and names its lines.
    const bad = await rejection(applyKatottgChanges(db, admin, `old_code,new_code,kind,edition_date\n${pair.a},UA00000000000000001,MERGED,2026-06-01\nnot-a-code,${pair.b},MERGED,2026-06-01`));
    expect(bad.details).toMatchObject({ lines: [{ line: 2, problem: 'unknownNew' }, { line: 3, problem: 'badRow' }] });
    expect(await db.katottgCodeChange.count()).toBe(0);

    const outcome = await applyKatottgChanges(db, admin, `old_code,new_code,kind,edition_date\n${pair.a},${pair.b},MERGED,2026-06-01`);
    expect(outcome).toMatchObject({ retired: 1, municipalities: 1, needs: 1 });
    expect(await db.need.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ hromadaCode: pair.b });
    expect(await db.municipality.findUniqueOrThrow({ where: { id: municipality.id } })).toMatchObject({ hromadaCode: pair.b });
    expect(await db.hromada.findUnique({ where: { code: pair.a } })).toBeNull();
    // The old hromada's own rows stay, naming it as the order did, now under its successor.
    expect(await db.hostilityPeriod.count({ where: { hromadaCode: pair.b, territoryCode: pair.a } })).toBe(ownPeriods);
    expect(await db.auditLog.count({ where: { action: 'katottg.codesRetired' } })).toBe(1);

    const retired = await rejection(previewHostilityList(db, admin, amendment([`${pair.a},${pair.a},HROMADA,x,POSSIBLE_HOSTILITIES,2026-01-01,`])));
    expect(retired.details).toMatchObject({ lines: [{ line: 2, problem: 'retiredCode', value: `${pair.a} → ${pair.b}` }] });
    // A restart does not bring the retired hromada back from the shipped files.
    await loadReferenceData(db);
    expect(await db.hromada.findUnique({ where: { code: pair.a } })).toBeNull();

    // A rename: the new edition's code (constructed here) takes everything over.
    const renamed = `${pair.b.slice(0, 12)}9999999`;
    const old = await db.hromada.findUniqueOrThrow({ where: { code: pair.b } });
    await db.hromada.create({ data: { ...old, code: renamed, hostilityStatus: 'NONE', hostilityScope: null } });
    await applyKatottgChanges(db, admin, `old_code;new_code;kind;edition_date\n${pair.b};${renamed};RENAMED;2026-06-01`);
    expect(await db.need.findUniqueOrThrow({ where: { id: need.id } })).toMatchObject({ hromadaCode: renamed });
    expect((await db.hromada.findUniqueOrThrow({ where: { code: renamed } })).hostilityStatus).toBe(old.hostilityStatus);
  });
});
