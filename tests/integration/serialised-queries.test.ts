import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testDb } from './test-db';

// A transaction holds one connection; code that reads several things at once inside one
// (Promise.all on `tx`, as the notifications do) handed pg's client a query while it was still
// executing another. pg 8 queues it with a deprecation warning; pg 9 refuses it. The app's
// clients take one query at a time (lib/db.ts), so no warning is printed.

const PIPELINED = /already executing a query/;
let warnings: Error[] = [];
const record = (warning: Error) => warnings.push(warning);
beforeEach(() => {
  warnings = [];
  process.on('warning', record);
});
afterEach(() => {
  process.off('warning', record);
});

describe('queries on one connection', () => {
  it('run one after another inside a transaction, however many are started at once', async () => {
    const counts = await testDb.$transaction(async (tx) => Promise.all([
      tx.prefecture.count(),
      tx.prefecture.count({ where: { code: '13' } }),
      tx.$queryRaw<{ n: number }[]>`SELECT pg_sleep(0.05)::text AS slept, 1::int AS n`,
      // One read of three relations: Prisma loads each with a query of its own, at once.
      tx.prefecture.findFirst({
        where: { code: '27' },
        select: { code: true, companies: { select: { id: true } }, sisterCities: { select: { id: true } }, municipalities: { select: { code: true }, take: 1 } },
      }),
      tx.$queryRaw<{ n: number }[]>`SELECT 2::int AS n`,
    ]));
    expect(counts[0]).toBe(47);
    expect(counts[1]).toBe(1);
    expect(counts[2][0].n).toBe(1);
    expect(counts[3]).toMatchObject({ code: '27', municipalities: [expect.anything()] });
    expect(counts[4]).toEqual([{ n: 2 }]);
    // The warning is emitted on the next tick.
    await new Promise((resolve) => setImmediate(resolve));
    expect(warnings.filter((warning) => PIPELINED.test(warning.message))).toEqual([]);
  });

  it('still answer after one of them fails, and the failure is the caller’s', async () => {
    await expect(testDb.$transaction(async (tx) => Promise.all([
      tx.$queryRaw`SELECT 1`,
      tx.$queryRaw`SELECT 1 / 0`,
      tx.$queryRaw`SELECT 1`,
    ]))).rejects.toThrow(/division by zero/);
    expect(await testDb.prefecture.count()).toBe(47);
  });
});

describe('an interactive transaction', () => {
  // Prisma's own default (5 s) rolled back a sign-up confirmation on a loaded machine; the app's
  // clients let a slow transaction finish (lib/db.ts TRANSACTION_LIMITS).
  it('commits when it takes longer than Prisma’s default five seconds', async () => {
    await expect(testDb.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_sleep(5.5)`;
      return tx.prefecture.count();
    })).resolves.toBe(47);
  }, 20_000);
});
