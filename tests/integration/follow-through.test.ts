import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../lib/auth/actor';
import { isAppError } from '../../lib/errors';
import { sendDueFollowUpAsks } from '../../lib/follow-through/follow-up-asks';
import { getFollowThroughFunnel } from '../../lib/follow-through/funnel';
import { recordPipelineStep } from '../../lib/follow-through/record-step';
import { getFollowThrough } from '../../lib/follow-through/view';
import { isoDay, kyivDay } from '../../lib/hostility-list/calendar';
import { createAccessWorld, type AccessWorld } from '../factories/access-world';
import { createNeed } from '../factories/need';
import { createUser } from '../factories/user';
import { testDb as db } from './test-db';

// After an introduction: the two sides are asked at 14 and 45 days, once each; the pipeline goes
// on past "agreed", step by step, recorded by the parties or facilitators only, and audited.

const DAY = 86_400_000;
const ctx = { ip: '203.0.113.9' };
let world: AccessWorld;

async function introduce(createdAt = new Date()) {
  const need = await createNeed(db, world.municipality);
  return db.introduction.create({ data: { needId: need.id, companyId: world.company.id, introducedById: world.facilitator.actor.userId, createdAt } });
}

async function refusal(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error)) return `${error.code}${error.details?.reason ? `:${String(error.details.reason)}` : ''}`;
    throw error;
  }
  return 'allowed';
}

beforeAll(async () => {
  world = await createAccessWorld(db);
  // A second member on each side, one reading Japanese, one Ukrainian: everyone is asked in their language.
  await createUser(db, { role: 'COMPANY_REP', companyId: world.company.id, locale: 'ja' });
  await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: world.municipality.id, locale: 'uk' });
}, 60_000);

describe('follow-up asks', () => {
  it('asks each side once at 14 days and once at 45 days, in each member’s language', async () => {
    const introducedAt = new Date('2024-01-10T10:00:00Z');
    const intro = await introduce(introducedAt);
    const asks = () => db.followUpAsk.findMany({ where: { introductionId: intro.id }, orderBy: [{ afterDays: 'asc' }, { side: 'asc' }] });
    const notices = () => db.notice.findMany({ where: { introductionId: intro.id, kind: 'followUpAsk' } });
    const emails = () => db.outboxEmail.findMany({ where: { kind: 'notice:followUpAsk', text: { contains: intro.id } } });

    await sendDueFollowUpAsks(db, new Date(introducedAt.getTime() + 13 * DAY));
    expect(await asks()).toEqual([]);

    const day14 = new Date(introducedAt.getTime() + 14 * DAY);
    // Two runs at once (two instances), then the next days' runs: still once per side.
    await Promise.all([sendDueFollowUpAsks(db, day14), sendDueFollowUpAsks(db, day14), sendDueFollowUpAsks(db, day14)]);
    await sendDueFollowUpAsks(db, day14);
    await sendDueFollowUpAsks(db, new Date(day14.getTime() + DAY));
    expect((await asks()).map((a) => `${a.afterDays}:${a.side}`)).toEqual(['14:COMPANY', '14:MUNICIPALITY']);
    // Two members per side, one notice each, emailed at once (the kind's default) in their language.
    expect(await notices()).toHaveLength(4);
    const first = await emails();
    expect(first).toHaveLength(4);
    expect(first.map((e) => e.locale).sort()).toEqual(['en', 'en', 'ja', 'uk']);
    expect(first.find((e) => e.locale === 'ja')!.subject).toContain('その後');
    expect(first.find((e) => e.locale === 'uk')!.text).toContain('14 днів');
    expect(first.every((e) => e.text.includes(`/introductions/${intro.id}`))).toBe(true);

    await sendDueFollowUpAsks(db, new Date(introducedAt.getTime() + 45 * DAY));
    await sendDueFollowUpAsks(db, new Date(introducedAt.getTime() + 50 * DAY));
    expect((await asks()).map((a) => `${a.afterDays}:${a.side}`)).toEqual(['14:COMPANY', '14:MUNICIPALITY', '45:COMPANY', '45:MUNICIPALITY']);
    expect(await notices()).toHaveLength(8);
    expect(await emails()).toHaveLength(8);
  });

  it('does not ask about a milestone already passed when the next one is due', async () => {
    const introducedAt = new Date('2023-05-01T10:00:00Z');
    const intro = await introduce(introducedAt);
    await sendDueFollowUpAsks(db, new Date(introducedAt.getTime() + 46 * DAY));
    const rows = await db.followUpAsk.findMany({ where: { introductionId: intro.id } });
    expect(rows.map((r) => r.afterDays)).toEqual([45, 45]);
  });
});

describe('pipeline steps past agreed', () => {
  const today = () => isoDay(kyivDay());

  it('records the steps in order, dated and by whom, with the audit row', async () => {
    const intro = await introduce();
    const company = world.companyRep.actor;
    const hromada = world.municipalityRep.actor;
    const tender = { introductionId: intro.id, step: 'TENDER_PUBLISHED', occurredOn: today(), tenderSource: 'PROZORRO', tenderId: 'UA-2026-11-30-004321-b' };

    expect(await refusal(recordPipelineStep(db, company, { ...tender, step: 'AWARDED', tenderSource: null, tenderId: null }, ctx))).toBe('CONFLICT:previousStepMissing');
    expect(await refusal(recordPipelineStep(db, company, { ...tender, tenderId: 'UA-2026-11-30-4321-b' }, ctx))).toBe('VALIDATION');
    expect(await refusal(recordPipelineStep(db, company, { ...tender, occurredOn: isoDay(new Date(Date.now() + 3 * DAY)) }, ctx))).toBe('VALIDATION');
    expect(await refusal(recordPipelineStep(db, company, { ...tender, occurredOn: '2020-01-01' }, ctx))).toBe('VALIDATION');

    const recorded = await recordPipelineStep(db, company, tender, ctx);
    expect(recorded).toMatchObject({ step: 'TENDER_PUBLISHED', occurredOn: today(), linkedEvidence: false });
    expect(await refusal(recordPipelineStep(db, hromada, tender, ctx))).toBe('CONFLICT:stepAlreadyRecorded');
    await recordPipelineStep(db, hromada, { introductionId: intro.id, step: 'AWARDED', occurredOn: today() }, ctx);
    await recordPipelineStep(db, world.facilitator.actor, { introductionId: intro.id, step: 'CONTRACT_SIGNED', occurredOn: today() }, ctx);

    const view = await getFollowThrough(db, hromada, intro.id);
    expect(view.steps.map((s) => [s.step, s.recordedByRole])).toEqual([
      ['TENDER_PUBLISHED', 'COMPANY_REP'], ['AWARDED', 'MUNICIPALITY_REP'], ['CONTRACT_SIGNED', 'FACILITATOR'],
    ]);
    expect(view.nextStep).toBe('DELIVERED');
    // Everyone else on both sides and the facilitators hear of each step; not the one who recorded it.
    const stepNotices = await db.notice.findMany({ where: { introductionId: intro.id, kind: 'followUpStageRecorded' }, select: { userId: true, dedupeKey: true } });
    const heard = (userId: string) => stepNotices.filter((n) => n.userId === userId).map((n) => n.dedupeKey.split(':')[2]).sort();
    expect(heard(company.userId)).toEqual(['AWARDED', 'CONTRACT_SIGNED']);
    expect(heard(hromada.userId)).toEqual(['CONTRACT_SIGNED', 'TENDER_PUBLISHED']);
    expect(heard(world.facilitator.actor.userId)).toEqual(['AWARDED', 'TENDER_PUBLISHED']);
    const audits = await db.auditLog.findMany({ where: { entityType: 'Introduction', entityId: intro.id }, orderBy: { id: 'asc' } });
    expect(audits.map((a) => [a.action, a.actorId, a.ip])).toEqual([
      ['pipeline.tender_published', company.userId, ctx.ip],
      ['pipeline.awarded', hromada.userId, ctx.ip],
      ['pipeline.contract_signed', world.facilitator.actor.userId, ctx.ip],
    ]);
  });

  it('refuses anyone who is not a party or a facilitator, and writes nothing', async () => {
    const intro = await introduce();
    const step = { introductionId: intro.id, step: 'TENDER_PUBLISHED', occurredOn: today(), tenderSource: 'DREAM', tenderId: 'DREAM-ODE-0011' };
    const strangers: (Actor | null)[] = [world.otherCompanyRep.actor, world.otherMunicipalityRep.actor, null];
    expect(await Promise.all(strangers.map((actor) => refusal(recordPipelineStep(db, actor, step, ctx))))).toEqual(['NOT_FOUND', 'NOT_FOUND', 'UNAUTHENTICATED']);
    expect(await refusal(getFollowThrough(db, world.otherCompanyRep.actor, intro.id))).toBe('NOT_FOUND');
    expect(await db.pipelineStep.count({ where: { introductionId: intro.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { entityType: 'Introduction', entityId: intro.id } })).toBe(0);
    await recordPipelineStep(db, world.admin.actor, step, ctx);
    expect(await db.pipelineStep.count({ where: { introductionId: intro.id } })).toBe(1);
  });

  it('links a recorded Prozorro tender to the imported evidence of that record', async () => {
    const intro = await introduce();
    const evidence = await db.tenderEvidence.create({ data: { needId: intro.needId, source: 'PROZORRO', ocid: 'ocds-be6bcu-UA-2026-11-30-009999-a' } });
    const recorded = await recordPipelineStep(db, world.companyRep.actor, {
      introductionId: intro.id, step: 'TENDER_PUBLISHED', occurredOn: today(), tenderSource: 'PROZORRO', tenderId: 'UA-2026-11-30-009999-a',
    }, ctx);
    expect(recorded.linkedEvidence).toBe(true);
    expect((await db.pipelineStep.findFirstOrThrow({ where: { introductionId: intro.id } })).tenderEvidenceId).toBe(evidence.id);
  });

  it('counts the funnel per month of introduction, for staff only', async () => {
    const funnel = await getFollowThroughFunnel(db, world.facilitator.actor);
    const month = funnel.find((m) => m.month === isoDay(kyivDay()).slice(0, 7))!;
    expect(month.introduced).toBeGreaterThanOrEqual(3);
    expect(month.tenderPublished).toBeGreaterThanOrEqual(3);
    expect(month.awarded).toBeGreaterThanOrEqual(1);
    expect(month.contractSigned).toBeGreaterThanOrEqual(1);
    expect(month.agreed).toBeGreaterThanOrEqual(month.tenderPublished);
    expect(await refusal(getFollowThroughFunnel(db, world.companyRep.actor))).toBe('FORBIDDEN');
  });
});
