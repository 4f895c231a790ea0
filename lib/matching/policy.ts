import { z } from 'zod';
import { limit } from '../validation-message';
import { CRITERIA, type Criterion } from './types';

// A matching policy: how much each criterion weighs (whole points adding up to 100, so that a
// score reads as "out of 100") and which constraints exclude a pair instead of costing points.
// Policies are versioned in the database; every stored match names the version that scored it.

export const TOTAL_WEIGHT = 100;

const weight = z.number().int().min(0).max(TOTAL_WEIGHT);

export const policyWeightsSchema = z
  .object(Object.fromEntries(CRITERIA.map((criterion) => [criterion, weight])) as Record<Criterion, typeof weight>)
  .strict()
  .refine((weights) => Object.values(weights).reduce((sum, w) => sum + w, 0) === TOTAL_WEIGHT, {
    message: 'matching.policy.weightsMustAddUpTo100',
  });

/** Sector fit is always hard: a company is never matched outside the sectors it works in. */
export const hardConstraintsSchema = z
  .object({
    capability: z.boolean(),
    security: z.boolean(),
    integrity: z.boolean(),
    stage: z.boolean(),
    scale: z.boolean(),
  })
  .strict();

export const matchingPolicySchema = z
  .object({ weights: policyWeightsSchema, hardConstraints: hardConstraintsSchema })
  .strict();

export type MatchingPolicy = z.infer<typeof matchingPolicySchema>;

/** What the policy editor submits: the version it was looking at, and the new settings. */
export const updatePolicyInputSchema = z
  .object({
    expectedVersion: z.int32().min(1),
    weights: policyWeightsSchema,
    hardConstraints: hardConstraintsSchema,
    note: z.string().trim().max(500, limit('validation.tooLong')).default(''),
  })
  .strict();
export type UpdatePolicyInput = z.input<typeof updatePolicyInputSchema>;
export type VersionedPolicy = MatchingPolicy & { version: number };

/**
 * The default, read from the source documents; each weight's reasoning is in
 * docs/decisions/009-relevance-and-capacity.md. Capability first (it decides whether the work
 * gets done at all), then the two conditions Tokyo names — security and the absence of
 * corruption (Responsible Partnership) — then scale (a lead contractor must be able to carry
 * the budget) and stage, and small weights for the ties that make a first project likelier.
 * Every switch is on except stage: a company that named one stage may still supply the other.
 */
export const DEFAULT_POLICY: MatchingPolicy = {
  weights: {
    capability: 30,
    security: 18,
    integrity: 14,
    stage: 8,
    scale: 12,
    kansai: 4,
    sisterCity: 4,
    experience: 6,
    reciprocal: 4,
  },
  hardConstraints: { capability: true, security: true, integrity: true, stage: false, scale: true },
};
