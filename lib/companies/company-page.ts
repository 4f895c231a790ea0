import { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { readOneForReader } from '../content/read-for-reader';
import type { Readable } from '../content/types';
import { companyDescription } from '../content/written';
import { AppError } from '../errors';
import type { Prisma } from '../generated/prisma/client';
import type { Locale } from '../generated/prisma/enums';
import { canSeeCompanyContacts } from './company-contacts';
import { publicCompanyFields } from './public-fields';
import { isSme } from './sme';

// One company's page. Verified companies are public; an unverified or rejected one is shown only
// to those who may see its contacts (its own people, staff, a municipality it was introduced to),
// so its people can see what others will see and facilitators can check it. For anyone else it
// does not exist (NOT_FOUND, the same answer as for an unknown id).

const companyPageSelect = {
  ...publicCompanyFields,
  description: true,
  descriptionLanguage: true,
  capabilities: true,
  stages: true,
  deliveryModes: true,
  languages: true,
  verificationStatus: true,
  verifiedAt: true,
  prefecture: { select: { code: true, nameJa: true, nameEn: true } },
} satisfies Prisma.CompanySelect;

const contactSelect = { contactName: true, contactEmail: true, contactPhone: true, website: true } satisfies Prisma.CompanySelect;

type Row = Prisma.CompanyGetPayload<{ select: typeof companyPageSelect }>;
export type CompanyContacts = Prisma.CompanyGetPayload<{ select: typeof contactSelect }>;
export type CompanyPage = {
  company: Omit<Row, 'capitalJpy' | 'industry'> & { isSme: boolean };
  /** The description in the reader's language when there is a translation (WrittenText shows it). */
  description: Readable;
  /** Null when the reader may not see them: the page says how they are shared instead. */
  contacts: CompanyContacts | null;
  /** The reader is one of the company's own people (may edit the profile, add translations). */
  isOwn: boolean;
};

export async function getCompanyPage(db: Db, actor: Actor | null, companyId: unknown, reader: Locale): Promise<CompanyPage> {
  const id = z.uuid().safeParse(companyId);
  if (!id.success) throw new AppError('NOT_FOUND');
  const row = await db.company.findUnique({ where: { id: id.data }, select: { ...companyPageSelect, ...contactSelect } });
  if (!row) throw new AppError('NOT_FOUND');
  const mayContact = await canSeeCompanyContacts(db, actor, row.id);
  if (row.verificationStatus !== 'VERIFIED' && !mayContact) throw new AppError('NOT_FOUND');
  const { contactName, contactEmail, contactPhone, website, capitalJpy, industry, ...company } = row;
  return {
    description: await readOneForReader(db, companyDescription(row), reader),
    company: { ...company, isSme: isSme({ industry, capitalJpy, employees: company.employees }) },
    contacts: mayContact ? { contactName, contactEmail, contactPhone, website } : null,
    isOwn: actor?.role === 'COMPANY_REP' && actor.companyId === row.id,
  };
}

