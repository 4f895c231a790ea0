/**
 * npx tsx tests/bench/relevance-facts.ts — facts about the demo world's stored recommendations,
 * on a scratch database of its own: how many entries of the needs' top lists (and of their first
 * ten) offer none of the need's required capabilities, and how many have a budget more than ten
 * times what the company can take on. Reads the stored rows with SQL only, so the same script
 * measures any version of the engine. Prints one line of JSON.
 */
import { createScratchDatabase } from '../../lib/database/scratch';

const scratch = await createScratchDatabase('kakehashi_facts');
try {
  process.env.DATABASE_URL = scratch.url;
  const { prepareDatabase } = await import('../../lib/database/prepare');
  const { seedDemoForDevelopment } = await import('../../prisma/seed/development');
  const { createDb } = await import('../../lib/db');
  await prepareDatabase(scratch.url);
  await seedDemoForDevelopment(scratch.url);
  const db = createDb(scratch.url, 2);
  const { toEur } = await import('../../lib/matching/currency');
  const eurPer = (currency: 'USD' | 'UAH' | 'JPY') => toEur(1, currency);
  const [facts] = await db.$queryRaw<Record<string, bigint | number>[]>`
    WITH listed AS (
      SELECT m."needId", m."companyId", m.score,
        row_number() OVER (PARTITION BY m."needId" ORDER BY m.score DESC, m."companyId") AS rank,
        cardinality(n."requiredCapabilities") > 0 AND NOT (n."requiredCapabilities" && c.capabilities) AS "offersNone",
        -- Budget in euros against the company's own figure, or else the estimate of lib/companies/capacity.ts.
        -- The rates are the one table's (lib/matching/currency.ts), passed in, never restated.
        n."budgetAmount" * CASE n."budgetCurrency" WHEN 'EUR' THEN 1 WHEN 'USD' THEN ${eurPer('USD')}::numeric WHEN 'UAH' THEN ${eurPer('UAH')}::numeric WHEN 'JPY' THEN ${eurPer('JPY')}::numeric END
          > 10 * COALESCE(c."maxProjectEur", greatest(c.employees * 25000000.0, c."capitalJpy") * 0.5 * ${eurPer('JPY')}::numeric) AS "farAbove"
      FROM "Match" m JOIN "Need" n ON n.id = m."needId" JOIN "Company" c ON c.id = m."companyId"
      WHERE m."inNeedTop")
    SELECT count(*) AS entries, count(*) FILTER (WHERE "offersNone") AS "offersNone",
      count(*) FILTER (WHERE rank <= 10) AS "top10Entries", count(*) FILTER (WHERE rank <= 10 AND "offersNone") AS "top10OffersNone",
      COALESCE(max(score) FILTER (WHERE "offersNone"), 0) AS "maxScoreOffersNone",
      count(*) FILTER (WHERE "farAbove") AS "farAboveCapacity", COALESCE(max(score) FILTER (WHERE "farAbove"), 0) AS "maxScoreFarAbove",
      (SELECT count(DISTINCT "needId") FROM listed) AS needs
    FROM listed`;
  console.log(JSON.stringify(Object.fromEntries(Object.entries(facts).map(([k, v]) => [k, Number(v)]))));
  await db.$disconnect();
} finally {
  await scratch.drop();
}
