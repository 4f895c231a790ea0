import { EXCLUDED, scorerFor } from './evaluate';
import type { MatchingPolicy } from './policy';
import type { PreparedCompany, PreparedNeed } from './prepare';
import { ranksById, TopKLists } from './top-k';
import type { MatchContext } from './types';
import { TenderRequirement } from '../generated/prisma/enums';

// Ranking every need against every company of its sector at once (the full rebuild): the best
// companies of each need and the best needs of each company. Both sides' lists are flat typed
// heaps over indices (TopKLists), so the loop that runs for every pair — 145 M at national
// scale — reads no per-company heap object and compares no id string.

export type RankAllInput = {
  needs: readonly PreparedNeed[];
  companies: readonly PreparedCompany[];
  policy: MatchingPolicy;
  /** The context of pairs somebody showed interest in, by need index then company index; others get `noInterest`. */
  interests: ReadonlyMap<number, ReadonlyMap<number, MatchContext>>;
  noInterest: MatchContext;
  needTopK: number;
  companyTopK: number;
  /** Score only the needs from..to-1 (one worker's share); companies' lists then hold what those needs offered. */
  from?: number;
  to?: number;
};

export type RankAllOutput = {
  pairsScored: number;
  /** One list per need, of company indices. */
  needTops: TopKLists;
  /** One list per company, of need indices. */
  companyTops: TopKLists;
};

/** Company indices by sector bit: a need meets only the companies that work in its sector. */
export function companiesBySector(companies: readonly PreparedCompany[]): Map<number, Int32Array> {
  const lists = new Map<number, number[]>();
  companies.forEach((company, index) => {
    for (let bit = 1; bit <= company.sectorMask && bit !== 0; bit <<= 1) {
      if ((company.sectorMask & bit) === 0) continue;
      let list = lists.get(bit);
      if (!list) lists.set(bit, (list = []));
      list.push(index);
    }
  });
  return new Map([...lists].map(([bit, list]) => [bit, Int32Array.from(list)]));
}

/**
 * The companies' facts that scoring reads, one typed array per fact: a need's sector is scanned
 * in index order through a few megabytes of arrays instead of 14,000 scattered objects (at
 * 100,000 companies the objects do not fit in any cache, and every pair cost a few misses).
 */
type Columns = {
  sectorMask: Int32Array;
  capabilityLo: Int32Array;
  capabilityHi: Int32Array;
  tolerance: Int8Array;
  stageMask: Int8Array;
  capacityEur: Float64Array;
  tender: Int8Array;
  flags: Uint8Array;
  /** Strings read only for needs with sister ties; references, not copies. */
  prefectureCode: string[];
  cityCode: (string | null)[];
};

const WAITS = 1;
const REMOTE = 2;
const SME = 4;
const KANSAI = 8;
const DISASTER = 16;
const MINE_ACTION = 32;
const POST_CONFLICT = 64;

export function columnsOf(companies: readonly PreparedCompany[]): Columns {
  const n = companies.length;
  const columns: Columns = {
    sectorMask: new Int32Array(n),
    capabilityLo: new Int32Array(n),
    capabilityHi: new Int32Array(n),
    tolerance: new Int8Array(n),
    stageMask: new Int8Array(n),
    capacityEur: new Float64Array(n),
    tender: new Int8Array(n),
    flags: new Uint8Array(n),
    prefectureCode: companies.map((c) => c.prefectureCode),
    cityCode: companies.map((c) => c.cityCode),
  };
  companies.forEach((c, i) => {
    columns.sectorMask[i] = c.sectorMask;
    columns.capabilityLo[i] = c.capabilityLo;
    columns.capabilityHi[i] = c.capabilityHi;
    columns.tolerance[i] = c.tolerance;
    columns.stageMask[i] = c.stageMask;
    columns.capacityEur[i] = c.capacityEur;
    columns.tender[i] = TENDER_REQUIREMENTS.indexOf(c.tenderRequirement);
    columns.flags[i] =
      (c.waitsForCeasefire ? WAITS : 0) |
      (c.canDeliverRemotely ? REMOTE : 0) |
      (c.isSme ? SME : 0) |
      (c.isKansai ? KANSAI : 0) |
      (c.hasDisasterReconstructionExperience ? DISASTER : 0) |
      (c.hasMineActionExperience ? MINE_ACTION : 0) |
      (c.hasPostConflictExperience ? POST_CONFLICT : 0);
  });
  return columns;
}

const TENDER_REQUIREMENTS = Object.values(TenderRequirement);

/**
 * One company object the scoring reads, refilled from the columns for every pair: the engine's
 * own `scorePair` then runs on data in the first-level cache. Every fact the scoring path reads
 * is filled; what only explaining reads (the company's own record, its lists of countries) is
 * not, so the scratch object never leaves this module (rankAll's test holds its lists equal to
 * those of scorePair over the real objects).
 */
export function fill(scratch: PreparedCompany, columns: Columns, c: number): PreparedCompany {
  const flags = columns.flags[c];
  scratch.sectorMask = columns.sectorMask[c];
  scratch.capabilityLo = columns.capabilityLo[c];
  scratch.capabilityHi = columns.capabilityHi[c];
  scratch.tolerance = columns.tolerance[c];
  scratch.stageMask = columns.stageMask[c];
  scratch.capacityEur = columns.capacityEur[c];
  scratch.tenderRequirement = TENDER_REQUIREMENTS[columns.tender[c]];
  scratch.waitsForCeasefire = (flags & WAITS) !== 0;
  scratch.canDeliverRemotely = (flags & REMOTE) !== 0;
  scratch.isSme = (flags & SME) !== 0;
  scratch.isKansai = (flags & KANSAI) !== 0;
  scratch.hasDisasterReconstructionExperience = (flags & DISASTER) !== 0;
  scratch.hasMineActionExperience = (flags & MINE_ACTION) !== 0;
  scratch.hasPostConflictExperience = (flags & POST_CONFLICT) !== 0;
  scratch.prefectureCode = columns.prefectureCode[c];
  scratch.cityCode = columns.cityCode[c];
  return scratch;
}

export function rankAll(input: RankAllInput): RankAllOutput {
  const { needs, companies, policy, interests, noInterest } = input;
  const columns = columnsOf(companies);
  const scoreOf = scorerFor(policy);
  const scratch: PreparedCompany = companies.length > 0 ? { ...companies[0] } : (null as unknown as PreparedCompany);
  const needRanks = ranksById(needs.map((n) => n.need.id));
  const companyRanks = ranksById(companies.map((c) => c.company.id));
  const needTops = new TopKLists(needs.length, input.needTopK, companyRanks);
  const companyTops = new TopKLists(companies.length, input.companyTopK, needRanks);
  const bySector = companiesBySector(companies);
  const none = new Int32Array(0);
  let pairsScored = 0;
  for (let n = input.from ?? 0, to = input.to ?? needs.length; n < to; n += 1) {
    const need = needs[n];
    const members = bySector.get(need.sectorBit) ?? none;
    const interest = interests.get(n);
    pairsScored += members.length;
    for (let i = 0; i < members.length; i += 1) {
      const c = members[i];
      const context = interest === undefined ? noInterest : (interest.get(c) ?? noInterest);
      const score = scoreOf(need, fill(scratch, columns, c), context);
      if (score === EXCLUDED) continue;
      if (needTops.admits(n, score, c)) needTops.offer(n, score, c);
      if (companyTops.admits(c, score, n)) companyTops.offer(c, score, n);
    }
  }
  return { pairsScored, needTops, companyTops };
}
