import { TenderRequirement } from '../generated/prisma/enums';
import { EXCLUDED, scorerFor } from './evaluate';
import type { MatchingPolicy } from './policy';
import { prepareNeed, type PreparedCompany, type PreparedNeed } from './prepare';
import { ranksById, TopKLists } from './top-k';
import type { MatchContext, MatchNeed } from './types';

// Ranking every need against every company of its sector at once (the full rebuild): the best
// companies of each need and the best needs of each company. The companies are read from typed
// columns and both sides' lists are flat typed heaps over indices (TopKLists), so the loop that
// runs for every pair — 145 M at national scale — reads no per-company object and compares no
// id string; and the columns live in shared memory, so worker threads can each take a share of
// the needs (rank-parallel.ts) without copying the companies.

/** The companies' facts that scoring reads, one typed array per fact (shared memory). */
export type CompanyTable = {
  count: number;
  sectorMask: Int32Array;
  capabilityLo: Int32Array;
  capabilityHi: Int32Array;
  tolerance: Int8Array;
  stageMask: Int8Array;
  capacityEur: Float64Array;
  tender: Int8Array;
  flags: Uint8Array;
  /** Index into `prefectureCodes` / `cityCodes` (-1: none); strings are read only for needs with sister ties. */
  prefecture: Int32Array;
  city: Int32Array;
  prefectureCodes: string[];
  cityCodes: string[];
  /** Each company's position in id order: the tie-break. */
  ranks: Int32Array;
};

const WAITS = 1;
const REMOTE = 2;
const SME = 4;
const KANSAI = 8;
const DISASTER = 16;
const MINE_ACTION = 32;
const POST_CONFLICT = 64;

const TENDER_REQUIREMENTS = Object.values(TenderRequirement);

const shared = <T>(make: (buffer: SharedArrayBuffer) => T, bytes: number) => make(new SharedArrayBuffer(Math.max(bytes, 8)));

export function companyTable(companies: readonly PreparedCompany[]): CompanyTable {
  const n = companies.length;
  const codes = (values: (string | null)[]) => [...new Set(values.filter((v): v is string => v !== null))];
  const prefectureCodes = codes(companies.map((c) => c.prefectureCode));
  const cityCodes = codes(companies.map((c) => c.cityCode));
  const prefectureIndex = new Map(prefectureCodes.map((code, i) => [code, i]));
  const cityIndex = new Map(cityCodes.map((code, i) => [code, i]));
  const table: CompanyTable = {
    count: n,
    sectorMask: shared((b) => new Int32Array(b), n * 4),
    capabilityLo: shared((b) => new Int32Array(b), n * 4),
    capabilityHi: shared((b) => new Int32Array(b), n * 4),
    tolerance: shared((b) => new Int8Array(b), n),
    stageMask: shared((b) => new Int8Array(b), n),
    capacityEur: shared((b) => new Float64Array(b), n * 8),
    tender: shared((b) => new Int8Array(b), n),
    flags: shared((b) => new Uint8Array(b), n),
    prefecture: shared((b) => new Int32Array(b), n * 4),
    city: shared((b) => new Int32Array(b), n * 4),
    prefectureCodes,
    cityCodes,
    ranks: shared((b) => new Int32Array(b), n * 4),
  };
  table.ranks.set(ranksById(companies.map((c) => c.company.id)));
  companies.forEach((c, i) => {
    table.sectorMask[i] = c.sectorMask;
    table.capabilityLo[i] = c.capabilityLo;
    table.capabilityHi[i] = c.capabilityHi;
    table.tolerance[i] = c.tolerance;
    table.stageMask[i] = c.stageMask;
    table.capacityEur[i] = c.capacityEur;
    table.tender[i] = TENDER_REQUIREMENTS.indexOf(c.tenderRequirement);
    table.prefecture[i] = prefectureIndex.get(c.prefectureCode) ?? -1;
    table.city[i] = c.cityCode === null ? -1 : (cityIndex.get(c.cityCode) ?? -1);
    table.flags[i] =
      (c.waitsForCeasefire ? WAITS : 0) |
      (c.canDeliverRemotely ? REMOTE : 0) |
      (c.isSme ? SME : 0) |
      (c.isKansai ? KANSAI : 0) |
      (c.hasDisasterReconstructionExperience ? DISASTER : 0) |
      (c.hasMineActionExperience ? MINE_ACTION : 0) |
      (c.hasPostConflictExperience ? POST_CONFLICT : 0);
  });
  return table;
}

/**
 * One company object the scoring reads, refilled from the table for every pair: the engine's own
 * scoring then runs on data in the first-level cache. Every fact the scoring path reads is
 * filled; what only explaining reads (the company's record, its lists of countries) is not, so
 * the object never leaves this module (rank-all.test.ts holds the lists equal to those of
 * scorePair over the real objects, which fails if scoring ever reads an unfilled field).
 */
function scratchCompany(): PreparedCompany {
  return {
    company: EXPLAINING_ONLY,
    sectorMask: 0,
    capabilityLo: 0,
    capabilityHi: 0,
    tolerance: 0,
    waitsForCeasefire: false,
    isKansai: false,
    canDeliverRemotely: false,
    stageMask: 0,
    capacityEur: 0,
    mineActionCountries: [],
    postConflictCountries: [],
    isSme: false,
    tenderRequirement: TENDER_REQUIREMENTS[0],
    prefectureCode: '',
    cityCode: null,
    hasDisasterReconstructionExperience: false,
    hasMineActionExperience: false,
    hasPostConflictExperience: false,
  };
}
const EXPLAINING_ONLY = Object.freeze({}) as PreparedCompany['company'];

function fill(scratch: PreparedCompany, table: CompanyTable, c: number): PreparedCompany {
  const flags = table.flags[c];
  scratch.sectorMask = table.sectorMask[c];
  scratch.capabilityLo = table.capabilityLo[c];
  scratch.capabilityHi = table.capabilityHi[c];
  scratch.tolerance = table.tolerance[c];
  scratch.stageMask = table.stageMask[c];
  scratch.capacityEur = table.capacityEur[c];
  scratch.tenderRequirement = TENDER_REQUIREMENTS[table.tender[c]];
  scratch.waitsForCeasefire = (flags & WAITS) !== 0;
  scratch.canDeliverRemotely = (flags & REMOTE) !== 0;
  scratch.isSme = (flags & SME) !== 0;
  scratch.isKansai = (flags & KANSAI) !== 0;
  scratch.hasDisasterReconstructionExperience = (flags & DISASTER) !== 0;
  scratch.hasMineActionExperience = (flags & MINE_ACTION) !== 0;
  scratch.hasPostConflictExperience = (flags & POST_CONFLICT) !== 0;
  const prefecture = table.prefecture[c];
  const city = table.city[c];
  scratch.prefectureCode = prefecture < 0 ? '' : table.prefectureCodes[prefecture];
  scratch.cityCode = city < 0 ? null : table.cityCodes[city];
  return scratch;
}

/** Company indices by sector bit: a need meets only the companies that work in its sector. */
export function companiesBySector(sectorMasks: Int32Array): Map<number, Int32Array> {
  const lists = new Map<number, number[]>();
  sectorMasks.forEach((mask, index) => {
    for (let bit = 1; bit !== 0 && bit <= mask; bit <<= 1) {
      if ((mask & bit) === 0) continue;
      let list = lists.get(bit);
      if (!list) lists.set(bit, (list = []));
      list.push(index);
    }
  });
  return new Map([...lists].map(([bit, list]) => [bit, Int32Array.from(list)]));
}

/** How the whole rebuild scores, the same for every share of it. */
export type RankSettings = {
  asOf: Date;
  policy: MatchingPolicy;
  /** Contexts of the pairs somebody showed interest in, by need index (of the whole) then company index. */
  interests: Map<number, Map<number, MatchContext>>;
  noInterest: MatchContext;
  needTopK: number;
  companyTopK: number;
};

/** What one share of the work needs: plain data and shared arrays, so it can cross to a worker thread. */
export type RankShare = RankSettings & {
  table: CompanyTable;
  /** The needs of this share, need `from + i` of the whole at index i. */
  needs: readonly MatchNeed[];
  from: number;
  /** Every need's position in id order (all needs, shared). */
  needRanks: Int32Array;
};

/** A share's lists as plain typed arrays (they cross back by transfer). */
export type RankShareResult = {
  pairsScored: number;
  need: { scores: Int32Array; members: Int32Array; sizes: Int32Array };
  company: { scores: Int32Array; members: Int32Array; sizes: Int32Array };
};

/** Scores one share of the needs against their sectors' companies; runs in a worker thread or in this one. */
export function rankShare(share: RankShare): RankShareResult {
  const { table, needs, from, policy, interests, noInterest } = share;
  const scoreOf = scorerFor(policy);
  const scratch = scratchCompany();
  // The share's needs are lists 0..needs.length-1; members are company indices.
  const needTops = new TopKLists(needs.length, share.needTopK, table.ranks);
  const companyTops = new TopKLists(table.count, share.companyTopK, share.needRanks);
  const bySector = companiesBySector(table.sectorMask);
  const none = new Int32Array(0);
  let pairsScored = 0;
  for (let i = 0; i < needs.length; i += 1) {
    const n = from + i;
    const need: PreparedNeed = prepareNeed(needs[i], share.asOf);
    const members = bySector.get(need.sectorBit) ?? none;
    const interest = interests.get(n);
    pairsScored += members.length;
    for (let m = 0; m < members.length; m += 1) {
      const c = members[m];
      const context = interest === undefined ? noInterest : (interest.get(c) ?? noInterest);
      const score = scoreOf(need, fill(scratch, table, c), context);
      if (score === EXCLUDED) continue;
      if (needTops.admits(i, score, c)) needTops.offer(i, score, c);
      if (companyTops.admits(c, score, n)) companyTops.offer(c, score, n);
    }
  }
  return {
    pairsScored,
    need: { scores: needTops.scores, members: needTops.members, sizes: needTops.sizes },
    company: { scores: companyTops.scores, members: companyTops.members, sizes: companyTops.sizes },
  };
}

export type RankAllOutput = {
  pairsScored: number;
  /** One list per need, of company indices. */
  needTops: TopKLists;
  /** One list per company, of need indices. */
  companyTops: TopKLists;
};

/**
 * The shares' lists put together: a need's list comes whole from its share; a company's best
 * needs are the best of the shares' best (each share kept its k best, so no better one is lost).
 */
export function mergeShares(
  shares: { from: number; result: RankShareResult }[],
  counts: { needs: number; companies: number },
  ranks: { needs: Int32Array; companies: Int32Array },
  k: { need: number; company: number },
): RankAllOutput {
  const needTops = new TopKLists(counts.needs, k.need, ranks.companies);
  const companyTops = new TopKLists(counts.companies, k.company, ranks.needs);
  let pairsScored = 0;
  for (const { from, result } of shares) {
    pairsScored += result.pairsScored;
    const offerAll = (lists: TopKLists, part: RankShareResult['need'], size: number, offset: number) => {
      for (let list = 0; list < part.sizes.length; list += 1) {
        for (let j = 0; j < part.sizes[list]; j += 1) lists.offer(list + offset, part.scores[list * size + j], part.members[list * size + j]);
      }
    };
    offerAll(needTops, result.need, k.need, from);
    offerAll(companyTops, result.company, k.company, 0);
  }
  return { pairsScored, needTops, companyTops };
}
