import { requireRole, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { QUEUES } from '../jobs/queue';
import { parseInput } from '../validation';
import { enqueue } from './enqueue';
import {
  DEFAULT_POLICY, matchingPolicySchema, policyWeightsSchema, updatePolicyInputSchema, type MatchingPolicy, type VersionedPolicy,
} from '../matching/policy';

// The matching policy in force is the newest version. Versions are never edited: a change writes
// the next version, so every stored match can say which policy scored it.

export const POLICY_EDITORS = ['FACILITATOR', 'ADMIN'] as const;

export { updatePolicyInputSchema, type UpdatePolicyInput } from '../matching/policy';

/**
 * The defaults before decision 009 added the capability constraint and turned scale on. A policy
 * whose weights (or switches) still equal these was never tuned there: the upgrade moves that
 * part to the new defaults, which the same decision chose.
 */
const DEFAULTS_BEFORE_009 = {
  weights: { capability: 25, security: 20, integrity: 15, stage: 10, scale: 8, kansai: 5, sisterCity: 5, experience: 7, reciprocal: 5 },
  hardConstraints: { security: true, integrity: true, stage: false, scale: false },
};

const sameSettings = (a: object, b: object) =>
  JSON.stringify(Object.entries(a).sort(([x], [y]) => x.localeCompare(y))) === JSON.stringify(Object.entries(b).sort(([x], [y]) => x.localeCompare(y)));

/**
 * The policy a version written before a hard constraint existed becomes: a facilitator's tuning
 * is kept — their weights (they still add up to the total) and every switch they decided on —
 * and only the switches they never saw take their default. Weights or switches still equal to
 * the defaults before decision 009 were never tuned, and take the new defaults.
 */
export function upgradedPolicy(newest: { weights: unknown; hardConstraints: unknown }): MatchingPolicy {
  const weights = policyWeightsSchema.safeParse(newest.weights);
  const stored = (newest.hardConstraints ?? {}) as Record<string, unknown>;
  const decided = Object.fromEntries(
    Object.keys(DEFAULT_POLICY.hardConstraints).flatMap((key) => (typeof stored[key] === 'boolean' ? [[key, stored[key]]] : [])),
  );
  return matchingPolicySchema.parse({
    weights: weights.success && !sameSettings(weights.data, DEFAULTS_BEFORE_009.weights) ? weights.data : DEFAULT_POLICY.weights,
    hardConstraints: sameSettings(stored, DEFAULTS_BEFORE_009.hardConstraints)
      ? DEFAULT_POLICY.hardConstraints
      : { ...DEFAULT_POLICY.hardConstraints, ...decided },
  });
}

/**
 * Writes the default policy when there is none, and the next version when the newest predates a
 * hard constraint the engine now has (its switches lack the key): a policy written before a rule
 * existed never decided on it (see upgradedPolicy). The version and its audit row (actor null:
 * the database preparation) are written together. Returns whether it wrote a version, so that
 * the caller queues a rebuild of the stored matches.
 */
export async function ensureDefaultPolicy(db: Db): Promise<boolean> {
  try {
    return await db.$transaction(async (tx) => {
      const newest = await tx.matchingPolicy.findFirst({ orderBy: { version: 'desc' } });
      if (newest) {
        const switches = Object.keys((newest.hardConstraints ?? {}) as object);
        if (Object.keys(DEFAULT_POLICY.hardConstraints).every((key) => switches.includes(key))) return false;
      }
      const version = (newest?.version ?? 0) + 1;
      const policy = newest ? upgradedPolicy(newest) : DEFAULT_POLICY;
      const note = newest
        ? 'The capability and capacity constraints added: the earlier tuning kept, new switches at their defaults (docs/decisions/009-relevance-and-capacity.md).'
        : 'Default policy, drawn from the source documents.';
      await tx.matchingPolicy.create({ data: { version, ...policy, note } });
      await recordAudit(tx, null, {
        action: newest ? 'matching-policy.upgrade' : 'matching-policy.create',
        entityType: 'MatchingPolicy',
        entityId: String(version),
        before: newest ? { version: newest.version, weights: newest.weights, hardConstraints: newest.hardConstraints } : null,
        after: { version, ...policy, note },
      });
      return true;
    });
  } catch (error) {
    // Another instance preparing the same database wrote it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
    throw error;
  }
}

export async function getCurrentPolicy(db: Pick<Db, 'matchingPolicy'>): Promise<VersionedPolicy> {
  return currentPolicyFrom(await db.matchingPolicy.findFirst({ orderBy: { version: 'desc' } }));
}

/** The newest policy row (as read by getCurrentPolicy, or beside another read), parsed; none is an error. */
export function currentPolicyFrom(row: { version: number | null; weights: unknown; hardConstraints: unknown } | null): VersionedPolicy {
  if (!row || row.version === null) throw new AppError('UNAVAILABLE', 'No matching policy: run the database preparation first');
  return { version: row.version, ...matchingPolicySchema.parse({ weights: row.weights, hardConstraints: row.hardConstraints }) };
}

export async function listPolicyVersions(db: Db, actor: Actor | null) {
  requireRole(actor, POLICY_EDITORS);
  return db.matchingPolicy.findMany({
    orderBy: { version: 'desc' },
    select: { version: true, weights: true, hardConstraints: true, note: true, createdAt: true, createdBy: { select: { name: true } } },
  });
}

/**
 * Writes the next policy version and queues a rebuild of every match, in one transaction.
 * A facilitator who edited an older version gets CONFLICT instead of overwriting a colleague.
 */
export async function updateMatchingPolicy(db: Db, actor: Actor | null, input: unknown): Promise<VersionedPolicy> {
  requireRole(actor, POLICY_EDITORS);
  const { expectedVersion, weights, hardConstraints, note } = parseInput(updatePolicyInputSchema, input);

  try {
    return await db.$transaction(async (tx) => {
      const current = await getCurrentPolicy(tx);
      if (current.version !== expectedVersion) {
        throw new AppError('CONFLICT', `The policy changed to version ${current.version} while you edited version ${expectedVersion}`, {
          currentVersion: current.version,
        });
      }
      const version = current.version + 1;
      await tx.matchingPolicy.create({ data: { version, weights, hardConstraints, note, createdById: actor.userId } });
      await recordAudit(tx, actor, {
        action: 'matching-policy.update',
        entityType: 'MatchingPolicy',
        entityId: String(version),
        before: { version: current.version, weights: current.weights, hardConstraints: current.hardConstraints },
        after: { version, weights, hardConstraints, note },
      });
      await enqueue(tx, QUEUES.rebuild, { reason: `policy v${version}` }, 'rebuild');
      return { version, weights, hardConstraints };
    });
  } catch (error) {
    // Two editors of the same version: the second insert hits the primary key.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'Another facilitator saved a new policy version first');
    }
    throw error;
  }
}
