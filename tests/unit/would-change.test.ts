import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it } from 'vitest';
import en from '../../lib/i18n/messages/en.json';
import ja from '../../lib/i18n/messages/ja.json';
import uk from '../../lib/i18n/messages/uk.json';
import * as enums from '../../lib/generated/prisma/enums';
import { describeReason, describeRemedy, type ReasonContext } from '../../lib/i18n/describe-reason';
import type { ReasonParams } from '../../lib/matching/types';

// Every condition that can exclude a pair says, in each language, what would change it.

const MESSAGES = { en, ja, uk } as const;
const contextFor = (locale: keyof typeof MESSAGES): ReasonContext => ({
  t: createTranslator({ locale, messages: MESSAGES[locale] }) as unknown as ReasonContext['t'],
  format: createFormatter({ locale, timeZone: 'Europe/Kyiv' }),
  locale,
  prefectureName: (code) => code,
});

// The codes lib/matching/constraints.ts can fail with — its own and those of the rules it applies
// (lib/matching/rules.ts): their upper-case literals that are not enum values.
const enumValues = new Set(Object.values(enums).flatMap((values) => Object.values(values as Record<string, string>)));
const source = ['constraints.ts', 'rules.ts'].map((file) => readFileSync(path.resolve('lib/matching', file), 'utf8')).join('\n');
const emitted = [...new Set([...source.matchAll(/'([A-Z][A-Z_]{4,})'/g)].map((match) => match[1]))].filter((code) => !enumValues.has(code));
const FAILURE_CODES = [...new Set([...emitted, 'OFFERS_NONE_OF_REQUIRED_CAPABILITIES'])];

const SAMPLE_PARAMS: Record<string, ReasonParams> = {
  OUTSIDE_COMPANY_SECTORS: { sector: 'ENERGY' },
  SITE_OCCUPIED: {},
  WAITS_FOR_CEASEFIRE: { status: 'POSSIBLE_HOSTILITIES', wholeHromada: true },
  BEYOND_RISK_APPETITE: { status: 'POSSIBLE_HOSTILITIES', appetite: 'NO_HOSTILITIES', wholeHromada: false },
  REQUIRES_TRANSPARENT_TENDER: { procurement: 'NONE' },
  REQUIRES_INTERNATIONAL_OVERSIGHT: { funding: 'MUNICIPAL_BUDGET' },
  STAGE_MISMATCH: { stage: 'RECONSTRUCTION' },
  FAR_ABOVE_CAPACITY: { budgetEur: 60_000_001, capacityEur: 5_000_000 },
  OFFERS_NONE_OF_REQUIRED_CAPABILITIES: { required: ['POWER_GENERATORS', 'GRID_EQUIPMENT'] },
};

describe('what would change an exclusion', () => {
  it('reads the failure codes from the engine', () => {
    expect(FAILURE_CODES).toEqual(expect.arrayContaining([
      'OUTSIDE_COMPANY_SECTORS', 'SITE_OCCUPIED', 'WAITS_FOR_CEASEFIRE', 'BEYOND_RISK_APPETITE', 'REQUIRES_TRANSPARENT_TENDER',
      'REQUIRES_INTERNATIONAL_OVERSIGHT', 'STAGE_MISMATCH', 'FAR_ABOVE_CAPACITY', 'OFFERS_NONE_OF_REQUIRED_CAPABILITIES',
    ]));
  });

  for (const code of FAILURE_CODES) {
    it(`${code}: a sentence for the company and for others, in ja, uk and en`, () => {
      const params = SAMPLE_PARAMS[code];
      expect(params, `sample params for ${code}`).toBeDefined();
      for (const locale of ['ja', 'uk', 'en'] as const) {
        for (const reader of ['you', 'pair'] as const) {
          const sentence = describeRemedy({ code, params }, contextFor(locale), reader);
          expect(sentence, `${locale} ${reader} ${code}`).toBeTruthy();
          expect(sentence).not.toMatch(/[{}]|wouldChange\./);
        }
      }
    });
  }

  it('has no sentence for a code the engine does not give', () => {
    for (const reader of ['you', 'pair'] as const) expect(Object.keys(en.wouldChange[reader]).sort()).toEqual([...FAILURE_CODES].sort());
  });

  it('fills in what the reader needs: the status, a tenth of the budget, the capabilities to choose from', () => {
    const context = contextFor('en');
    expect(describeRemedy({ code: 'BEYOND_RISK_APPETITE', params: SAMPLE_PARAMS.BEYOND_RISK_APPETITE }, context, 'you'))
      .toBe('You would be ranked if you accepted Possible hostilities, or if you delivered remotely (supply only, remote support or training in Japan).');
    expect(describeRemedy({ code: 'FAR_ABOVE_CAPACITY', params: SAMPLE_PARAMS.FAR_ABOVE_CAPACITY }, context, 'pair')).toContain('€6,000,001 or more');
    expect(describeRemedy({ code: 'OFFERS_NONE_OF_REQUIRED_CAPABILITIES', params: SAMPLE_PARAMS.OFFERS_NONE_OF_REQUIRED_CAPABILITIES }, context, 'you'))
      .toMatch(/one of: .+ or .+\.$/);
    expect(describeRemedy({ code: 'OUTSIDE_COMPANY_SECTORS', params: { sector: 'ENERGY' } }, contextFor('ja'), 'you')).toContain('エネルギー');
  });

  it('says when only some settlements of the hromada are listed', () => {
    const partly = describeReason({ code: 'BEYOND_RISK_APPETITE', params: SAMPLE_PARAMS.BEYOND_RISK_APPETITE }, contextFor('en'));
    expect(partly).toContain('Only some settlements of the hromada are listed');
    const whole = describeReason({ code: 'BEYOND_RISK_APPETITE', params: { ...SAMPLE_PARAMS.BEYOND_RISK_APPETITE, wholeHromada: true } }, contextFor('uk'));
    expect(whole).toMatch(/^Територія/);
    // A reason stored before the scope was recorded still reads.
    expect(describeReason({ code: 'WAITS_FOR_CEASEFIRE', params: { status: 'POSSIBLE_HOSTILITIES' } }, contextFor('ja'))).toContain('現地の区分');
  });
});
