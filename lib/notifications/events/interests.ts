import type { Prisma } from '../../generated/prisma/client';
import type { InterestDirection } from '../../generated/prisma/enums';
import { publishNotices, type NoticeInput } from '../publish';
import { recipientsOfCompany, recipientsOfMunicipality, staffRecipients } from '../recipients';
import { needTitleRef, type WrittenRefs } from '../written-params';
import { companyName, hromadaName } from './names';

// An interest went live (upsertInterest's `becameLive`), in the same transaction: a company's
// interest is told to the municipality, a hromada's invitation to the company, and when both
// sides now want the pair, facilitators hear of the mutual interest.

type Tx = Prisma.TransactionClient;

export async function noticesForInterest(tx: Tx, interest: { needId: string; companyId: string; direction: InterestDirection; note: string; revivedFrom?: Date }): Promise<void> {
  const { needId, companyId, direction, note } = interest;
  // An invitation withdrawn and sent again is a new invitation: the company hears of it again.
  const revival = interest.revivedFrom ? `:${interest.revivedFrom.getTime()}` : '';
  const [need, company, other] = await Promise.all([
    tx.need.findUniqueOrThrow({ where: { id: needId }, select: { id: true, title: true, language: true, municipalityId: true, hromada: { select: { nameUk: true, nameEn: true } } } }),
    tx.company.findUniqueOrThrow({ where: { id: companyId }, select: { legalNameJa: true, legalNameEn: true } }),
    tx.interest.findFirst({
      where: { needId, companyId, withdrawnAt: null, direction: direction === 'COMPANY_INTEREST' ? 'MUNICIPALITY_INVITATION' : 'COMPANY_INTEREST' },
      select: { id: true },
    }),
  ]);
  const params = { needTitle: need.title, hromada: hromadaName(need.hromada), company: companyName(company), written: { needTitle: needTitleRef(need) } as WrittenRefs };
  const pair = { needId, companyId };
  const notices: NoticeInput[] = [];
  if (direction === 'COMPANY_INTEREST') {
    for (const userId of await recipientsOfMunicipality(tx, need.municipalityId)) {
      notices.push({ userId, kind: 'interestRegistered', dedupeKey: `interestRegistered:${needId}:${companyId}`, params, link: `/needs/${needId}`, ...pair });
    }
  } else {
    // The note's row says which language it is in, so each member reads it in theirs.
    const invitation = await tx.interest.findFirst({ where: { needId, companyId, direction, withdrawnAt: null }, select: { id: true, noteLanguage: true } });
    const written: WrittenRefs = invitation ? { ...params.written, note: { subject: 'INTEREST', subjectId: invitation.id, field: 'note', language: invitation.noteLanguage } } : params.written;
    for (const userId of await recipientsOfCompany(tx, companyId)) {
      notices.push({
        userId, kind: 'invited', dedupeKey: `invited:${needId}${revival}`, link: `/needs/${needId}`, ...pair,
        params: { ...params, note, hasNote: note ? 'yes' : 'no', written },
      });
    }
  }
  if (other) {
    for (const userId of await staffRecipients(tx)) {
      notices.push({ userId, kind: 'mutualInterest', dedupeKey: `mutualInterest:${needId}:${companyId}`, params, link: `/facilitator/matches/pair?needId=${needId}&companyId=${companyId}`, ...pair });
    }
  }
  await publishNotices(tx, notices);
}
