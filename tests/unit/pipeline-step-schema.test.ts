import { describe, expect, it } from 'vitest';
import { recordPipelineStepSchema } from '../../lib/follow-through/schema';

// The tender identifier a party records: Prozorro's exact shape, DREAM's project id, and only on
// the step that publishes the tender.

const base = { introductionId: '7f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b', occurredOn: '2026-11-30' };
const issues = (input: unknown) => {
  const parsed = recordPipelineStepSchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.')}:${issue.message}`);
};

describe('recordPipelineStepSchema', () => {
  it('takes a Prozorro id of the form UA-YYYY-MM-DD-NNNNNN-x and a DREAM project id', () => {
    expect(issues({ ...base, step: 'TENDER_PUBLISHED', tenderSource: 'PROZORRO', tenderId: 'UA-2026-11-30-001234-a' })).toEqual([]);
    expect(issues({ ...base, step: 'TENDER_PUBLISHED', tenderSource: 'DREAM', tenderId: 'DREAM-ODE-0011' })).toEqual([]);
  });

  it('refuses a malformed or missing identifier on the published tender', () => {
    for (const tenderId of ['UA-2026-11-30-1234-a', 'ua-2026-11-30-001234-a', 'UA-2026-11-30-001234-A', 'UA-2026-11-30-001234']) {
      expect(issues({ ...base, step: 'TENDER_PUBLISHED', tenderSource: 'PROZORRO', tenderId })).toEqual(['tenderId:validation.prozorroId']);
    }
    expect(issues({ ...base, step: 'TENDER_PUBLISHED', tenderSource: 'DREAM', tenderId: 'dream project 11' })).toEqual(['tenderId:validation.dreamId']);
    expect(issues({ ...base, step: 'TENDER_PUBLISHED', tenderSource: 'PROZORRO', tenderId: '' })).toEqual(['tenderId:validation.required']);
    expect(issues({ ...base, step: 'TENDER_PUBLISHED', tenderSource: null, tenderId: null })).toEqual(['tenderSource:validation.required', 'tenderId:validation.required']);
  });

  it('keeps identifiers off the other steps, and wants a real calendar day', () => {
    expect(issues({ ...base, step: 'AWARDED', tenderSource: 'PROZORRO', tenderId: 'UA-2026-11-30-001234-a' })).toEqual(['tenderId:validation.tenderOnlyOnPublished']);
    expect(issues({ ...base, step: 'DELIVERED' })).toEqual([]);
    expect(issues({ ...base, step: 'DELIVERED', occurredOn: '2026-02-30' })).toEqual(['occurredOn:validation.invalid']);
    expect(issues({ ...base, step: 'SHIPPED' })).toEqual(['step:validation.choose']);
  });
});
