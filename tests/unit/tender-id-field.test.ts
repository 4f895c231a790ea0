import { describe, expect, it } from 'vitest';
import { needSchema, TENDER_ID_FIELD } from '../../lib/needs/need-schema';
import { validNeed } from '../factories/valid-inputs';

// The need form shows only the tender id its procurement method asks for; the schema requires
// exactly that one, from the same table.

const issuesOf = (overrides: Record<string, unknown>) =>
  (needSchema.safeParse(validNeed(overrides)).error?.issues ?? []).map((issue) => `${issue.path.join('.')}: ${issue.message}`);

describe('the tender id a need asks for', () => {
  it('is the Prozorro id for Prozorro, the DREAM project id for DREAM, none otherwise', () => {
    expect(TENDER_ID_FIELD).toEqual({ PROZORRO: 'prozorroTenderId', DREAM: 'dreamProjectId', NONE: null });
    expect(issuesOf({ procurementMethod: 'PROZORRO', prozorroTenderId: null })).toEqual(['prozorroTenderId: validation.required']);
    expect(issuesOf({ procurementMethod: 'DREAM', prozorroTenderId: null, dreamProjectId: null })).toEqual(['dreamProjectId: validation.required']);
    expect(issuesOf({ procurementMethod: 'DREAM', prozorroTenderId: null, dreamProjectId: 'DREAM-UA-0042' })).toEqual([]);
    expect(issuesOf({ procurementMethod: 'NONE', prozorroTenderId: null, dreamProjectId: null })).toEqual([]);
  });
});
