import { describe, expect, it } from 'vitest';
import { SectorCode } from '../../../lib/generated/prisma/enums';
import { CRITERIA, HARD_CONSTRAINTS } from '../../../lib/matching';
import { JUDGED_SET } from '../../../lib/matching/evaluation';

// The judged set is only a measure if it covers what the engine weighs: every sector, every
// criterion and hard constraint, enough pairs, and a reason tied to the documents for each.

const pairs = JUDGED_SET.flatMap((judged) => judged.candidates.map((candidate) => ({ judged, candidate })));

describe('the judged set', () => {
  it('holds at least 60 pairs, several candidates per need', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    for (const judged of JUDGED_SET) expect(judged.candidates.length, judged.need.id).toBeGreaterThanOrEqual(5);
  });

  it('has a need in every sector', () => {
    const sectors = new Set(JUDGED_SET.map((judged) => judged.need.sector));
    for (const sector of Object.values(SectorCode)) expect(sectors, sector).toContain(sector);
  });

  it('turns on every criterion and every hard constraint somewhere', () => {
    const covered = new Set(pairs.flatMap(({ candidate }) => candidate.turnsOn));
    for (const name of [...CRITERIA, ...HARD_CONSTRAINTS]) expect(covered, name).toContain(name);
  });

  it('gives every pair a graded judgement and a one-line rationale citing the documents', () => {
    for (const { candidate } of pairs) {
      expect([0, 1, 2, 3], candidate.company.id).toContain(candidate.relevance);
      expect(candidate.rationale.trim().length, candidate.company.id).toBeGreaterThan(20);
      expect(candidate.rationale, candidate.company.id).not.toMatch(/\n/);
      expect(candidate.rationale, candidate.company.id).toMatch(/\b(RP|UJF)\b/);
      expect(candidate.turnsOn.length, candidate.company.id).toBeGreaterThan(0);
    }
  });

  it('uses every grade, and every need has something worth finding', () => {
    expect(new Set(pairs.map(({ candidate }) => candidate.relevance))).toEqual(new Set([0, 1, 2, 3]));
    for (const judged of JUDGED_SET) expect(judged.candidates.some((c) => c.relevance >= 2), judged.need.id).toBe(true);
  });

  it('names each need and company once, and each company works in a sector of the plain engine inputs', () => {
    const needIds = JUDGED_SET.map((judged) => judged.need.id);
    expect(new Set(needIds).size).toBe(needIds.length);
    const companyIds = pairs.map(({ candidate }) => candidate.company.id);
    expect(new Set(companyIds).size).toBe(companyIds.length);
    for (const { candidate } of pairs) expect(candidate.company.sectors.length).toBeGreaterThan(0);
  });

});
