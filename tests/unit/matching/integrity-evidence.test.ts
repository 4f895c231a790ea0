import { describe, expect, it } from 'vitest';
import { DEFAULT_POLICY, evaluateMatch, type MatchCompany, type MatchContext, type MatchNeed, type MatchResult } from '../../../lib/matching';
import type { VerifiedTender } from '../../../lib/matching/types';

// "Corruption is judged not on Ukraine's own claims but by international financial institutions"
// (Responsible Partnership): what the published record shows outweighs what the hromada declared.

const TODAY: MatchContext = { asOf: new Date('2026-11-21'), companyRegisteredInterest: false, municipalityInvitedCompany: false };

const need = (overrides: Partial<MatchNeed>): MatchNeed => ({
  id: 'need', sector: 'WATER_SANITATION', stage: 'RAPID_RECOVERY', requiredCapabilities: ['WATER_PURIFICATION'],
  budgetAmount: 900_000, budgetCurrency: 'EUR', fundingSource: 'DONOR_GRANT', procurementMethod: 'PROZORRO',
  prozorroTenderId: 'UA-2017-10-31-002726-a', dreamProjectId: null,
  site: { hromadaCode: 'UA46060250000025047', periods: [], sisterTies: [] }, ...overrides,
});
const company = (overrides: Partial<MatchCompany>): MatchCompany => ({
  id: 'company', sectors: ['WATER_SANITATION'], capabilities: ['WATER_PURIFICATION'], riskAppetite: 'POSSIBLE_HOSTILITIES',
  deliveryModes: ['ON_SITE'], stages: ['RAPID_RECOVERY'], tenderRequirement: 'NONE', maxProjectEur: 2_000_000,
  estimatedCapacityEur: 1_000_000, isSme: true, prefectureCode: '27', region: 'KANSAI', cityEn: 'Osaka', cityCode: '271004', experienceCountries: [],
  hasDisasterReconstructionExperience: false, ...overrides,
});
const tender = (overrides: Partial<VerifiedTender>): VerifiedTender => ({
  source: 'PROZORRO', verifiedOn: '2026-11-20', procedure: 'open', bids: 4, funders: [], ...overrides,
});
const integrity = (result: MatchResult) => {
  if (result.kind !== 'scored') throw new Error(JSON.stringify(result.failed));
  return result.entries.find((entry) => entry.criterion === 'integrity')!;
};
const score = (result: MatchResult) => (result.kind === 'scored' ? result.score : -1);

describe('the integrity criterion with published evidence', () => {
  it('says "declared, not verified" without evidence, and verified facts score higher than the same declaration', () => {
    const declared = evaluateMatch(need({}), company({}), TODAY, DEFAULT_POLICY);
    expect(integrity(declared).reason).toEqual({ code: 'TRANSPARENT_AND_OVERSEEN', params: { procurement: 'PROZORRO', funding: 'DONOR_GRANT' } });
    expect(integrity(declared).points).toBeLessThan(DEFAULT_POLICY.weights.integrity);

    const funded = evaluateMatch(need({ tenderEvidence: tender({ funders: ['European Investment Bank'] }) }), company({}), TODAY, DEFAULT_POLICY);
    expect(integrity(funded)).toMatchObject({
      points: DEFAULT_POLICY.weights.integrity,
      reason: { code: 'VERIFIED_TENDER_FUNDED', params: { source: 'PROZORRO', verifiedOn: '2026-11-20', procedure: 'open', bids: 4, funders: ['European Investment Bank'] } },
    });
    const verifiedTenderOnly = evaluateMatch(need({ tenderEvidence: tender({}) }), company({}), TODAY, DEFAULT_POLICY);
    expect(integrity(verifiedTenderOnly).reason.code).toBe('VERIFIED_TENDER_DECLARED_FUNDING');
    expect(score(funded)).toBeGreaterThan(score(verifiedTenderOnly));
    expect(score(verifiedTenderOnly)).toBeGreaterThan(score(declared));
  });

  it('a published record that shows no competition outweighs a declared Prozorro tender, in the score and the hard constraint', () => {
    const limited = need({ tenderEvidence: tender({ procedure: 'limited', bids: null }) });
    const reason = integrity(evaluateMatch(limited, company({}), TODAY, DEFAULT_POLICY)).reason;
    expect(reason).toEqual({
      code: 'VERIFIED_NOT_COMPETITIVE',
      params: { source: 'PROZORRO', verifiedOn: '2026-11-20', procedure: 'limited', bids: -1, procurement: 'PROZORRO', funding: 'DONOR_GRANT' },
    });
    expect(score(evaluateMatch(limited, company({}), TODAY, DEFAULT_POLICY))).toBeLessThan(score(evaluateMatch(need({}), company({}), TODAY, DEFAULT_POLICY)));
    const strict = company({ tenderRequirement: 'TRANSPARENT_TENDER' });
    expect(evaluateMatch(need({}), strict, TODAY, DEFAULT_POLICY).kind).toBe('scored');
    expect(evaluateMatch(limited, strict, TODAY, DEFAULT_POLICY)).toMatchObject({
      kind: 'excluded', failed: [{ constraint: 'integrity', reason: { code: 'REQUIRES_TRANSPARENT_TENDER' } }],
    });
  });

  it('a verified funder satisfies a company that requires international oversight, whatever was declared', () => {
    const requiresOversight = company({ tenderRequirement: 'IFI_OR_DONOR_OVERSIGHT' });
    const municipal = { fundingSource: 'MUNICIPAL_BUDGET' as const };
    expect(evaluateMatch(need(municipal), requiresOversight, TODAY, DEFAULT_POLICY).kind).toBe('excluded');
    const withFunder = need({ ...municipal, tenderEvidence: tender({ funders: ['EBRD'] }) });
    expect(integrity(evaluateMatch(withFunder, requiresOversight, TODAY, DEFAULT_POLICY)).reason.code).toBe('VERIFIED_TENDER_FUNDED');
  });
});
