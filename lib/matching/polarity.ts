// What each reason's sentence says about the pair: for it, against it, in between, or nothing
// either way. The points a criterion gives must agree with its sentence (a property test holds
// every criterion to it): a sentence for the pair earns at least half the weight, a sentence
// against it less than half, and one in between neither nothing nor everything. Issue 13 found
// "Scale 8/8" beside "the budget is above what the company can take on".

export type Polarity = 'for' | 'against' | 'partial' | 'neutral';

export const REASON_POLARITY: Record<string, Polarity> = {
  // capability
  NO_REQUIRED_CAPABILITIES: 'neutral',
  ALL_CAPABILITIES: 'for',
  SOME_CAPABILITIES: 'partial',
  NO_REQUIRED_CAPABILITY: 'against',
  // security
  SITE_OCCUPIED: 'against',
  WAITS_FOR_CEASEFIRE: 'against',
  BEYOND_RISK_APPETITE: 'against',
  REMOTE_DELIVERY_ONLY: 'partial',
  RECENT_HOSTILITIES: 'partial',
  LISTED_SETTLEMENTS_ONLY: 'for',
  NOT_ON_HOSTILITIES_LIST: 'for',
  WITHIN_RISK_APPETITE: 'for',
  // integrity
  VERIFIED_NOT_COMPETITIVE: 'against',
  VERIFIED_TENDER_FUNDED: 'for',
  VERIFIED_TENDER_DECLARED_FUNDING: 'for',
  VERIFIED_TENDER: 'for',
  TRANSPARENT_AND_OVERSEEN: 'for',
  TRANSPARENT_TENDER: 'for',
  INTERNATIONAL_OVERSIGHT: 'partial',
  NO_TRANSPARENCY_SIGNAL: 'against',
  // stage
  STAGE_MATCH: 'for',
  STAGE_MISMATCH: 'against',
  // scale
  BUDGET_UNKNOWN: 'neutral',
  ABOVE_CAPACITY: 'against',
  SMALL_FOR_LARGE_COMPANY: 'partial',
  WITHIN_CAPACITY: 'for',
  // kansai
  KANSAI_COMPANY: 'for',
  OUTSIDE_KANSAI: 'against',
  // sister city
  SISTER_CITY: 'for',
  SISTER_PREFECTURE: 'for',
  SISTER_CITY_PREFECTURE: 'partial',
  NO_SISTER_TIE: 'against',
  // experience
  MINE_ACTION_EXPERIENCE: 'for',
  POST_CONFLICT_EXPERIENCE: 'for',
  DISASTER_RECONSTRUCTION_EXPERIENCE: 'for',
  NO_COMPARABLE_EXPERIENCE: 'against',
  // reciprocal interest
  MUTUAL_INTEREST: 'for',
  COMPANY_REGISTERED_INTEREST: 'for',
  MUNICIPALITY_INVITED: 'for',
  NO_INTEREST_YET: 'against',
};

/** A stored reason of a code this table does not know (older or newer engine) says nothing either way. */
export const polarityOf = (code: string): Polarity => REASON_POLARITY[code] ?? 'neutral';

/** Whether a fraction of the weight (0–1) agrees with what the sentence says. */
export function agrees(polarity: Polarity, fraction: number): boolean {
  if (polarity === 'for') return fraction >= 0.5;
  if (polarity === 'against') return fraction < 0.5;
  if (polarity === 'partial') return fraction > 0 && fraction < 1;
  return true;
}
