import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EXCLUDED, prepareCompany, prepareNeed, scorePair, TopK, type MatchContext } from '../../../lib/matching';
import { rankAll } from '../../../lib/matching/rank-parallel';
import { ranksById, TopKLists } from '../../../lib/matching/top-k';
import { company, need, policy } from './arbitraries';

// The rebuild's ranking (typed columns, a refilled company object, flat heaps) gives exactly the
// lists that scoring every pair of the real objects with scorePair and keeping the best gives.

const asOf = new Date('2026-11-21');
const noInterest: MatchContext = { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false };

const world = fc.record({
  needs: fc.uniqueArray(need, { minLength: 1, maxLength: 12, selector: (n) => n.id }),
  companies: fc.uniqueArray(company, { minLength: 1, maxLength: 40, selector: (c) => c.id }),
  policy,
  needTopK: fc.integer({ min: 1, max: 6 }),
  companyTopK: fc.integer({ min: 1, max: 4 }),
  interest: fc.array(fc.tuple(fc.nat(), fc.nat(), fc.boolean(), fc.boolean()), { maxLength: 8 }),
});

type World = typeof world extends fc.Arbitrary<infer T> ? T : never;

async function agreesWithScorePair(w: World, threads: number) {
  const needs = w.needs.map((n) => prepareNeed(n, asOf));
  const companies = w.companies.map(prepareCompany);
  const interests = new Map<number, Map<number, MatchContext>>();
  for (const [n, c, asked, invited] of w.interest) {
    const forNeed = interests.get(n % needs.length) ?? new Map<number, MatchContext>();
    forNeed.set(c % companies.length, { asOf, companyRegisteredInterest: asked, municipalityInvitedCompany: invited });
    interests.set(n % needs.length, forNeed);
  }
  const out = await rankAll({
    needs: w.needs, companies, asOf, policy: w.policy, interests, noInterest, needTopK: w.needTopK, companyTopK: w.companyTopK, threads,
  });
  expect(out.threads).toBe(Math.min(threads, needs.length));

  const needTops = needs.map(() => new TopK<{ score: number; id: string; index: number }>(w.needTopK));
  const companyTops = companies.map(() => new TopK<{ score: number; id: string; index: number }>(w.companyTopK));
  let pairs = 0;
  needs.forEach((nd, n) => {
    companies.forEach((co, c) => {
      if ((co.sectorMask & nd.sectorBit) === 0) return;
      pairs += 1;
      const score = scorePair(nd, co, interests.get(n)?.get(c) ?? noInterest, w.policy);
      if (score === EXCLUDED) return;
      needTops[n].offer({ score, id: co.company.id, index: c });
      companyTops[c].offer({ score, id: nd.need.id, index: n });
    });
  });
  expect(out.pairsScored).toBe(pairs);
  needs.forEach((_, n) => {
    expect(out.needTops.sorted(n)).toEqual(needTops[n].sorted().map((i) => ({ score: i.score, member: i.index })));
    expect(out.needTops.floor(n)).toBe(needTops[n].size >= w.needTopK ? needTops[n].sorted()[w.needTopK - 1].score : -1);
  });
  companies.forEach((_, c) => {
    expect(out.companyTops.sorted(c)).toEqual(companyTops[c].sorted().map((i) => ({ score: i.score, member: i.index })));
    expect(out.companyTops.floor(c)).toBe(companyTops[c].size >= w.companyTopK ? companyTops[c].sorted()[w.companyTopK - 1].score : -1);
  });
}

describe('rankAll', () => {
  it('keeps the same best companies of every need and best needs of every company as scorePair over every pair', async () => {
    await fc.assert(fc.asyncProperty(world, (w) => agreesWithScorePair(w, 1)), { numRuns: 300 });
  });

  // Each run starts worker threads (under a second each, with the TypeScript loader): few runs.
  it('gives the same lists when worker threads score shares of the needs', async () => {
    await fc.assert(
      fc.asyncProperty(world.filter((w) => w.needs.length >= 3), fc.integer({ min: 2, max: 3 }), (w, threads) => agreesWithScorePair(w, threads)),
      { numRuns: 6, endOnFailure: true },
    );
  }, 120_000);
});

describe('TopKLists', () => {
  it('keeps in each list what TopK keeps, ties broken by id through the ranks', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 30 }),
        fc.array(fc.tuple(fc.nat(2), fc.integer({ min: 0, max: 5 }), fc.nat()), { maxLength: 120 }),
        fc.integer({ min: 1, max: 5 }),
        (ids, offers, k) => {
          const lists = new TopKLists(3, k, ranksById(ids));
          const tops = [0, 1, 2].map(() => new TopK<{ score: number; id: string }>(k));
          for (const [list, score, m] of offers) {
            const member = m % ids.length;
            expect(lists.admits(list, score, member)).toBe(tops[list].admits(score, ids[member]));
            lists.offer(list, score, member);
            tops[list].offer({ score, id: ids[member] });
          }
          for (const list of [0, 1, 2]) {
            expect(lists.sorted(list).map((i) => ({ score: i.score, id: ids[i.member] }))).toEqual(tops[list].sorted());
          }
        },
      ),
    );
  });
});
