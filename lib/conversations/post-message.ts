import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import { queueTranslations } from '../content/queue-translations';
import type { Db } from '../db';
import { noticesForMessage } from '../notifications/events/messages';
import { parseInput } from '../validation';
import { conversationFor, sideOf } from './access';
import { messageLimiter } from './rate-limit';
import { postMessageSchema } from './schema';
import { messageBody } from './written';

// One message in an introduction's conversation, written in the author's language. The message,
// its audit row, its translation job and the other side's notices commit together.

export async function postIntroductionMessage(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  const message = parseInput(postMessageSchema, input);
  // Who may talk is checked before anything is counted: a stranger spends no one's allowance.
  await conversationFor(db, actor, message.introductionId);
  await messageLimiter(db).consume(actor!.userId);

  return db.$transaction(async (tx) => {
    const intro = await conversationFor(tx, actor, message.introductionId);
    const row = await tx.introductionMessage.create({
      data: { introductionId: intro.id, authorId: actor!.userId, side: sideOf(actor!), body: message.body, language: message.language },
      select: { id: true, side: true, createdAt: true },
    });
    await queueTranslations(tx, [messageBody({ id: row.id, body: message.body, language: message.language })]);
    await recordAudit(tx, actor, {
      action: 'introduction.message', entityType: 'IntroductionMessage', entityId: row.id,
      before: null, after: { introductionId: intro.id, side: row.side, language: message.language, length: message.body.length }, ip: context.ip,
    });
    await noticesForMessage(tx, intro, { id: row.id, side: row.side, authorId: actor!.userId });
    return { messageId: row.id };
  });
}
