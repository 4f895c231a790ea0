import { requireRole, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import type { Db } from '../db';
import { queueTranslations } from '../content/queue-translations';
import { AppError } from '../errors';
import { noticesForAnswer } from '../notifications/events/answers';
import { parseInput } from '../validation';
import { answerInterestSchema } from './interest-schema';
import { responseReason } from './written-answer';

// A hromada answers a company's interest in one of its needs: it welcomes it, or declines it
// with a reason. Only members of the need's own, verified municipality answer: the answer is the
// hromada's word to the company (facilitators act on the pair through their match decisions, not
// in the hromada's name). The answer may change — a decline reconsidered after a conversation, a
// welcome withdrawn once the need is filled — and each change is audited and told to the
// company; answering the same again changes nothing and tells nobody.

export async function answerInterest(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, ['MUNICIPALITY_REP']);
  const answer = parseInput(answerInterestSchema, input);
  const municipalityId = actor.municipalityId;
  if (!municipalityId) throw new AppError('FORBIDDEN', 'No municipality');

  return db.$transaction(async (tx) => {
    // Lock the interest: of two answers at once, the second reads what the first wrote.
    await tx.$executeRaw`SELECT 1 FROM "Interest" WHERE id = ${answer.interestId}::uuid FOR UPDATE`;
    const interest = await tx.interest.findFirst({
      where: { id: answer.interestId, direction: 'COMPANY_INTEREST', withdrawnAt: null, need: { municipalityId } },
      select: {
        id: true, needId: true, companyId: true, response: true, responseReason: true, responseLanguage: true,
        need: { select: { municipality: { select: { verificationStatus: true } } } },
      },
    });
    if (!interest) throw new AppError('NOT_FOUND');
    if (interest.need.municipality.verificationStatus !== 'VERIFIED') throw new AppError('FORBIDDEN', 'Municipality not verified', { reason: 'notVerified' });

    const reason = answer.responseReason;
    const unchanged = interest.response === answer.response && interest.responseReason === reason
      && (reason === '' || interest.responseLanguage === answer.responseLanguage);
    if (unchanged) return { interestId: interest.id, response: answer.response, changed: false };

    const respondedAt = new Date();
    await tx.interest.update({
      where: { id: interest.id },
      data: { response: answer.response, responseReason: reason, responseLanguage: reason ? answer.responseLanguage : null, respondedAt, respondedById: actor.userId },
    });
    await recordAudit(tx, actor, {
      action: answer.response === 'WELCOMED' ? 'interest.welcomed' : 'interest.declined',
      entityType: 'Interest',
      entityId: interest.id,
      before: interest.response ? { response: interest.response, responseReason: interest.responseReason, responseLanguage: interest.responseLanguage } : null,
      after: { response: answer.response, responseReason: reason, responseLanguage: reason ? answer.responseLanguage : null },
      ip: context.ip,
    });
    const written = responseReason({ id: interest.id, responseReason: reason, responseLanguage: reason ? answer.responseLanguage : null });
    if (written) await queueTranslations(tx, [written]);
    await noticesForAnswer(tx, { interestId: interest.id, needId: interest.needId, companyId: interest.companyId, response: answer.response, respondedAt });
    return { interestId: interest.id, response: answer.response, changed: true };
  });
}
