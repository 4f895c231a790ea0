import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readOcdsPackage } from '@/lib/evidence/ocds';

// Real packages Prozorro published (tests/fixtures/ocds/README.md), read as Kakehashi reads them.

const fixture = (name: string) => JSON.parse(readFileSync(path.join(__dirname, '../../fixtures/ocds', name), 'utf8')) as unknown;
const ocid = (tenderId: string) => (candidate: string) => candidate === `ocds-be6bcu-${tenderId}`;

describe('readOcdsPackage on real Prozorro packages', () => {
  it('reads an open tender with two bids from a record package', () => {
    const outcome = readOcdsPackage(fixture('prozorro-UA-2017-10-31-002726-a.record-package.json'), ocid('UA-2017-10-31-002726-a'));
    if (!outcome.ok) throw new Error(outcome.detail);
    expect(outcome.facts).toMatchObject({
      ocid: 'ocds-be6bcu-UA-2017-10-31-002726-a',
      tenderStatus: 'complete',
      procurementMethod: 'open',
      procurementMethodDetails: 'aboveThresholdUA',
      valueAmount: 323540,
      valueCurrency: 'UAH',
      numberOfTenderers: 2,
      buyerId: 'UA-EDR-40081221',
      buyerName: 'Регіональна філія "Південно-Західна залізниця" ПАТ "Укрзалізниця"',
      funders: [],
      monitoring: [],
    });
    expect(outcome.facts.publishedDate?.toISOString()).toBe('2018-06-22T13:01:10.241Z');
    // As published, its ninth extension URL ends in "<Paste>": a warning, not a refusal.
    expect(outcome.warnings).toEqual(['/extensions/8 must match format "uri"']);
  });

  it('reads a limited (reporting) procedure as such', () => {
    const outcome = readOcdsPackage(fixture('prozorro-UA-2018-06-22-001789-a.record-package.json'), ocid('UA-2018-06-22-001789-a'));
    if (!outcome.ok) throw new Error(outcome.detail);
    expect(outcome.facts).toMatchObject({ procurementMethod: 'limited', procurementMethodDetails: 'reporting', valueAmount: 68327, numberOfTenderers: null });
  });

  it('reads a release package; a contract release has no tender facts', () => {
    const outcome = readOcdsPackage(fixture('prozorro-UA-2018-06-22-001789-a.release-package.json'), ocid('UA-2018-06-22-001789-a'));
    if (!outcome.ok) throw new Error(outcome.detail);
    expect(outcome.facts).toMatchObject({ procurementMethod: null, buyerId: 'UA-EDR-37609523' });
  });

  it('refuses a package about another tender', () => {
    const outcome = readOcdsPackage(fixture('prozorro-UA-2017-10-31-002726-a.record-package.json'), ocid('UA-2018-06-22-001789-a'));
    expect(outcome).toMatchObject({ ok: false, detail: 'no release for this tender in the package' });
  });

  it('refuses a record that breaks the schema, and what is no package at all', () => {
    const pkg = fixture('prozorro-UA-2017-10-31-002726-a.record-package.json') as { records: { compiledRelease: { tender: { numberOfTenderers?: unknown } } }[] };
    pkg.records[0].compiledRelease.tender.numberOfTenderers = 'four';
    const outcome = readOcdsPackage(pkg, ocid('UA-2017-10-31-002726-a'));
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.detail).toMatch(/^OCDS schema: \/records\/0\/compiledRelease\/tender\/numberOfTenderers/);
    expect(readOcdsPackage([1, 2], () => true).ok).toBe(false);
    expect(readOcdsPackage({ version: '1.1' }, () => true).ok).toBe(false);
  });

  it('drops NUL characters PostgreSQL cannot store, and figures no column can hold', () => {
    const pkg = fixture('prozorro-UA-2017-10-31-002726-a.record-package.json') as { records: { compiledRelease: { buyer: { name: string }; tender: { value: { amount: number } } } }[] };
    pkg.records[0].compiledRelease.buyer.name = 'Buyer\u0000 name';
    pkg.records[0].compiledRelease.tender.value.amount = 1e300;
    const outcome = readOcdsPackage(pkg, ocid('UA-2017-10-31-002726-a'));
    if (!outcome.ok) throw new Error(outcome.detail);
    expect(outcome.facts).toMatchObject({ buyerName: 'Buyer name', valueAmount: null });
  });
});
