import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Prisma } from '../../lib/generated/prisma/client';
import { changesRanking, RANKED_NEED_COLUMNS } from '../../lib/match-store/inputs';

// An edit of a need queues a re-rank only when it changes a column ranking reads
// (lib/needs/manage-needs.ts): the list of those columns must hold every one the ranking code does.

const MATCH_STORE = path.join(__dirname, '../../lib/match-store');
/** Files that read needs to rank them; queries.ts reads titles and urgency only to show a list. */
const SHOWS_ONLY = new Set(['queries.ts']);
const NEED_COLUMNS = new Set<string>(Object.values(Prisma.NeedScalarFieldEnum));

describe('the need columns ranking reads', () => {
  it('are listed, every one the ranking code reads from "Need" (alias n) or selects for a pair', () => {
    const read = new Set<string>();
    for (const file of readdirSync(MATCH_STORE).filter((name) => name.endsWith('.ts') && !SHOWS_ONLY.has(name))) {
      const source = readFileSync(path.join(MATCH_STORE, file), 'utf8');
      for (const [, quoted, bare] of source.matchAll(/\bn\.(?:"(\w+)"|([a-z]\w*))/g)) {
        const column = quoted ?? bare;
        if (NEED_COLUMNS.has(column)) read.add(column);
      }
      const select = source.match(/const needSelect = \{([\s\S]*?)\} satisfies/);
      for (const [, column] of select?.[1].matchAll(/(\w+): (?:true|\{)/g) ?? []) if (NEED_COLUMNS.has(column)) read.add(column);
    }
    read.delete('id');
    // The scan finds what it should: the bounds' and the inputs' columns.
    expect([...read]).toEqual(expect.arrayContaining(['sector', 'requiredCapabilities', 'budgetAmount', 'hromadaCode', 'status']));
    expect([...read].filter((column) => !(RANKED_NEED_COLUMNS as readonly string[]).includes(column))).toEqual([]);
  });

  it('change with a ranked field, not with the title, description or urgency', () => {
    const before = {
      title: 'Water pumps', description: 'x', urgency: 'HIGH', sector: 'WATER', stage: 'RECOVERY', requiredCapabilities: ['pumps'],
      budgetAmount: new Prisma.Decimal('1000.50'), budgetCurrency: 'EUR', fundingSource: 'DONOR', procurementMethod: 'PROZORRO',
      prozorroTenderId: null, dreamProjectId: null,
    };
    const edit = { ...before, budgetAmount: '1000.5' };
    expect(changesRanking(before, { ...edit, title: 'Water pumps for Bucha', description: 'y', urgency: 'LOW' })).toBe(false);
    expect(changesRanking(before, { ...edit, sector: 'ENERGY' })).toBe(true);
    expect(changesRanking(before, { ...edit, requiredCapabilities: ['pumps', 'pipes'] })).toBe(true);
    expect(changesRanking({ ...before, requiredCapabilities: ['pipes', 'pumps'] }, { ...edit, requiredCapabilities: ['pumps', 'pipes'] })).toBe(false);
    expect(changesRanking(before, { ...edit, budgetAmount: '1000.51' })).toBe(true);
    expect(changesRanking(before, { ...edit, budgetAmount: null })).toBe(true);
    expect(changesRanking({ ...before, budgetAmount: null }, { ...edit, budgetAmount: null })).toBe(false);
    expect(changesRanking(before, { ...edit, prozorroTenderId: 'UA-2026-01-01-000001-a' })).toBe(true);
    expect(changesRanking(before, { ...edit, dreamProjectId: '42' })).toBe(true);
    // A column the edit does not carry is not a change.
    expect(changesRanking(before, { title: 'only the title' })).toBe(false);
  });
});
