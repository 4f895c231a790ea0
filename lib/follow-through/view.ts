import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { isoDay } from '../hostility-list/calendar';
import { introductionForActor } from './access';
import { PIPELINE_STEPS } from './schema';

// One introduction's follow-through as its parties and facilitators see it: the steps recorded
// (dated, by whom, with the tender's identifier) and the one that may come next.

export async function getFollowThrough(db: Db, actor: Actor | null, introductionId: string) {
  const intro = await introductionForActor(db, actor, introductionId);
  const [details, steps] = await Promise.all([
    db.introduction.findUniqueOrThrow({
      where: { id: intro.id },
      select: {
        createdAt: true,
        need: { select: { id: true, title: true, language: true, hromada: { select: { nameUk: true, nameEn: true } } } },
        company: { select: { legalNameJa: true, legalNameEn: true } },
      },
    }),
    db.pipelineStep.findMany({
      where: { introductionId: intro.id },
      select: { step: true, occurredOn: true, tenderSource: true, tenderId: true, tenderEvidenceId: true, recordedById: true, recordedByRole: true, note: true, createdAt: true },
    }),
  ]);
  const users = await db.user.findMany({ where: { id: { in: steps.map((s) => s.recordedById) } }, select: { id: true, name: true } });
  const names = new Map(users.map((u) => [u.id, u.name]));
  const ordered = PIPELINE_STEPS.flatMap((kind) => steps.filter((s) => s.step === kind)).map((s) => ({
    step: s.step, occurredOn: isoDay(s.occurredOn), tenderSource: s.tenderSource, tenderId: s.tenderId,
    linkedEvidence: s.tenderEvidenceId !== null, recordedBy: names.get(s.recordedById) ?? '', recordedByRole: s.recordedByRole, note: s.note,
  }));
  return {
    id: intro.id,
    introducedOn: isoDay(details.createdAt),
    need: details.need,
    company: details.company,
    steps: ordered,
    nextStep: PIPELINE_STEPS[ordered.length] ?? null,
  };
}
