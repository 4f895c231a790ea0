// In-memory scoring of the rebuild: the old loop (TopK objects) against rankAll, on random inputs.
import fc from 'fast-check';
import { company, need } from '../unit/matching/arbitraries';
import { DEFAULT_POLICY, EXCLUDED, prepareCompany, prepareNeed, scorePair, TopK } from '../../lib/matching';
import { rankAll, companiesBySector } from '../../lib/matching/rank-all';

const C = Number(process.env.C ?? 100_000);
const N = Number(process.env.N ?? 200);
const asOf = new Date('2026-11-21');
const oneSector = company.map((c) => ({ ...c, sectors: c.sectors.slice(0, 2), capabilities: c.capabilities.slice(0, 4) }));
let t = performance.now();
const companies = fc.sample(oneSector, { numRuns: C, seed: 1 }).map(prepareCompany);
const needs = fc.sample(need, { numRuns: N, seed: 2 }).map((n) => prepareNeed(n, asOf));
console.log('generated', Math.round(performance.now() - t), 'ms');
const policy = DEFAULT_POLICY;
const noInterest = { asOf, companyRegisteredInterest: false, municipalityInvitedCompany: false };

function old() {
  const bySector = companiesBySector(companies);
  type Item = { score: number; id: string; need: number; company: number };
  const needTops = needs.map(() => new TopK<Item>(50));
  const companyTops = companies.map(() => new TopK<Item>(10));
  let pairs = 0;
  needs.forEach((need, n) => {
    for (const c of bySector.get(need.sectorBit) ?? []) {
      const company = companies[c];
      const score = scorePair(need, company, noInterest, policy);
      pairs += 1;
      if (score === EXCLUDED) continue;
      if (needTops[n].admits(score, company.company.id)) needTops[n].offer({ score, id: company.company.id, need: n, company: c });
      if (companyTops[c].admits(score, need.need.id)) companyTops[c].offer({ score, id: need.need.id, need: n, company: c });
    }
  });
  return { pairs, needTops, companyTops };
}
for (let round = 0; round < 2; round += 1) {
  t = performance.now();
  const a = old();
  const oldMs = performance.now() - t;
  t = performance.now();
  const b = rankAll({ needs, companies, policy, interests: new Map(), noInterest, needTopK: 50, companyTopK: 10 });
  const newMs = performance.now() - t;
  console.log(`old ${Math.round(oldMs)} ms (${((oldMs * 1e6) / a.pairs).toFixed(0)} ns/pair), new ${Math.round(newMs)} ms (${((newMs * 1e6) / b.pairsScored).toFixed(0)} ns/pair), pairs ${a.pairs}`);
  let same = a.pairs === b.pairsScored;
  needs.forEach((_, n) => {
    const x = a.needTops[n].sorted().map((i) => `${i.score}:${i.company}`).join();
    const y = b.needTops.sorted(n).map((i) => `${i.score}:${i.member}`).join();
    if (x !== y) same = false;
  });
  companies.forEach((_, c) => {
    const x = a.companyTops[c].sorted().map((i) => `${i.score}:${i.need}`).join();
    const y = b.companyTops.sorted(c).map((i) => `${i.score}:${i.member}`).join();
    if (x !== y) same = false;
  });
  console.log('same lists:', same);
}
