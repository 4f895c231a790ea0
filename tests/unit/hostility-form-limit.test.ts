import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  applyHostilityListFormSchema, hostilityListFormSchema, hostilityListSchema, MAX_FORM_TABLE_BYTES, sentBytes,
} from '../../lib/hostility-list/load-edition-schema';
import { MAX_BODY_BYTES } from '../../lib/security/http-policy';

// The admin form cannot send more than a request carries (MAX_BODY_BYTES): its limit is counted
// in the bytes sent, not in characters, and a full edition goes through npm run hostility:load.

const HEADER = 'hromada_code,territory_code,territory_level,territory_name,status,start_date,end_date';
const order = (hostilityTable: string) => ({ kind: 'EDITION', orderNumber: '1', orderDate: '2026-01-08', source: 'Наказ Мінрозвитку', hostilityTable });
const problem = (result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) =>
  result.error?.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('the hostilities list form’s size limit', () => {
  it('refuses the full shipped edition (689 kB of mostly Cyrillic) that the command line takes', () => {
    const full = readFileSync('prisma/reference/hostility-periods.csv', 'utf8');
    expect(full.length).toBeLessThan(MAX_BODY_BYTES * 3);
    expect(problem(hostilityListFormSchema.safeParse(order(full)))).toEqual(['hostilityTable: validation.hostilityTableTooLarge']);
    expect(problem(applyHostilityListFormSchema.safeParse({ ...order(full), checksum: '0'.repeat(64) }))).toEqual(['hostilityTable: validation.hostilityTableTooLarge']);
    expect(hostilityListSchema.safeParse(order(full)).success).toBe(true);
  });

  it('counts bytes: a Cyrillic table refused at a length an ASCII one passes', () => {
    const rows = (name: string, n: number) => [HEADER, ...Array.from({ length: n }, (_, i) => `UA1,UA1,SETTLEMENT,${name}${i},ACTIVE_HOSTILITIES,2022-02-24,`)].join('\n');
    const ascii = rows('Hrushivka settlement', 3_000);
    const cyrillic = rows('Грушівка поселення', 3_000);
    expect(cyrillic.length).toBeLessThanOrEqual(ascii.length);
    expect(hostilityListFormSchema.safeParse(order(ascii)).success).toBe(true);
    expect(problem(hostilityListFormSchema.safeParse(order(cyrillic)))).toEqual(['hostilityTable: validation.hostilityTableTooLarge']);
  });

  it('lets through only what fits in one request, with the other fields and the checksum', () => {
    // Each '\nЇ"' is sent as six bytes: \\n, Ї in UTF-8, \\".
    const table = HEADER + '\nЇ"'.repeat(Math.floor((MAX_FORM_TABLE_BYTES - sentBytes(HEADER)) / 6));
    expect(sentBytes(table)).toBeGreaterThan(MAX_FORM_TABLE_BYTES - 6);
    const input = { ...order(table), source: 'Ї'.repeat(300), orderNumber: 'Ї'.repeat(40), checksum: '0'.repeat(64) };
    expect(applyHostilityListFormSchema.safeParse(input).success).toBe(true);
    // The action's body is its arguments as JSON (React's encodeReply).
    expect(new TextEncoder().encode(JSON.stringify([input])).length).toBeLessThanOrEqual(MAX_BODY_BYTES);
    expect(hostilityListFormSchema.safeParse(order(`${table}\nЇ"`)).success).toBe(false);
  });
});
