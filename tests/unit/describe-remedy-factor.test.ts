import { createFormatter, createTranslator } from 'next-intl';
import { describe, expect, it, vi } from 'vitest';
import en from '../../lib/i18n/messages/en.json';
import { describeRemedy, type ReasonContext } from '../../lib/i18n/describe-reason';

// The remedy for a budget far above a company's capacity names the capacity the scale rule would
// accept. The factor is the rule's own (lib/matching/rules.ts): were it changed there, the
// sentence follows. Here it is 4 instead of 10, which a copy of the number would not notice.
vi.mock('../../lib/matching/rules', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../lib/matching/rules')>()),
  FAR_ABOVE_CAPACITY_FACTOR: 4,
}));

const context: ReasonContext = {
  t: createTranslator({ locale: 'en', messages: en }) as unknown as ReasonContext['t'],
  format: createFormatter({ locale: 'en', timeZone: 'Europe/Kyiv' }),
  locale: 'en',
  prefectureName: (code) => code,
};

describe('describeRemedy for the scale constraint', () => {
  it('divides the budget by the factor the scale rule uses', () => {
    const reason = { code: 'FAR_ABOVE_CAPACITY', params: { budgetEur: 1_000_000, capacityEur: 50_000 } };
    expect(describeRemedy(reason, context, 'you')).toBe('You would be ranked if you could take on projects of €250,000 or more.');
  });
});
