import type { Prisma } from '../../generated/prisma/client';
import type { InterestResponse } from '../../generated/prisma/enums';
import { publishNotices } from '../publish';
import { recipientsOfCompany } from '../recipients';
import { needTitleRef } from '../written-params';
import { companyName, hromadaName } from './names';

// What a hromada says back to a company: its answer to the company's interest, or that it took
// back its invitation. Each is its own event (dated), so a changed answer is told again. The
// notice carries no free text: a decline's reason is read on the need's page, in the reader's
// language with its translation marked (the email would otherwise carry the original only).

type Tx = Prisma.TransactionClient;

async function pairNames(tx: Tx, needId: string, companyId: string) {
  const [need, company] = await Promise.all([
    tx.need.findUniqueOrThrow({ where: { id: needId }, select: { id: true, title: true, language: true, hromada: { select: { nameUk: true, nameEn: true } } } }),
    tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { legalNameJa: true, legalNameEn: true } }),
  ]);
  // The need's title reaches each reader in their language when it has been translated.
  return { needTitle: need.title, hromada: hromadaName(need.hromada), company: companyName(company), written: { needTitle: needTitleRef(need) } };
}

export async function noticesForAnswer(tx: Tx, answer: { interestId: string; needId: string; companyId: string; response: InterestResponse; respondedAt: Date }) {
  const { interestId, needId, companyId, response, respondedAt } = answer;
  const params = { ...(await pairNames(tx, needId, companyId)), response };
  await publishNotices(tx, (await recipientsOfCompany(tx, companyId)).map((userId) => ({
    userId, kind: 'interestAnswered' as const, dedupeKey: `interestAnswered:${interestId}:${respondedAt.getTime()}`,
    params, link: `/needs/${needId}`, needId, companyId,
  })));
}

export async function noticesForWithdrawnInvitation(tx: Tx, invitation: { interestId: string; needId: string; companyId: string; withdrawnAt: Date }) {
  const { interestId, needId, companyId, withdrawnAt } = invitation;
  const params = await pairNames(tx, needId, companyId);
  await publishNotices(tx, (await recipientsOfCompany(tx, companyId)).map((userId) => ({
    userId, kind: 'invitationWithdrawn' as const, dedupeKey: `invitationWithdrawn:${interestId}:${withdrawnAt.getTime()}`,
    params, link: `/needs/${needId}`, needId, companyId,
  })));
}
