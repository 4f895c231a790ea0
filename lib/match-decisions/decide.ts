import { requireRole, STAFF_ROLES, type Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { ActionContext } from '../actions/run';
import { readForReader } from '../content/read-for-reader';
import type { Db } from '../db';
import { queueEmail } from '../email/outbox';
import { env } from '../env';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import type { Locale, MatchStatus } from '../generated/prisma/enums';
import { authorLanguage } from '../content/author-language';
import { queueTranslations } from '../content/queue-translations';
import { introductionMessage, needTitle } from '../content/written';
import { waitForRebuild } from '../match-store/rebuild-lock';
import { parseInput } from '../validation';
import { introductionEmail } from './introduction-email';
import { noticesForIntroduction } from '../notifications/events/introductions';
import { decideOnMatchSchema } from './schemas';
import { nextStatus } from './transitions';

// A facilitator's decision on a match: shortlist, introduce, decline (with a reason), agree or
// undo. The card submits the version it showed; when a colleague decided in between, the second
// decision is refused with CONFLICT and nothing is written. The decision row, the status, the
// audit entry, the introduction and its emails are one transaction.

type Tx = Prisma.TransactionClient;
type Pair = { needId: string; companyId: string };

export async function decideOnMatch(db: Db, actor: Actor | null, input: unknown, context: ActionContext) {
  requireRole(actor, STAFF_ROLES);
  const decision = parseInput(decideOnMatchSchema, input);

  return db.$transaction(async (tx) => {
    await waitForRebuild(tx);
    const match = await tx.match.findUnique({
      where: { id: decision.matchId },
      select: { id: true, needId: true, companyId: true, status: true, version: true, need: { select: { status: true } } },
    });
    if (!match) throw new AppError('NOT_FOUND');
    if (match.version !== decision.version) throw staleMatch(match.status);
    const pair = { needId: match.needId, companyId: match.companyId };

    const last = await tx.matchDecision.findFirst({
      where: pair, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], select: { action: true, fromStatus: true, toStatus: true },
    });
    const transition = nextStatus(decision.action, match.status, last);
    if (!transition.ok) throw new AppError('CONFLICT', `Cannot ${decision.action} a ${match.status} match`, { reason: transition.reason });
    if (decision.action === 'INTRODUCE' && match.need.status !== 'OPEN') {
      throw new AppError('CONFLICT', 'The need is no longer open', { reason: 'needNotOpen' });
    }

    // The version in the WHERE makes the check and the write one step: a decision that
    // committed after our read leaves nothing to update.
    const updated = await tx.match.updateMany({
      where: { id: match.id, version: match.version },
      data: { status: transition.to, version: { increment: 1 } },
    });
    if (updated.count === 0) throw staleMatch(match.status);

    await tx.matchDecision.create({
      data: {
        ...pair, actorId: actor.userId, action: decision.action,
        fromStatus: match.status, toStatus: transition.to, reason: decision.reason ?? null, note: decision.note,
      },
    });
    if (decision.action === 'INTRODUCE') {
      await introduce(tx, match.id, pair, actor.userId, { text: decision.note, language: await authorLanguage(tx, actor, decision.noteLanguage) });
    }
    await recordAudit(tx, actor, {
      action: `match.${decision.action.toLowerCase()}`,
      entityType: 'Match',
      entityId: match.id,
      before: { status: match.status, version: match.version },
      after: { status: transition.to, version: match.version + 1, reason: decision.reason ?? null, note: decision.note },
      ip: context.ip,
    });
    return { matchId: match.id, status: transition.to, version: match.version + 1 };
  });
}

function staleMatch(status: MatchStatus) {
  return new AppError('CONFLICT', 'Another facilitator decided on this match first', { reason: 'matchChangedMeanwhile', status });
}

/** Records the introduction and emails every member of both organisations in their language. */
async function introduce(tx: Tx, matchId: string, pair: Pair, facilitatorId: string, message: { text: string; language: Locale }): Promise<void> {
  const note = message.text;
  const introduction = await tx.introduction.create({ data: { ...pair, introducedById: facilitatorId, message: note, messageLanguage: message.language } });
  await queueTranslations(tx, [introductionMessage(introduction)]);
  const match = await tx.match.findUniqueOrThrow({
    where: { id: matchId },
    select: {
      need: {
        select: {
          id: true, title: true, language: true,
          hromada: { select: { nameUk: true, nameEn: true } },
          municipality: { select: { contactName: true, contactEmail: true, contactPhone: true, users: { where: { disabledAt: null } } } },
        },
      },
      company: {
        select: {
          legalNameJa: true, legalNameEn: true, contactName: true, contactEmail: true, contactPhone: true,
          users: { where: { disabledAt: null } },
        },
      },
    },
  });
  const { need, company } = match;
  const shared = {
    hromada: { uk: need.hromada.nameUk, en: need.hromada.nameEn },
    company: { ja: company.legalNameJa, en: company.legalNameEn },
  };
  // Each recipient reads the need's title and the note in their language when one is there.
  const written = [needTitle(need), introductionMessage(introduction)];
  const readFor = async (locale: Locale) => {
    const [title, note] = await readForReader(tx, written, locale);
    return { ...shared, needTitle: title!, note: note! };
  };
  for (const user of company.users) {
    const link = `${env.NEXTAUTH_URL}/${user.locale}/needs/${need.id}`;
    const message = introductionEmail('toCompany', user.locale, { ...(await readFor(user.locale)), name: user.name, counterpart: need.municipality, link });
    await queueEmail(tx, { kind: 'introduction', to: user.email, locale: user.locale, ...message });
  }
  for (const user of need.municipality.users) {
    const link = `${env.NEXTAUTH_URL}/${user.locale}/needs/${need.id}`;
    const message = introductionEmail('toMunicipality', user.locale, { ...(await readFor(user.locale)), name: user.name, counterpart: company, link });
    await queueEmail(tx, { kind: 'introduction', to: user.email, locale: user.locale, ...message });
  }
  await noticesForIntroduction(tx, pair);
}
