import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type PgBoss from 'pg-boss';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import { drainEvidenceJobs, fetchTenderEvidence, type FetchConfig } from '../../lib/evidence/fetch-evidence';
import { listTenderEvidence } from '../../lib/evidence/evidence-view';
import { importTenderEvidence } from '../../lib/evidence/import-evidence';
import { requestTenderEvidence } from '../../lib/evidence/request-evidence';
import { Prisma } from '../../lib/generated/prisma/client';
import { QUEUES, startJobQueue } from '../../lib/jobs/queue';
import { drainMatchingJobs, listMatchesForNeed, needChanged, rerankNeed } from '../../lib/match-store';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { syncCompanyProfiles } from '../../lib/match-store/profiles';
import type { ScoreEntry } from '../../lib/matching/types';
import { createCompany } from '../factories/company';
import { createMunicipality, pickFreeHromada } from '../factories/municipality';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { testDb as db } from './test-db';

// Tender evidence from real Prozorro packages (tests/fixtures/ocds): imported by staff, or fetched
// by the job queue from an OCDS endpoint (here a local HTTP server serving the same files). The
// integrity criterion then says whether it read verified facts or the hromada's declaration.

const OPEN_TENDER = 'UA-2017-10-31-002726-a';
const LIMITED = 'UA-2018-06-22-001789-a';
const fixtureText = (name: string) => readFileSync(path.resolve('tests/fixtures/ocds', name), 'utf8');
const packageOf = (tenderId: string) => fixtureText(`prozorro-${tenderId}.record-package.json`);
const oneLine = (json: string) => JSON.stringify(JSON.parse(json));

let boss: PgBoss;
let facilitator: Actor;
let server: Server;
let baseUrl: string;
const requests: string[] = [];
let answer: { status: number; body: string } | null = null;

beforeAll(async () => {
  boss = await startJobQueue(inject('databaseUrl'));
  const user = await createUser(db, { role: 'FACILITATOR' });
  facilitator = { userId: user.id, role: 'FACILITATOR', companyId: null, municipalityId: null };
  await drainMatchingJobs(db, boss);
  // Serves /record.json?ocid=… the way Prozorro's OCDS API did, from the committed packages.
  server = createServer((request, response) => {
    requests.push(request.url ?? '');
    const ocid = new URL(request.url ?? '/', 'http://x').searchParams.get('ocid') ?? '';
    const tenderId = ocid.replace('ocds-be6bcu-', '');
    const found = answer ?? ([OPEN_TENDER, LIMITED].includes(tenderId) ? { status: 200, body: packageOf(tenderId) } : { status: 404, body: '{}' });
    response.writeHead(found.status, { 'content-type': 'application/json' }).end(found.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await boss.stop({ graceful: false, wait: true });
  await stopQueueClient();
});

const config = (overrides: Partial<FetchConfig> = {}): FetchConfig => ({
  endpoints: { PROZORRO: `${baseUrl}/record.json?ocid={ocid}` },
  perMinute: 1000,
  timeoutMs: 5000,
  ...overrides,
});

async function world(tenderId: string, fundingSource: 'DONOR_GRANT' | 'MUNICIPAL_BUDGET' = 'DONOR_GRANT') {
  const hromada = await pickFreeHromada(db, { hostilityStatus: 'NONE' });
  const municipality = await createMunicipality(db, hromada.code, { verificationStatus: 'VERIFIED' });
  const need = await createNeed(db, municipality, {
    sector: 'HEALTH', requiredCapabilities: ['MEDICAL_EQUIPMENT'], procurementMethod: 'PROZORRO', prozorroTenderId: tenderId, fundingSource,
  });
  const base = { sectors: ['HEALTH' as const], capabilities: ['MEDICAL_EQUIPMENT' as const], verificationStatus: 'VERIFIED' as const, riskAppetite: 'NO_HOSTILITIES' as const };
  const relaxed = await createCompany(db, { ...base, tenderRequirement: 'NONE' });
  const strict = await createCompany(db, { ...base, tenderRequirement: 'TRANSPARENT_TENDER' });
  await syncCompanyProfiles(db, Prisma.sql`c.id = ANY(${[relaxed.id, strict.id]}::uuid[])`);
  await rerankNeed(db, need.id);
  return { need, relaxed, strict };
}

async function integrityOf(needId: string, companyId: string): Promise<ScoreEntry | 'absent' | 'excluded'> {
  const page = await listMatchesForNeed(db, facilitator, needId, { pageSize: 50 });
  const match = page.items.find((item) => item.company.id === companyId);
  if (!match) return 'absent';
  if (match.explanation.kind !== 'scored') return 'excluded';
  return match.explanation.entries.find((entry) => entry.criterion === 'integrity')!;
}

const jobsFor = async (queue: string, needId: string) =>
  (await db.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM pgboss.job WHERE name = ${queue} AND data->>'needId' = ${needId} AND state = 'created'`)[0].n;

describe('importing a published tender record', () => {
  it('keeps the facts, audits, re-ranks through the queue, and the reason turns from declared to verified', async () => {
    const { need, relaxed } = await world(OPEN_TENDER);
    expect(await integrityOf(need.id, relaxed.id)).toMatchObject({ reason: { code: 'TRANSPARENT_AND_OVERSEEN' } });
    const declaredPoints = ((await integrityOf(need.id, relaxed.id)) as ScoreEntry).points;

    const saved = await importTenderEvidence(db, facilitator, { needId: need.id, source: 'PROZORRO', packageJson: oneLine(packageOf(OPEN_TENDER)) }, { ip: null });
    expect(saved.status).toBe('VERIFIED');
    const row = await db.tenderEvidence.findUniqueOrThrow({ where: { needId_source: { needId: need.id, source: 'PROZORRO' } } });
    expect(row).toMatchObject({
      ocid: `ocds-be6bcu-${OPEN_TENDER}`, origin: 'import', tenderStatus: 'complete', procurementMethod: 'open',
      procurementMethodDetails: 'aboveThresholdUA', valueCurrency: 'UAH', numberOfTenderers: 2, buyerId: 'UA-EDR-40081221', funders: [],
    });
    expect(row.valueAmount?.toString()).toBe('323540');
    expect(row.schemaWarnings).toEqual(['/extensions/8 must match format "uri"']);
    expect(await db.auditLog.count({ where: { action: 'tenderEvidence.imported', entityId: need.id, actorId: facilitator.userId } })).toBe(1);

    // Nothing changes until the queued re-ranking runs.
    expect(await jobsFor(QUEUES.needChanged, need.id)).toBe(1n);
    await drainMatchingJobs(db, boss);
    const verified = (await integrityOf(need.id, relaxed.id)) as ScoreEntry;
    const today = new Date().toISOString().slice(0, 10);
    expect(verified.reason).toEqual({
      code: 'VERIFIED_TENDER_DECLARED_FUNDING',
      params: { source: 'PROZORRO', verifiedOn: today, procedure: 'open', bids: 2, funding: 'DONOR_GRANT' },
    });
    expect(verified.points).toBeGreaterThan(declaredPoints);

    // The same record again changes nothing the ranking reads: no second re-ranking.
    await importTenderEvidence(db, facilitator, { needId: need.id, source: 'PROZORRO', packageJson: oneLine(packageOf(OPEN_TENDER)) }, { ip: null });
    expect(await jobsFor(QUEUES.needChanged, need.id)).toBe(0n);
  });

  it('a record of a limited procedure outweighs the declared Prozorro tender: a company requiring a transparent tender is excluded', async () => {
    const { need, relaxed, strict } = await world(LIMITED);
    expect(await integrityOf(need.id, strict.id)).not.toBe('excluded');
    await importTenderEvidence(db, facilitator, { needId: need.id, source: 'PROZORRO', packageJson: oneLine(packageOf(LIMITED)) }, { ip: null });
    await drainMatchingJobs(db, boss);
    expect(await integrityOf(need.id, relaxed.id)).toMatchObject({ reason: { code: 'VERIFIED_NOT_COMPETITIVE', params: { procedure: 'limited', procurement: 'PROZORRO' } } });
    expect(['absent', 'excluded']).toContain(await integrityOf(need.id, strict.id));
  });

  it('refuses a package about another tender (status INVALID, no facts) and what is not JSON (no row)', async () => {
    const { need } = await world(LIMITED);
    const saved = await importTenderEvidence(db, facilitator, { needId: need.id, source: 'PROZORRO', packageJson: oneLine(packageOf(OPEN_TENDER)) }, { ip: null });
    expect(saved.status).toBe('INVALID');
    const row = await db.tenderEvidence.findUniqueOrThrow({ where: { id: saved.id } });
    expect(row).toMatchObject({ verifiedAt: null, procurementMethod: null, statusDetail: 'no release for this tender in the package' });
    const other = await world(LIMITED);
    await expect(importTenderEvidence(db, facilitator, { needId: other.need.id, source: 'PROZORRO', packageJson: '{"releases": [' }, { ip: null }))
      .rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(importTenderEvidence(db, facilitator, { needId: other.need.id, source: 'DREAM', packageJson: oneLine(packageOf(LIMITED)) }, { ip: null }))
      .rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await db.tenderEvidence.count({ where: { needId: other.need.id } })).toBe(0);
  });

  it('stops counting once the hromada names another tender, and shows the record to staff only', async () => {
    const { need, relaxed } = await world(OPEN_TENDER);
    await importTenderEvidence(db, facilitator, { needId: need.id, source: 'PROZORRO', packageJson: oneLine(packageOf(OPEN_TENDER)) }, { ip: null });
    await drainMatchingJobs(db, boss);
    expect(await integrityOf(need.id, relaxed.id)).toMatchObject({ reason: { code: 'VERIFIED_TENDER_DECLARED_FUNDING' } });
    await db.$transaction(async (tx) => {
      await tx.need.update({ where: { id: need.id }, data: { prozorroTenderId: 'UA-2025-02-02-000002-b' } });
      await needChanged(tx, need.id);
    });
    await drainMatchingJobs(db, boss);
    expect(await integrityOf(need.id, relaxed.id)).toMatchObject({ reason: { code: 'TRANSPARENT_AND_OVERSEEN' } });

    expect(await listTenderEvidence(db, facilitator, need.id)).toHaveLength(1);
    const owner: Actor = { userId: 'x', role: 'MUNICIPALITY_REP', companyId: null, municipalityId: need.municipalityId };
    await expect(listTenderEvidence(db, owner, need.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(listTenderEvidence(db, null, need.id)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});

describe('fetching the record through the job queue', () => {
  it('fetches from the configured endpoint, verifies, and re-ranks', async () => {
    const { need, relaxed } = await world(OPEN_TENDER, 'MUNICIPAL_BUDGET');
    // Without an endpoint nothing is queued.
    await db.$transaction((tx) => requestTenderEvidence(tx, need.id, {}));
    expect(await jobsFor(QUEUES.tenderEvidence, need.id)).toBe(0n);
    await db.$transaction((tx) => requestTenderEvidence(tx, need.id, config().endpoints));
    expect(await jobsFor(QUEUES.tenderEvidence, need.id)).toBe(1n);

    await drainEvidenceJobs(db, boss, config());
    expect(requests).toContain(`/record.json?ocid=ocds-be6bcu-${OPEN_TENDER}`);
    const row = await db.tenderEvidence.findUniqueOrThrow({ where: { needId_source: { needId: need.id, source: 'PROZORRO' } } });
    expect(row).toMatchObject({ status: 'VERIFIED', origin: baseUrl, numberOfTenderers: 2, procurementMethod: 'open' });
    expect(await db.auditLog.count({ where: { action: 'tenderEvidence.fetched', entityId: need.id } })).toBe(1);

    await drainMatchingJobs(db, boss);
    expect(await integrityOf(need.id, relaxed.id)).toMatchObject({ reason: { code: 'VERIFIED_TENDER', params: { bids: 2, funding: 'MUNICIPAL_BUDGET' } } });
  });

  it('says so on the record when the endpoint is unreachable, retries, and keeps the facts read before', async () => {
    const { need, relaxed } = await world(OPEN_TENDER);
    const job = { needId: need.id, source: 'PROZORRO' as const };
    expect(await fetchTenderEvidence(db, job, config(), false)).toBe('saved');
    await drainMatchingJobs(db, boss);

    // A closed port: nothing listens there.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const unreachable = config({ endpoints: { PROZORRO: `http://127.0.0.1:${port}/record.json?ocid={ocid}` } });

    expect(await fetchTenderEvidence(db, job, unreachable, false)).toBe('retry');
    expect(await fetchTenderEvidence(db, job, unreachable, true)).toBe('saved');
    const row = await db.tenderEvidence.findUniqueOrThrow({ where: { needId_source: job } });
    expect(row.status).toBe('UNREACHABLE');
    expect(row.statusDetail).toContain(`http://127.0.0.1:${port}`);
    expect(row).toMatchObject({ procurementMethod: 'open', numberOfTenderers: 2 });
    expect(row.verifiedAt).not.toBeNull();
    // The facts did not change, so neither does the ranking: still verified, as of their date.
    expect(await jobsFor(QUEUES.needChanged, need.id)).toBe(0n);
    expect(await integrityOf(need.id, relaxed.id)).toMatchObject({ reason: { code: 'VERIFIED_TENDER_DECLARED_FUNDING' } });

    // Through the queue, a failed attempt is retried by pg-boss later.
    await db.$transaction((tx) => requestTenderEvidence(tx, need.id, unreachable.endpoints));
    await drainEvidenceJobs(db, boss, unreachable);
    const [queued] = await db.$queryRaw<{ state: string }[]>`
      SELECT state::text AS state FROM pgboss.job WHERE name = ${QUEUES.tenderEvidence} AND data->>'needId' = ${need.id} ORDER BY created_on DESC LIMIT 1`;
    expect(queued.state).toBe('retry');
  });

  it('records NOT_FOUND and a server error, and holds back when the rate limit is spent', async () => {
    const { need } = await world('UA-2025-01-01-000001-a');
    const job = { needId: need.id, source: 'PROZORRO' as const };
    expect(await fetchTenderEvidence(db, job, config(), false)).toBe('saved');
    expect((await db.tenderEvidence.findUniqueOrThrow({ where: { needId_source: job } })).status).toBe('NOT_FOUND');

    answer = { status: 503, body: 'busy' };
    try {
      expect(await fetchTenderEvidence(db, job, config(), false)).toBe('retry');
      expect(await db.tenderEvidence.findUniqueOrThrow({ where: { needId_source: job } })).toMatchObject({ status: 'UNREACHABLE', statusDetail: `${baseUrl}: HTTP 503` });
    } finally {
      answer = null;
    }

    const limited = config({ perMinute: 1 });
    const before = requests.length;
    // Another source name keeps this count apart from the other tests'.
    const dream = { needId: need.id, source: 'DREAM' as const };
    await db.need.update({ where: { id: need.id }, data: { dreamProjectId: 'DREAM-UA-TEST-1' } });
    const dreamConfig = { ...limited, endpoints: { DREAM: `${baseUrl}/record.json?ocid={ocid}` } };
    expect(await fetchTenderEvidence(db, dream, dreamConfig, false)).toBe('saved');
    expect(await fetchTenderEvidence(db, dream, dreamConfig, false)).toBe('rate-limited');
    expect(requests.length).toBe(before + 1);
  });

  it('a failed DREAM fetch keeps the facts of the record read before, whose OCID carries a publisher prefix', async () => {
    // DREAM asks for the bare project id and accepts any record whose OCID ends in it, so the
    // stored OCID differs from what a failed attempt asks for. The committed Prozorro package
    // stands in for a DREAM record of project OPEN_TENDER: its OCID is 'ocds-be6bcu-' + that id.
    const { need } = await world(OPEN_TENDER);
    await db.need.update({ where: { id: need.id }, data: { dreamProjectId: OPEN_TENDER } });
    const job = { needId: need.id, source: 'DREAM' as const };
    expect(await fetchTenderEvidence(db, job, config({ endpoints: { DREAM: `${baseUrl}/record.json?ocid={ocid}` } }), false)).toBe('saved');
    expect(requests).toContain(`/record.json?ocid=${OPEN_TENDER}`);
    const verified = await db.tenderEvidence.findUniqueOrThrow({ where: { needId_source: job } });
    expect(verified).toMatchObject({ status: 'VERIFIED', ocid: `ocds-be6bcu-${OPEN_TENDER}`, procurementMethod: 'open', numberOfTenderers: 2 });
    await drainMatchingJobs(db, boss);

    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await fetchTenderEvidence(db, job, config({ endpoints: { DREAM: `http://127.0.0.1:${port}/record.json?ocid={ocid}` } }), true)).toBe('saved');
    const row = await db.tenderEvidence.findUniqueOrThrow({ where: { needId_source: job } });
    expect(row).toMatchObject({ status: 'UNREACHABLE', ocid: `ocds-be6bcu-${OPEN_TENDER}`, procurementMethod: 'open', numberOfTenderers: 2 });
    expect(row.verifiedAt).toEqual(verified.verifiedAt);
    expect(await jobsFor(QUEUES.needChanged, need.id)).toBe(0n);

    // Once the hromada names another project, the old record's facts go.
    await db.need.update({ where: { id: need.id }, data: { dreamProjectId: 'DREAM-UA-OTHER-1' } });
    expect(await fetchTenderEvidence(db, job, config({ endpoints: { DREAM: `http://127.0.0.1:${port}/record.json?ocid={ocid}` } }), true)).toBe('saved');
    expect(await db.tenderEvidence.findUniqueOrThrow({ where: { needId_source: job } })).toMatchObject({ ocid: 'DREAM-UA-OTHER-1', verifiedAt: null, procurementMethod: null });
  });
});
