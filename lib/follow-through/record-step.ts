import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { AppError } from '../errors';
import { ocidFor } from '../evidence/ocid';
import { isoDay, kyivDay } from '../hostility-list/calendar';
import { Prisma } from '../generated/prisma/client';
import { publishNotices, recipientsOfCompany, recipientsOfMunicipality, staffRecipients } from '../notifications';
import { needTitleRef } from '../notifications/written-params';
import { parseInput } from '../validation';
import { introductionForActor, type IntroductionParties } from './access';
import type { PipelineStepKind } from '../generated/prisma/enums';
import { PIPELINE_STEPS, recordPipelineStepSchema } from './schema';

// Records one step past "agreed": the tender published, awarded, the contract signed, the works
// delivered. Steps come in order, each once, dated on or after the one before and never in the
// future; the audit row is written in the same transaction. A published tender's identifier is
// linked to the imported OCDS evidence of that record when the platform holds it. Everyone else
// on both sides, and the facilitators, get a notice (followUpStageRecorded) in the same transaction.

const fieldError = (field: string, message: string) =>
  new AppError('VALIDATION', message, { fieldErrors: { [field]: message } });

export async function recordPipelineStep(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  const step = parseInput(recordPipelineStepSchema, input);
  const occurredOn = new Date(`${step.occurredOn}T00:00:00Z`);
  if (occurredOn > kyivDay()) throw fieldError('occurredOn', 'validation.notInFuture');

  try {
    return await db.$transaction(async (tx) => {
      const intro = await introductionForActor(tx, actor, step.introductionId);
      if (step.occurredOn < isoDay(kyivDay(intro.createdAt))) throw fieldError('occurredOn', 'validation.notBeforeIntroduction');
      // Serialise steps of one introduction: the order check below then sees every committed step.
      await tx.$queryRaw`SELECT id FROM "Introduction" WHERE id = ${intro.id}::uuid FOR UPDATE`;
      const recorded = await tx.pipelineStep.findMany({ where: { introductionId: intro.id }, select: { step: true, occurredOn: true } });
      const index = PIPELINE_STEPS.indexOf(step.step);
      if (recorded.some((r) => r.step === step.step)) throw new AppError('CONFLICT', 'Step already recorded', { reason: 'stepAlreadyRecorded' });
      const previous = index === 0 ? null : recorded.find((r) => r.step === PIPELINE_STEPS[index - 1]);
      if (index > 0 && !previous) throw new AppError('CONFLICT', 'The step before is not recorded', { reason: 'previousStepMissing' });
      if (previous && previous.occurredOn > occurredOn) throw fieldError('occurredOn', 'validation.beforePreviousStep');

      const evidence = step.tenderId && step.tenderSource
        ? await tx.tenderEvidence.findFirst({
            where: { needId: intro.needId, source: step.tenderSource, ocid: step.tenderSource === 'PROZORRO' ? ocidFor('PROZORRO', step.tenderId) : { in: [step.tenderId], mode: 'insensitive' } },
            select: { id: true },
          }) ?? (step.tenderSource === 'DREAM'
            ? await tx.tenderEvidence.findFirst({ where: { needId: intro.needId, source: 'DREAM', ocid: { endsWith: `-${step.tenderId}` } }, select: { id: true } })
            : null)
        : null;
      const row = await tx.pipelineStep.create({
        data: {
          introductionId: intro.id, step: step.step, occurredOn, tenderSource: step.tenderSource, tenderId: step.tenderId,
          tenderEvidenceId: evidence?.id ?? null, recordedById: actor!.userId, recordedByRole: actor!.role, note: step.note,
        },
        select: { id: true, step: true, occurredOn: true, tenderEvidenceId: true },
      });
      await recordAudit(tx, actor, {
        action: `pipeline.${step.step.toLowerCase()}`,
        entityType: 'Introduction',
        entityId: intro.id,
        before: null,
        after: { step: step.step, occurredOn: step.occurredOn, tenderSource: step.tenderSource, tenderId: step.tenderId, tenderEvidenceId: evidence?.id ?? null, note: step.note },
        ip: context.ip,
      });
      await announceStep(tx, intro, step.step, actor!.userId);
      return { id: row.id, step: row.step, occurredOn: step.occurredOn, linkedEvidence: row.tenderEvidenceId !== null };
    });
  } catch (error) {
    // Two recordings of the same step at once: the unique key refuses the second.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
      throw new AppError('CONFLICT', 'Step already recorded', { reason: 'stepAlreadyRecorded' });
    }
    throw error;
  }
}

async function announceStep(tx: Prisma.TransactionClient, intro: IntroductionParties, step: PipelineStepKind, recordedBy: string) {
  const names = await tx.introduction.findUniqueOrThrow({
    where: { id: intro.id },
    select: { need: { select: { id: true, title: true, language: true, hromada: { select: { nameUk: true, nameEn: true } } } }, company: { select: { legalNameJa: true, legalNameEn: true } } },
  });
  const recipients = new Set([
    ...await recipientsOfCompany(tx, intro.companyId), ...await recipientsOfMunicipality(tx, intro.municipalityId), ...await staffRecipients(tx),
  ]);
  recipients.delete(recordedBy);
  await publishNotices(tx, [...recipients].map((userId) => ({
    userId, kind: 'followUpStageRecorded' as const, dedupeKey: `followUpStage:${intro.id}:${step}`,
    params: {
      needTitle: names.need.title, step, written: { needTitle: needTitleRef(names.need) },
      company: { en: names.company.legalNameEn, ja: names.company.legalNameJa },
      hromada: { en: names.need.hromada.nameEn, uk: names.need.hromada.nameUk },
    },
    link: `/introductions/${intro.id}`, needId: intro.needId, companyId: intro.companyId, introductionId: intro.id,
  })));
}
