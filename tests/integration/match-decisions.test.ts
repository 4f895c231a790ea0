import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAction } from '../../lib/actions/run';
import { operationOf } from '../../lib/actions/registry';
import { listOwnIntroductions } from '../../lib/match-decisions/introductions';
import { getMatchCard, listReviewQueue, reviewQueueFilterSchema } from '../../lib/match-decisions/review-queue';
import { stopQueueClient } from '../../lib/match-store/enqueue';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createMatch } from '../factories/match';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { dataFingerprint } from './data-fingerprint';
import { testDb as db } from './test-db';

// Facilitators' decisions on matches: the pipeline, conflicts between two facilitators, the
// introduction and its emails, and what each party then sees.

let world: AccessWorld;
let secondFacilitator: AccessWorld['facilitator'];
beforeAll(async () => {
  world = await createAccessWorld(db);
  const user = await createUser(db, { role: 'FACILITATOR' });
  secondFacilitator = { actor: { userId: user.id, role: 'FACILITATOR', companyId: null, municipalityId: null }, email: user.email };
});
afterAll(async () => {
  await stopQueueClient();
});

const decide = (actor: AccessWorld['facilitator']['actor'], input: Record<string, unknown>) =>
  runAction(db, 'decideOnMatch', operationOf('decideOnMatch'), actor, input, { ip: '198.51.100.4' });

async function freshMatch() {
  const need = await createNeed(db, world.municipality);
  return createMatch(db, world.company.id, need.id);
}

describe('match decisions', () => {
  it('moves a match along the pipeline and records every decision with its note', async () => {
    const match = await freshMatch();
    const shortlisted = await decide(world.facilitator.actor, { matchId: match.id, version: 0, action: 'SHORTLIST', note: 'Generators fit.' });
    expect(shortlisted).toMatchObject({ ok: true, data: { status: 'SHORTLISTED', version: 1 } });
    const declined = await decide(world.facilitator.actor, { matchId: match.id, version: 1, action: 'DECLINE', reason: 'SECURITY_CONDITIONS', note: 'Frontline.' });
    expect(declined).toMatchObject({ ok: true, data: { status: 'DECLINED' } });
    const undone = await decide(world.facilitator.actor, { matchId: match.id, version: 2, action: 'UNDO' });
    expect(undone).toMatchObject({ ok: true, data: { status: 'SHORTLISTED', version: 3 } });

    const card = await getMatchCard(db, world.facilitator.actor, match.id);
    expect(card?.decisions.map((d) => [d.action, d.fromStatus, d.toStatus])).toEqual([
      ['UNDO', 'DECLINED', 'SHORTLISTED'],
      ['DECLINE', 'SHORTLISTED', 'DECLINED'],
      ['SHORTLIST', 'SUGGESTED', 'SHORTLISTED'],
    ]);
    expect(card?.decisions[1]).toMatchObject({ reason: 'SECURITY_CONDITIONS', note: 'Frontline.' });
    expect(await db.auditLog.count({ where: { entityType: 'Match', entityId: match.id } })).toBe(3);
  });

  it('refuses a decline without a reason, with the reason field named', async () => {
    const match = await freshMatch();
    const result = await decide(world.facilitator.actor, { matchId: match.id, version: 0, action: 'DECLINE' });
    expect(result).toMatchObject({ ok: false, error: { code: 'VALIDATION', fieldErrors: { reason: 'validation.declineReasonRequired' } } });
    expect((await db.match.findUniqueOrThrow({ where: { id: match.id } })).status).toBe('SUGGESTED');
  });

  it('gives the second of two facilitators acting on the same version a conflict, and keeps the first decision', async () => {
    const match = await freshMatch();
    const [first, second] = await Promise.all([
      decide(world.facilitator.actor, { matchId: match.id, version: 0, action: 'SHORTLIST', note: 'first' }),
      decide(secondFacilitator.actor, { matchId: match.id, version: 0, action: 'DECLINE', reason: 'DUPLICATE', note: 'second' }),
    ]);
    const outcomes = [first, second].map((r) => (r.ok ? 'ok' : r.error.code)).sort();
    expect(outcomes).toEqual(['CONFLICT', 'ok']);
    const loser = [first, second].find((r) => !r.ok);
    expect(loser).toMatchObject({ error: { messageKey: 'errors.matchChangedMeanwhile' } });
    const decisions = await db.matchDecision.findMany({ where: { needId: match.needId, companyId: match.companyId } });
    expect(decisions).toHaveLength(1);
    const stored = await db.match.findUniqueOrThrow({ where: { id: match.id } });
    expect(stored.version).toBe(1);
    expect(stored.status).toBe(decisions[0].toStatus);
  });

  it('refuses a stale version without writing anything', async () => {
    const match = await freshMatch();
    await decide(world.facilitator.actor, { matchId: match.id, version: 0, action: 'SHORTLIST' });
    const before = await dataFingerprint(db);
    const stale = await decide(secondFacilitator.actor, { matchId: match.id, version: 0, action: 'INTRODUCE', note: 'late' });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT', status: 409 } });
    expect(await dataFingerprint(db)).toEqual(before);
    expect(await db.introduction.count({ where: { needId: match.needId, companyId: match.companyId } })).toBe(0);
  });

  it('refuses steps the pipeline does not allow', async () => {
    const match = await freshMatch();
    expect(await decide(world.facilitator.actor, { matchId: match.id, version: 0, action: 'AGREE' })).toMatchObject({
      ok: false, error: { code: 'CONFLICT', messageKey: 'errors.notAllowedFromStatus' },
    });
    expect(await decide(world.facilitator.actor, { matchId: match.id, version: 0, action: 'UNDO' })).toMatchObject({
      ok: false, error: { messageKey: 'errors.nothingToUndo' },
    });
  });
});

describe('introductions', () => {
  it('emails every member of both organisations in their own language, once, and both parties see it', async () => {
    const companyColleague = await createUser(db, { role: 'COMPANY_REP', companyId: world.company.id, locale: 'ja' });
    const municipalityColleague = await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: world.municipality.id, locale: 'uk' });
    const match = await freshMatch();
    const since = new Date();

    const result = await decide(world.facilitator.actor, { matchId: match.id, version: 0, action: 'INTRODUCE', note: 'Meet in Kyiv at ReBuild Ukraine.' });
    expect(result).toMatchObject({ ok: true, data: { status: 'INTRODUCED' } });

    const emails = await db.outboxEmail.findMany({ where: { kind: 'introduction', createdAt: { gte: since } } });
    const byAddress = new Map(emails.map((email) => [email.toAddress, email]));
    expect(byAddress.get(companyColleague.email)?.locale).toBe('ja');
    expect(byAddress.get(companyColleague.email)?.subject).toContain('ご紹介');
    expect(byAddress.get(municipalityColleague.email)?.locale).toBe('uk');
    expect(byAddress.get(municipalityColleague.email)?.subject).toContain('контакти компанії');
    expect(byAddress.get(world.companyRep.email)?.text).toContain(world.municipality.contactEmail);
    expect(byAddress.get(world.municipalityRep.email)?.text).toContain(world.company.contactEmail);
    expect(byAddress.get(world.municipalityRep.email)?.text).toContain('Meet in Kyiv at ReBuild Ukraine.');
    expect(byAddress.get(companyColleague.email)?.text).toContain(`/ja/needs/${match.needId}`);

    const companySide = await listOwnIntroductions(db, world.companyRep.actor);
    const pairOf = (i: { need: { id: string }; company: { id: string } }) => `${i.need.id}:${i.company.id}`;
    const pair = `${match.needId}:${match.companyId}`;
    expect(companySide.map(pairOf)).toContain(pair);
    const municipalitySide = await listOwnIntroductions(db, world.municipalityRep.actor);
    expect(municipalitySide.map(pairOf)).toContain(pair);
    expect((await listOwnIntroductions(db, world.otherCompanyRep.actor)).map(pairOf)).not.toContain(pair);
    expect((await listOwnIntroductions(db, world.otherMunicipalityRep.actor)).map(pairOf)).not.toContain(pair);
  });

  it('cannot be undone once sent, and cannot be made for a closed need', async () => {
    const match = await freshMatch();
    await decide(world.facilitator.actor, { matchId: match.id, version: 0, action: 'INTRODUCE' });
    expect(await decide(world.facilitator.actor, { matchId: match.id, version: 1, action: 'UNDO' })).toMatchObject({
      ok: false, error: { messageKey: 'errors.introductionCannotBeUndone' },
    });

    const closed = await createNeed(db, world.municipality, { status: 'CLOSED', closedAt: new Date() });
    const closedMatch = await createMatch(db, world.company.id, closed.id);
    expect(await decide(world.facilitator.actor, { matchId: closedMatch.id, version: 0, action: 'INTRODUCE' })).toMatchObject({
      ok: false, error: { messageKey: 'errors.needNotOpen' },
    });
    expect(await db.outboxEmail.count({ where: { kind: 'introduction', text: { contains: closed.title } } })).toBe(0);
  });
});

describe('review queue', () => {
  it('filters by sector, oblast, score and status, and is for staff only', async () => {
    const match = await freshMatch();
    await db.match.update({ where: { id: match.id }, data: { score: 97 } });
    const hromada = await db.hromada.findUniqueOrThrow({ where: { code: world.municipality.hromadaCode } });
    const filter = reviewQueueFilterSchema.parse({ sector: 'ENERGY', oblast: hromada.oblastCode, minScore: '95', status: 'SUGGESTED' });
    const page = await listReviewQueue(db, world.facilitator.actor, filter);
    expect(page.items.map((item) => item.id)).toContain(match.id);
    expect(page.items.every((item) => item.score >= 95 && item.need.sector === 'ENERGY' && item.status === 'SUGGESTED')).toBe(true);

    const otherSector = await listReviewQueue(db, world.facilitator.actor, reviewQueueFilterSchema.parse({ sector: 'DEMINING', minScore: '95' }));
    expect(otherSector.items.map((item) => item.id)).not.toContain(match.id);

    await expect(listReviewQueue(db, world.companyRep.actor, filter)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(getMatchCard(db, world.municipalityRep.actor, match.id)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('treats a malformed filter as no filter', () => {
    expect(reviewQueueFilterSchema.parse({ sector: 'NUCLEAR', minScore: 'lots', oblast: "'; DROP", page: '-3' })).toEqual({ minScore: 0, page: 1 });
  });
});
