import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, evaluateMatch, type MatchContext, type MatchNeed, type SitePeriod } from '../../../lib/matching';
import { passesHardConstraints } from '../../../lib/matching/constraints';
import { prepareCompany, prepareNeed } from '../../../lib/matching/prepare';
import { candidateFilter, REMOTE_DELIVERY_MODES } from '../../../lib/matching/rules';
import { readSiteStatus } from '../../../lib/matching/site-security';
import { HOSTILITY_SEVERITY, severitySql, STATUS_OF_SEVERITY } from '../../../lib/reference/hostility-severity';
import { estimateCapacityEur } from '../../../lib/companies/capacity';
import { company, context, need, policy } from './arbitraries';

// The hard rules, each written once (lib/matching/rules.ts): the SQL pre-filter's conditions are
// derived from them, the partial-settlement discount and the stage switch hold, severity is an
// explicit order.

const TODAY: MatchContext = { asOf: new Date('2026-11-21'), companyRegisteredInterest: false, municipalityInvitedCompany: false };
const period = (status: SitePeriod['status'], isWholeHromada: boolean): SitePeriod => ({ status, isWholeHromada, start: new Date('2023-01-01'), end: null });
const baseNeed: MatchNeed = {
  id: 'need', sector: 'ENERGY', stage: 'RECONSTRUCTION', requiredCapabilities: ['POWER_GENERATORS'], budgetAmount: 500_000,
  budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO', prozorroTenderId: 'UA-2025-01-21-002209-a',
  dreamProjectId: null, site: { hromadaCode: 'UA63040090000021240', periods: [], sisterTies: [] },
};
const baseCompany = {
  id: 'company', sectors: ['ENERGY'], capabilities: ['POWER_GENERATORS'], riskAppetite: 'NO_HOSTILITIES', deliveryModes: ['ON_SITE'],
  stages: ['RAPID_RECOVERY'], tenderRequirement: 'NONE', maxProjectEur: 2_000_000, estimatedCapacityEur: 1_000_000, isSme: true,
  prefectureCode: '27', region: 'KANSAI', cityEn: 'Osaka', cityCode: '271004', experienceCountries: [], hasDisasterReconstructionExperience: false,
} as const;

describe('hard rules', () => {
  it('the stage constraint, when switched on, excludes a company that does not work in the need’s stage', () => {
    const strict = { ...DEFAULT_POLICY, hardConstraints: { ...DEFAULT_POLICY.hardConstraints, stage: true } };
    expect(evaluateMatch(baseNeed, baseCompany, TODAY, strict)).toEqual({
      kind: 'excluded', failed: [{ constraint: 'stage', reason: { code: 'STAGE_MISMATCH', params: { stage: 'RECONSTRUCTION' } } }],
    });
    expect(evaluateMatch(baseNeed, baseCompany, TODAY, DEFAULT_POLICY).kind).toBe('scored');
  });

  it('a hromada where only some settlements are listed counts one step less severe', () => {
    const partly = { ...baseNeed, site: { ...baseNeed.site, periods: [period('POSSIBLE_HOSTILITIES', false)] } };
    const whole = { ...baseNeed, site: { ...baseNeed.site, periods: [period('POSSIBLE_HOSTILITIES', true)] } };
    expect(readSiteStatus(partly.site.periods, TODAY.asOf)).toMatchObject({ severity: 1, effectiveSeverity: 0, isWholeHromada: false });
    expect(evaluateMatch(partly, baseCompany, TODAY, DEFAULT_POLICY).kind).toBe('scored');
    expect(evaluateMatch(whole, baseCompany, TODAY, DEFAULT_POLICY)).toMatchObject({ kind: 'excluded', failed: [{ reason: { code: 'BEYOND_RISK_APPETITE' } }] });
  });

  it('the candidate filter keeps exactly the profiles the engine’s security, integrity, stage and capability rules keep', () => {
    fc.assert(
      fc.property(need, company, context, policy, (n, c, ctx, p) => {
        const preparedNeed = prepareNeed(n, ctx.asOf);
        const preparedCompany = prepareCompany(c);
        const filter = candidateFilter(preparedNeed, p.hardConstraints);
        // What the SQL in lib/match-store/profiles.ts does with the filter, column by column.
        const remote = c.deliveryModes.some((m) => REMOTE_DELIVERY_MODES.includes(m));
        const kept = !filter.none && (preparedCompany.sectorMask & filter.sectorBit) !== 0
          && (filter.appetites === null || filter.appetites.includes(c.riskAppetite) || (filter.appetitesIfRemote.includes(c.riskAppetite) && remote))
          && (filter.tenderRequirements === null || filter.tenderRequirements.includes(c.tenderRequirement))
          && (filter.stageBit === null || (preparedCompany.stageMask & filter.stageBit) !== 0)
          && (filter.capabilities === null || (preparedCompany.capabilityLo & filter.capabilities.capabilityLo) !== 0
            || (preparedCompany.capabilityHi & filter.capabilities.capabilityHi) !== 0);
        const withoutScale = { ...p, hardConstraints: { ...p.hardConstraints, scale: false } };
        expect(kept).toBe(passesHardConstraints(preparedNeed, preparedCompany, withoutScale));
      }),
      { numRuns: 2000 },
    );
  });

  it('the candidate filter says "nobody" for an occupied hromada under the security constraint, so no query runs', () => {
    const hard = DEFAULT_POLICY.hardConstraints;
    const at = (periods: SitePeriod[]) => prepareNeed({ ...baseNeed, site: { ...baseNeed.site, periods } }, TODAY.asOf);
    const occupied = at([period('TEMPORARILY_OCCUPIED', true)]);
    expect(candidateFilter(occupied, hard)).toMatchObject({ none: true, appetites: [], appetitesIfRemote: [] });
    expect(candidateFilter(occupied, { ...hard, security: false })).toMatchObject({ none: false, appetites: null });
    // Occupied settlements only: the rest of the hromada is open to a company that accepts active hostilities.
    expect(candidateFilter(at([period('TEMPORARILY_OCCUPIED', false)]), hard)).toMatchObject({ none: false, appetites: ['ACTIVE_HOSTILITIES'] });
    expect(candidateFilter(at([]), hard).none).toBe(false);
  });

  it('severity is an explicit order, and its SQL is generated from the same map', () => {
    expect(STATUS_OF_SEVERITY.map((status) => HOSTILITY_SEVERITY[status])).toEqual([0, 1, 2, 3, 4]);
    const sql = severitySql('status');
    for (const [status, severity] of Object.entries(HOSTILITY_SEVERITY)) expect(sql).toContain(`WHEN '${status}' THEN ${severity}`);
  });
});

describe('capacity estimated from capital and staff', () => {
  it('grows with staff, takes capital when it is larger, and puts a 20-person SME far below a €500 M rail hub', () => {
    const small = estimateCapacityEur({ employees: 20, capitalJpy: 10_000_000n });
    expect(small).toBe(1_350_000); // ¥250 M at the ECB rate of 2026-07-21 (¥185.82 per euro)
    expect(500_000_000 > small * 10).toBe(true);
    expect(estimateCapacityEur({ employees: 300, capitalJpy: 10_000_000n })).toBeGreaterThan(small);
    expect(estimateCapacityEur({ employees: 5, capitalJpy: 10_000_000_000n })).toBe(26_910_000);
  });
});
