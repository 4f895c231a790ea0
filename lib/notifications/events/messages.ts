import type { Prisma } from '../../generated/prisma/client';
import type { MessageSide } from '../../generated/prisma/enums';
import { publishNotices } from '../publish';
import { recipientsOfCompany, recipientsOfMunicipality } from '../recipients';
import { needTitleRef } from '../written-params';
import { companyName, hromadaName } from './names';

// A message on an introduction is told to the other side's people (a facilitator's to both), in
// their language and by their preference. The notice names who wrote and where, not what: the
// message is read on the introduction's page, translated for the reader and marked as such.

type Tx = Prisma.TransactionClient;

export async function noticesForMessage(
  tx: Tx,
  intro: { id: string; needId: string; companyId: string; municipalityId: string },
  message: { id: string; side: MessageSide; authorId: string },
): Promise<void> {
  const names = await tx.introduction.findUniqueOrThrow({
    where: { id: intro.id },
    select: { need: { select: { id: true, title: true, language: true, hromada: { select: { nameUk: true, nameEn: true } } } }, company: { select: { legalNameJa: true, legalNameEn: true } } },
  });
  const recipients = new Set([
    ...(message.side === 'COMPANY' ? [] : await recipientsOfCompany(tx, intro.companyId)),
    ...(message.side === 'MUNICIPALITY' ? [] : await recipientsOfMunicipality(tx, intro.municipalityId)),
  ]);
  recipients.delete(message.authorId);
  // The need's title reaches each reader in their language when it has been translated.
  const params = {
    needTitle: names.need.title, hromada: hromadaName(names.need.hromada), company: companyName(names.company), side: message.side,
    written: { needTitle: needTitleRef(names.need) },
  };
  await publishNotices(tx, [...recipients].map((userId) => ({
    userId, kind: 'introductionMessage' as const, dedupeKey: `introductionMessage:${message.id}`, params,
    link: `/introductions/${intro.id}`, needId: intro.needId, companyId: intro.companyId, introductionId: intro.id,
  })));
}
