import { z } from 'zod';
import { requireRole, isStaff, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import { Prisma } from '../generated/prisma/client';
import { needChanged } from '../match-store/enqueue';
import { changesRanking } from '../match-store/inputs';
import { noticesForNeedChange } from '../notifications/events/needs';
import { readSiteListing } from '../reference/site-listing';
import { requestTenderEvidence } from '../evidence/request-evidence';
import { parseInput } from '../validation';
import { queueTranslations } from '../content/queue-translations';
import { needTexts } from '../content/written';
import { createNeedSchema, needTransitionSchema, updateNeedSchema } from './need-schema';

// A municipality representative writes their own hromada's needs: drafts at any time, published
// once a facilitator verified the municipality. Every write names the version it read.

type Tx = Prisma.TransactionClient;

export async function createNeed(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['MUNICIPALITY_REP']);
  const { requestId, need } = parseInput(createNeedSchema, input);
  const municipality = await ownMunicipality(db, actor);
  const existing = () => db.need.findFirst({ where: { requestId, municipalityId: municipality.id }, select: { id: true, version: true } });
  const repeated = await existing();
  if (repeated) return { needId: repeated.id, version: repeated.version };
  try {
    return await db.$transaction(async (tx) => {
      const created = await tx.need.create({
        data: { ...need, requestId, budgetAmount: need.budgetAmount?.toString() ?? null, municipalityId: municipality.id, hromadaCode: municipality.hromadaCode, status: 'DRAFT' },
      });
      await recordAudit(tx, actor, { action: 'need.created', entityType: 'Need', entityId: created.id, after: auditable(created), ip: context.ip });
      await queueTranslations(tx, needTexts(created));
      return { needId: created.id, version: created.version };
    });
  } catch (error) {
    // Two submits at once: the unique request id lets one insert through; the other finds it.
    const raced = error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002' ? await existing() : null;
    if (raced) return { needId: raced.id, version: raced.version };
    throw error;
  }
}

export async function updateNeed(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['MUNICIPALITY_REP']);
  const { needId, expectedVersion, need } = parseInput(updateNeedSchema, input);
  return db.$transaction(async (tx) => {
    const before = await ownNeed(tx, actor, needId);
    if (before.status === 'CLOSED') throw new AppError('CONFLICT', 'Closed needs are not edited', { reason: 'needClosed' });
    const data = { ...need, budgetAmount: need.budgetAmount?.toString() ?? null };
    await writeVersioned(tx, needId, expectedVersion, data);
    await recordAudit(tx, actor, { action: 'need.updated', entityType: 'Need', entityId: needId, before: auditable(before), after: auditable({ ...before, ...data }), ip: context.ip });
    await queueTranslations(tx, needTexts({ ...before, ...data }));
    // An edit of what ranking does not read (the title, the description) queues no re-rank: its
    // pages would show a ranking in progress for nothing, and not be kept until it ran.
    if (changesRanking(before, data)) await needChanged(tx, needId);
    await noticesForNeedChange(tx, needId, 'changed', expectedVersion + 1);
    await requestTenderEvidence(tx, needId);
    return { needId, version: expectedVersion + 1 };
  });
}

export async function publishNeed(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['MUNICIPALITY_REP']);
  const { needId, expectedVersion } = parseInput(needTransitionSchema, input);
  const municipality = await ownMunicipality(db, actor);
  if (municipality.verificationStatus !== 'VERIFIED') throw new AppError('FORBIDDEN', 'Municipality not verified', { reason: 'notVerified' });
  const published = await transition(db, actor, needId, expectedVersion, 'DRAFT', { status: 'OPEN', publishedAt: new Date() }, 'need.published', context);
  // Published all the same, and told why nobody will be recommended: the need page says it too.
  const listing = await readSiteListing(db, municipality.hromadaCode);
  return {
    ...published,
    site: {
      status: listing.status,
      noCompanyCanBeRanked: listing.isWhollyOccupied,
      listedSettlements: listing.settlements.map((s) => s.code),
    },
  };
}

/** One need as its reader may see it: drafts only to their own municipality and to staff. */
export async function getNeedForActor(db: Db, actor: Actor | null, needId: string) {
  if (!z.uuid().safeParse(needId).success) throw new AppError('NOT_FOUND');
  const need = await db.need.findUnique({
    where: { id: needId },
    include: {
      municipality: { select: { verificationStatus: true } },
      duplicateOf: { select: { id: true, title: true, language: true } },
      hromada: { select: { code: true, nameUk: true, nameEn: true, hostilityStatus: true, hostilityScope: true, oblast: { select: { nameUk: true, nameEn: true } } } },
    },
  });
  const isOwner = actor?.role === 'MUNICIPALITY_REP' && need?.municipalityId === actor.municipalityId;
  const isPublic = need?.status === 'OPEN' && need.municipality.verificationStatus === 'VERIFIED';
  if (!need || !(isPublic || isOwner || (actor && isStaff(actor)))) throw new AppError('NOT_FOUND');
  return need;
}

/** What the official list says about the caller's own hromada, shown while they post a need. */
export async function getOwnSiteListing(db: Db, actor: Actor | null) {
  requireRole(actor, ['MUNICIPALITY_REP']);
  return readSiteListing(db, (await ownMunicipality(db, actor)).hromadaCode);
}

/** The caller's own needs, drafts included. */
export async function listOwnNeeds(db: Db, actor: Actor | null) {
  requireRole(actor, ['MUNICIPALITY_REP']);
  return db.need.findMany({ where: { municipalityId: actor.municipalityId ?? '' }, orderBy: { updatedAt: 'desc' } });
}

async function transition(
  db: Db,
  actor: Actor,
  needId: string,
  expectedVersion: number,
  from: 'DRAFT' | 'OPEN',
  data: Prisma.NeedUpdateManyMutationInput,
  action: string,
  context: ActionContext,
) {
  return db.$transaction(async (tx) => {
    const before = await ownNeed(tx, actor, needId);
    if (before.status !== from) throw new AppError('CONFLICT', `Need is ${before.status}`, { reason: 'needStatus' });
    await writeVersioned(tx, needId, expectedVersion, data);
    await recordAudit(tx, actor, { action, entityType: 'Need', entityId: needId, before: { status: before.status }, after: { status: data.status as string }, ip: context.ip });
    await needChanged(tx, needId);
    await requestTenderEvidence(tx, needId);
    return { needId, version: expectedVersion + 1 };
  });
}

export async function writeVersioned(tx: Tx, needId: string, expectedVersion: number, data: Prisma.NeedUncheckedUpdateManyInput) {
  const updated = await tx.need.updateMany({ where: { id: needId, version: expectedVersion }, data: { ...data, version: { increment: 1 } } });
  if (updated.count === 0) throw new AppError('CONFLICT', 'Need changed since it was loaded', { reason: 'staleVersion' });
}

async function ownMunicipality(db: Db, actor: Actor) {
  const municipality = actor.municipalityId ? await db.municipality.findUnique({ where: { id: actor.municipalityId } }) : null;
  if (!municipality) throw new AppError('FORBIDDEN', 'No municipality');
  return municipality;
}

/** Another municipality's need is refused as FORBIDDEN, and the refusal is audited. */
async function ownNeed(tx: Tx, actor: Actor, needId: string) {
  const need = await tx.need.findUnique({ where: { id: needId } });
  if (!need) throw new AppError('NOT_FOUND');
  if (need.municipalityId !== actor.municipalityId) throw new AppError('FORBIDDEN', 'Not your need');
  return need;
}

const auditable = (need: object) => JSON.parse(JSON.stringify(need));
