import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import { kyivDay } from '../hostility-list/calendar';
import { logError } from '../logging/log';
import { pairPoints } from '../matching/evaluate';
import { prepareCompany, prepareNeed, type PreparedCompany, type PreparedNeed } from '../matching/prepare';
import { rankAll } from '../matching/rank-parallel';
import type { MatchContext } from '../matching/types';
import { loadInterests, loadNeeds } from './inputs';
import { loadCompanyProfiles, syncCompanyProfiles } from './profiles';
import { getCurrentPolicy } from './policy';
import { writeRebuild } from './rebuild-write';
import { COMPANY_TOP_K, NEED_TOP_K, type MatchRow } from './write';

// Rebuilds every stored match from scratch (after a policy change, or by command). Needs and
// companies are read once; each need is scored only against the companies of its sector, across
// the cores (lib/matching/rank-parallel.ts), and bounded heaps keep the best companies of every
// need and the best needs of every company. The write replaces all suggestions in one
// transaction (rebuild-write.ts), so readers never see a gap.

const ROWS_PER_CHUNK = 10_000;

export type RebuildOutcome = {
  needs: number;
  companies: number;
  pairsScored: number;
  /** Threads that scored (this one and its workers). */
  threads: number;
  matches: number;
  /** Phase timings: profiles synced, inputs read, pairs scored, rows written (score = the first three). */
  seconds: { sync: number; load: number; scoring: number; score: number; write: number };
  /** The write's steps in milliseconds: the lists put together, writeRebuild's steps (stage includes the rows' points). */
  writeMs: Record<string, number>;
};

const mapValues = <T extends object>(object: T, f: (value: number) => number) =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key, f(value as number)]));

/** `threads`: how many threads score (default: the cores, for a large enough world; tests set it). */
export async function rebuildAllMatches(db: Db, options: { asOf?: Date; threads?: number } = {}): Promise<RebuildOutcome> {
  // The list's day in Kyiv, as the daily roll-forward reads it (lib/hostility-list/calendar.ts).
  const asOf = kyivDay(options.asOf);
  const started = performance.now();
  const policy = await getCurrentPolicy(db);
  await syncCompanyProfiles(db, Prisma.sql`true`, { skipUnchanged: true });
  const synced = performance.now();
  const [needRows, companyRows, interests] = await Promise.all([
    loadNeeds(db, Prisma.sql`true`),
    loadCompanyProfiles(db, 'all'),
    loadInterests(db, Prisma.sql`true`),
  ]);
  const needs = needRows.map((need) => prepareNeed(need, asOf));
  const companies = companyRows.map(prepareCompany);
  const loaded = performance.now();

  // Interests are few: only the pairs somebody showed interest in get a context of their own.
  const noInterest: MatchContext = { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false };
  const contextOf = (interest: { asked: boolean; invited: boolean } | undefined): MatchContext =>
    interest ? { asOf, companyRegisteredInterest: interest.asked, municipalityInvitedCompany: interest.invited } : noInterest;
  const context = (need: PreparedNeed, company: PreparedCompany) => contextOf(interests.get(`${need.need.id}:${company.company.id}`));
  const needIndex = new Map(needs.map((need, n) => [need.need.id, n]));
  const companyIndex = new Map(companies.map((company, c) => [company.company.id, c]));
  const interestsByIndex = new Map<number, Map<number, MatchContext>>();
  for (const [key, interest] of interests) {
    const [needId, companyId] = key.split(':');
    const n = needIndex.get(needId);
    const c = companyIndex.get(companyId);
    if (n === undefined || c === undefined) continue;
    let forNeed = interestsByIndex.get(n);
    if (!forNeed) interestsByIndex.set(n, (forNeed = new Map()));
    forNeed.set(c, contextOf(interest));
  }

  const { pairsScored, needTops, companyTops, threads } = await rankAll({
    needs: needRows, companies, asOf, policy, interests: interestsByIndex, noInterest, needTopK: NEED_TOP_K, companyTopK: COMPANY_TOP_K,
    threads: options.threads,
  });
  const scoredAt = performance.now();

  // Each pair on either list once, with the flags of both: a need's own list first, then the
  // companies' lists, where a pair already on its need's list only gets the second flag.
  const asOfText = asOf.toISOString().slice(0, 10);
  const pairNeed: number[] = [];
  const pairCompany: number[] = [];
  const pairFlags: number[] = [];
  const IN_NEED_TOP = 1;
  const IN_COMPANY_TOP = 2;
  const needTopAt = new Map<number, number>();
  for (let n = 0; n < needs.length; n += 1) {
    for (const { member } of needTops.sorted(n)) {
      needTopAt.set(n * companies.length + member, pairNeed.length);
      pairNeed.push(n);
      pairCompany.push(member);
      pairFlags.push(IN_NEED_TOP);
    }
  }
  for (let c = 0; c < companies.length; c += 1) {
    for (const { member: n } of companyTops.sorted(c)) {
      const at = needTopAt.get(n * companies.length + c);
      if (at !== undefined) {
        pairFlags[at] |= IN_COMPANY_TOP;
        continue;
      }
      pairNeed.push(n);
      pairCompany.push(c);
      pairFlags.push(IN_COMPANY_TOP);
    }
  }
  // The rows' points are computed while COPY sends the previous chunk: the engine here, the
  // database there, on two cores.
  function* rowChunks(): Generator<MatchRow[]> {
    for (let i = 0; i < pairNeed.length; i += ROWS_PER_CHUNK) {
      const chunk: MatchRow[] = [];
      for (let j = i; j < Math.min(pairNeed.length, i + ROWS_PER_CHUNK); j += 1) {
        const need = needs[pairNeed[j]];
        const company = companies[pairCompany[j]];
        const { score, points } = pairPoints(need, company, interestsByIndex.get(pairNeed[j])?.get(pairCompany[j]) ?? noInterest, policy)!;
        chunk.push({
          needId: need.need.id, companyId: company.company.id, score, points,
          inNeedTop: (pairFlags[j] & IN_NEED_TOP) !== 0, inCompanyTop: (pairFlags[j] & IN_COMPANY_TOP) !== 0,
        });
      }
      yield chunk;
    }
  }

  const needFloors = needs.map((need, n) => ({ id: need.need.id, floor: needTops.floor(n) }));
  const companyFloors = companies.map((company, c) => {
    const last = companyTops.lastMember(c);
    return { id: company.company.id, floor: companyTops.floor(c), last: last < 0 ? null : needs[last].need.id };
  });

  const rescore = (needId: string, companyId: string) => {
    const n = needIndex.get(needId);
    const c = companyIndex.get(companyId);
    const result = n === undefined || c === undefined ? null : pairPoints(needs[n], companies[c], context(needs[n], companies[c]), policy);
    return result ?? { score: 0, points: [] };
  };
  const pointsAt = performance.now();
  const steps = await writeRebuild(db, { rows: rowChunks(), needFloors, companyFloors, policyVersion: policy.version, judgedOn: asOfText, rescore });
  // "Match" is new and already analysed (table-swap.ts indexCopy): its statistics came with it.
  // The floors were rewritten on most profile and need rows. Vacuumed now, their old versions go,
  // the profiles' pages are all-visible again (a need's re-rank reads its sector from an index
  // alone only then: profile-sector-scan.test.ts), and every row is marked committed once, here,
  // instead of by the first re-ranks that read them:
  // with data checksums each such page is a full-page image in the WAL (~12 MB for the first re-rank
  // after a national rebuild, docs/benchmarks/matching.md "Session 6"), and pages are pruned on read.
  // The matches are committed by now: a VACUUM that fails (a lock it waited for too long, under
  // lock_timeout) must not fail the job, or pg-boss would retry the whole national rebuild for a
  // step that only moves page maintenance earlier. Logged; autovacuum and the re-ranks do it later.
  try {
    await db.$executeRaw`VACUUM "CompanyMatchProfile", "Need"`;
  } catch (error) {
    logError('matching.rebuild.vacuum', error);
  }
  const ms = (from: number, to = performance.now()) => Math.round(to - from);

  return {
    needs: needs.length,
    companies: companies.length,
    pairsScored,
    threads,
    matches: pairNeed.length,
    seconds: {
      sync: (synced - started) / 1000,
      load: (loaded - synced) / 1000,
      scoring: (scoredAt - loaded) / 1000,
      score: (scoredAt - started) / 1000,
      write: (performance.now() - scoredAt) / 1000,
    },
    writeMs: { lists: ms(scoredAt, pointsAt), ...mapValues(steps, Math.round) },
  };
}
