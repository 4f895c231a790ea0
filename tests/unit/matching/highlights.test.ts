import { describe, expect, it } from 'vitest';
import { distinguishingReasons, sharedCriteria, topReasons, weighedEntries } from '../../../lib/matching/highlights';
import type { Criterion, ScoreEntry } from '../../../lib/matching/types';

const entry = (criterion: Criterion, points: number, maxPoints: number, code: string): ScoreEntry => ({ criterion, points, maxPoints, reason: { code, params: {} } });

// Three companies for one need, as the default policy scores them: capability, security and
// integrity the same for all (the three reasons municipalities saw on every card), the rest apart.
const common = [entry('capability', 30, 30, 'ALL_CAPABILITIES'), entry('security', 16, 18, 'WITHIN_RISK_APPETITE'), entry('integrity', 11, 14, 'TRANSPARENT_AND_OVERSEEN')];
const osaka = [...common, entry('stage', 8, 8, 'STAGE_MATCH'), entry('scale', 12, 12, 'WITHIN_CAPACITY'), entry('kansai', 4, 4, 'KANSAI_COMPANY'), entry('sisterCity', 0, 4, 'NO_SISTER_TIE'), entry('experience', 0, 6, 'NO_COMPARABLE_EXPERIENCE'), entry('reciprocal', 0, 4, 'NO_INTEREST_YET')];
const yokohama = [...common, entry('stage', 8, 8, 'STAGE_MATCH'), entry('scale', 4, 12, 'ABOVE_CAPACITY'), entry('kansai', 0, 4, 'OUTSIDE_KANSAI'), entry('sisterCity', 4, 4, 'SISTER_CITY'), entry('experience', 5, 6, 'POST_CONFLICT_EXPERIENCE'), entry('reciprocal', 0, 4, 'NO_INTEREST_YET')];
const tokyo = [...common, entry('stage', 8, 8, 'STAGE_MATCH'), entry('scale', 12, 12, 'WITHIN_CAPACITY'), entry('kansai', 0, 4, 'OUTSIDE_KANSAI'), entry('sisterCity', 0, 4, 'NO_SISTER_TIE'), entry('experience', 0, 6, 'NO_COMPARABLE_EXPERIENCE'), entry('reciprocal', 4, 4, 'COMPANY_REGISTERED_INTEREST'), entry('kansai', 0, 0, 'OUTSIDE_KANSAI')];

describe('recommendation highlights', () => {
  it('leave out criteria the policy weighs nothing (no "0 / 0")', () => {
    expect(weighedEntries([entry('kansai', 0, 0, 'KANSAI_COMPANY'), entry('scale', 3, 12, 'ABOVE_CAPACITY')]).map((e) => e.criterion)).toEqual(['scale']);
    expect(topReasons([entry('kansai', 0, 0, 'KANSAI_COMPANY')])).toEqual([]);
  });

  it('top reasons: most points first, never a reason against the pair', () => {
    expect(topReasons(osaka).map((e) => e.criterion)).toEqual(['capability', 'security', 'scale']);
    expect(topReasons(yokohama, 10).map((e) => e.criterion)).not.toContain('scale');
  });

  it('find the criteria that are the same for every match on the list, and only with two or more', () => {
    expect(sharedCriteria([osaka, yokohama, tokyo])).toEqual(['capability', 'security', 'integrity', 'stage']);
    expect(sharedCriteria([osaka])).toEqual([]);
    // The same points with a different sentence are not the same reason.
    expect(sharedCriteria([[entry('scale', 6, 12, 'BUDGET_UNKNOWN')], [entry('scale', 6, 12, 'SMALL_FOR_LARGE_COMPANY')]])).toEqual([]);
  });

  it('tell each company apart by what differs from the others, strengths and weaknesses, largest first', () => {
    const highlights = distinguishingReasons(yokohama, [osaka, tokyo]);
    expect(highlights.map((h) => [h.entry.criterion, h.stance])).toEqual([['scale', 'weakness'], ['experience', 'strength'], ['sisterCity', 'strength']]);
    for (const h of highlights) expect(['capability', 'security', 'integrity', 'stage']).not.toContain(h.entry.criterion);
    expect(distinguishingReasons(osaka, [yokohama, tokyo]).map((h) => [h.entry.criterion, h.stance])).toEqual([['scale', 'strength'], ['kansai', 'strength'], ['experience', 'weakness']]);
    expect(distinguishingReasons(tokyo, [osaka, yokohama], 2).map((h) => [h.entry.criterion, h.stance])).toEqual([['scale', 'strength'], ['reciprocal', 'strength']]);
  });

  it('a match alone on its list is described by its top reasons', () => {
    expect(distinguishingReasons(osaka, [], 2)).toEqual(topReasons(osaka, 2).map((e) => ({ entry: e, stance: 'strength' })));
  });

  it('identical matches have nothing that sets them apart', () => {
    expect(distinguishingReasons(osaka, [osaka, osaka])).toEqual([]);
  });
});
