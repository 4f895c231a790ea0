import type { Prisma } from '../../generated/prisma/client';
import { publishNotices, type NoticeInput } from '../publish';
import { recipientsOfCompany, recipientsOfMunicipality } from '../recipients';
import { needTitleRef } from '../written-params';
import { companyName, hromadaName } from './names';

// Both sides of an introduction find it among their notices. The introduction's own email (with
// each side's contacts, lib/match-decisions/introduction-email.ts) is its email: these notices are
// recorded as already emailed, so no second email and no digest repeats it.

type Tx = Prisma.TransactionClient;

export async function noticesForIntroduction(tx: Tx, pair: { needId: string; companyId: string }): Promise<void> {
  const introduction = await tx.introduction.findUniqueOrThrow({
    where: { needId_companyId: pair },
    select: {
      id: true,
      need: { select: { id: true, title: true, language: true, municipalityId: true, hromada: { select: { nameUk: true, nameEn: true } } } },
      company: { select: { id: true, legalNameJa: true, legalNameEn: true } },
    },
  });
  const { need, company } = introduction;
  const params = { needTitle: need.title, hromada: hromadaName(need.hromada), company: companyName(company), written: { needTitle: needTitleRef(need) } };
  const shared = { params, link: `/needs/${need.id}`, needId: need.id, companyId: company.id, introductionId: introduction.id, alreadyEmailed: true };
  const notices: NoticeInput[] = [
    ...(await recipientsOfCompany(tx, company.id)).map((userId) => ({ ...shared, userId, kind: 'introducedCompany' as const, dedupeKey: `introduced:${introduction.id}` })),
    ...(await recipientsOfMunicipality(tx, need.municipalityId)).map((userId) => ({ ...shared, userId, kind: 'introducedMunicipality' as const, dedupeKey: `introduced:${introduction.id}` })),
  ];
  await publishNotices(tx, notices);
}
