import { requireRole, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { QUEUES } from '../jobs/queue';
import { parseInput } from '../validation';
import { enqueue } from './enqueue';
import { DEFAULT_POLICY, matchingPolicySchema, updatePolicyInputSchema, type VersionedPolicy } from '../matching/policy';

// The matching policy in force is the newest version. Versions are never edited: a change writes
// the next version, so every stored match can say which policy scored it.

export const POLICY_EDITORS = ['FACILITATOR', 'ADMIN'] as const;

export { updatePolicyInputSchema, type UpdatePolicyInput } from '../matching/policy';

/**
 * Writes the default policy when there is none, and a new version with the defaults when the
 * newest version predates a hard constraint the engine now has (its switches lack the key): a
 * policy written before a rule existed never decided on it. Returns whether it wrote a version,
 * so that the caller queues a rebuild of the stored matches.
 */
export async function ensureDefaultPolicy(db: Db): Promise<boolean> {
  const newest = await db.matchingPolicy.findFirst({ orderBy: { version: 'desc' } });
  if (newest) {
    const switches = Object.keys((newest.hardConstraints ?? {}) as object);
    const known = Object.keys(DEFAULT_POLICY.hardConstraints);
    if (known.every((key) => switches.includes(key))) return false;
  }
  const version = (newest?.version ?? 0) + 1;
  const note = newest
    ? 'Default policy with the capability and capacity constraints (docs/decisions/009-relevance-and-capacity.md).'
    : 'Default policy, drawn from the source documents.';
  try {
    await db.matchingPolicy.create({ data: { version, ...DEFAULT_POLICY, note } });
  } catch (error) {
    // Another instance preparing the same database wrote it first.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return false;
    throw error;
  }
  return true;
}

export async function getCurrentPolicy(db: Pick<Db, 'matchingPolicy'>): Promise<VersionedPolicy> {
  const row = await db.matchingPolicy.findFirst({ orderBy: { version: 'desc' } });
  if (!row) throw new AppError('UNAVAILABLE', 'No matching policy: run the database preparation first');
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
