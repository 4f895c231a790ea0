import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import en from '../../lib/i18n/messages/en.json';
import ja from '../../lib/i18n/messages/ja.json';
import uk from '../../lib/i18n/messages/uk.json';
import * as enums from '../../lib/generated/prisma/enums';
import { LOCALES } from '../../lib/i18n/routing';
import { CRITERIA, HARD_CONSTRAINTS } from '../../lib/matching/types';
import { DECLINE_REASONS } from '../../lib/match-decisions/schemas';

// The three catalogues say the same things: the same keys, each a valid ICU message with the
// same placeholders, and a label for every value of every enum the interface shows.

type Catalogue = { [key: string]: string | Catalogue };
const CATALOGUES: Record<(typeof LOCALES)[number], Catalogue> = { ja, uk, en };

function flatten(catalogue: Catalogue, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalogue)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
    }
  }
  return into;
}

const flat = Object.fromEntries(LOCALES.map((locale) => [locale, flatten(CATALOGUES[locale])])) as Record<string, Map<string, string>>;

describe('message catalogues', () => {
  it('has one catalogue per routed locale', () => {
    expect(Object.keys(CATALOGUES).sort()).toEqual([...LOCALES].sort());
  });

  for (const locale of LOCALES) {
    for (const other of LOCALES) {
      if (locale === other) continue;
      it(`${locale} has every key that ${other} has`, () => {
        const missing = [...flat[other].keys()].filter((key) => !flat[locale].has(key));
        expect(missing).toEqual([]);
      });
    }
  }

  it('parses every message as ICU and uses the same placeholders in every language', () => {
    for (const [key, english] of flat.en) {
      const expected = [...argumentsOf(parse(english))].sort();
      for (const locale of LOCALES) {
        const message = flat[locale].get(key);
        if (message === undefined) continue;
        expect([...argumentsOf(parse(message))].sort(), `${locale}: ${key}`).toEqual(expected);
        expect(message.trim(), `${locale}: ${key} is empty`).not.toBe('');
      }
    }
  });

  it('labels every value of the enums the interface shows, in every language', () => {
    const shown: Record<string, readonly string[]> = {
      sector: Object.values(enums.SectorCode), capability: Object.values(enums.Capability), stage: Object.values(enums.Stage),
      stageHint: Object.values(enums.Stage), urgency: Object.values(enums.Urgency), hostility: Object.values(enums.HostilityStatus),
      hostilityScope: Object.values(enums.HostilityScope), deliveryMode: Object.values(enums.DeliveryMode),
      tenderRequirement: Object.values(enums.TenderRequirement), fundingSource: Object.values(enums.FundingSource),
      procurementMethod: Object.values(enums.ProcurementMethod), needStatus: Object.values(enums.NeedStatus),
      matchStatus: Object.values(enums.MatchStatus), decisionAction: Object.values(enums.DecisionAction),
      decisionPast: Object.values(enums.DecisionAction), riskAppetite: Object.values(enums.RiskAppetite),
      riskAppetiteExplained: Object.values(enums.RiskAppetite), industry: Object.values(enums.SmeIndustry),
      roles: Object.values(enums.Role), verification: Object.values(enums.VerificationStatus),
      rejectionCategory: Object.values(enums.RejectionCategory), needCloseReason: Object.values(enums.NeedCloseReason), needCloseReasonHint: Object.values(enums.NeedCloseReason), locales: Object.values(enums.Locale),
      declineReason: DECLINE_REASONS, criterion: [...CRITERIA, ...HARD_CONSTRAINTS], criterionHint: CRITERIA,
    };
    for (const locale of LOCALES) {
      for (const [namespace, values] of Object.entries(shown)) {
        for (const value of values) expect(flat[locale].has(`${namespace}.${value}`), `${locale}: ${namespace}.${value}`).toBe(true);
      }
    }
  });

  it('explains every reason code the matching engine can give', () => {
    const sources = ['criteria.ts', 'constraints.ts', 'rules.ts'].map((file) => readFileSync(path.resolve('lib/matching', file), 'utf8')).join('\n');
    const codes = new Set([...sources.matchAll(/'([A-Z][A-Z_]{4,})'/g)].map((match) => match[1]));
    const notReasons = new Set(['TRANSPARENT_TENDER_REQUIREMENT', 'IFI_OR_DONOR_OVERSIGHT', 'AFTER_CEASEFIRE_ONLY', 'PROZORRO', 'DREAM', 'DEMINING', 'RECONSTRUCTION',
      'SUPPLY_ONLY', 'REMOTE_SUPPORT', 'TRAINING_IN_JAPAN']);
    const reasonCodes = [...codes].filter((code) => !notReasons.has(code));
    expect(reasonCodes.length).toBeGreaterThan(30);
    for (const code of reasonCodes) expect(flat.en.has(`reasons.${code}`), code).toBe(true);
  });
});
