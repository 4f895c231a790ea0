import type { Actor } from '../auth/actor';
import type { Db } from '../db';
import { Prisma } from '../generated/prisma/client';
import type { Locale, Role, TextSubject } from '../generated/prisma/enums';

type Reader = Db | Prisma.TransactionClient;

/** A subject's original texts (field → text and language) and who wrote them. */
export type SubjectOriginals = {
  texts: Record<string, { text: string; language: Locale }>;
  /** The organisation whose members translate as the author (origin AUTHOR). */
  author: { companyId: string | null; municipalityId: string | null };
};

export type SubjectEntry = {
  /** The originals, or null when the subject does not exist. */
  load(db: Reader, subjectId: string): Promise<SubjectOriginals | null>;
  /** The originals of many subjects in one query (those that exist), for pages that list many (a conversation). */
  loadMany?(db: Reader, subjectIds: readonly string[]): Promise<Map<string, SubjectOriginals>>;
  /**
   * The texts facilitators should see translated (the queue): published or otherwise visible
   * content only, as rows ("subjectId", "field", "text", "language", "writtenAt", "link"), where
   * `link` is the path (without locale) of the page that shows the text.
   */
  visibleTexts: Prisma.Sql;
  /** Staff roles that may see these texts in the queue, when not every staff role may (private conversations). */
  readers?: readonly Role[];
};

// Who owns each kind of text, and where its original lives. One entry per TextSubject that can
// be translated; the `companies` part adds COMPANY, `talk` adds MESSAGE (and their fields in
// translation-schema.ts).
export const SUBJECTS: Partial<Record<TextSubject, SubjectEntry>> = {
  NEED: {
    async load(db, subjectId) {
      const need = await db.need.findUnique({ where: { id: subjectId }, select: { title: true, description: true, language: true, municipalityId: true } });
      if (!need) return null;
      return {
        texts: { title: { text: need.title, language: need.language }, description: { text: need.description, language: need.language } },
        author: { companyId: null, municipalityId: need.municipalityId },
      };
    },
    // Open needs are the ones readers find; drafts are private, closed ones are history.
    visibleTexts: Prisma.sql`
      SELECT n."id" AS "subjectId", f."field", f."text", n."language", COALESCE(n."publishedAt", n."createdAt") AS "writtenAt",
        '/needs/' || n."id" AS "link"
      FROM "Need" n CROSS JOIN LATERAL (VALUES ('title', n."title"), ('description', n."description")) AS f("field", "text")
      WHERE n."status" = 'OPEN'`,
  },
  INTEREST: {
    async load(db, subjectId) {
      const interest = await db.interest.findUnique({
        where: { id: subjectId },
        select: { note: true, noteLanguage: true, direction: true, companyId: true, need: { select: { municipalityId: true } } },
      });
      if (!interest) return null;
      // The note is the interested company's, or the inviting municipality's.
      const byCompany = interest.direction === 'COMPANY_INTEREST';
      return {
        texts: { note: { text: interest.note, language: interest.noteLanguage } },
        author: { companyId: byCompany ? interest.companyId : null, municipalityId: byCompany ? null : interest.need.municipalityId },
      };
    },
    visibleTexts: Prisma.sql`
      SELECT i."id" AS "subjectId", 'note' AS "field", i."note" AS "text", i."noteLanguage" AS "language", i."createdAt" AS "writtenAt",
        '/needs/' || i."needId" AS "link"
      FROM "Interest" i JOIN "Need" n ON n."id" = i."needId"
      WHERE i."withdrawnAt" IS NULL AND n."status" <> 'DRAFT'`,
  },
  INTRODUCTION: {
    async load(db, subjectId) {
      const introduction = await db.introduction.findUnique({ where: { id: subjectId }, select: { message: true, messageLanguage: true } });
      if (!introduction) return null;
      // A facilitator wrote it: facilitators translate it (origin FACILITATOR), nobody as author.
      return { texts: { message: { text: introduction.message, language: introduction.messageLanguage } }, author: { companyId: null, municipalityId: null } };
    },
    visibleTexts: Prisma.sql`
      SELECT i."id" AS "subjectId", 'message' AS "field", i."message" AS "text", i."messageLanguage" AS "language", i."createdAt" AS "writtenAt",
        '/introductions/' || i."id" AS "link"
      FROM "Introduction" i`,
  },
  COMPANY: {
    async load(db, subjectId) {
      const company = await db.company.findUnique({ where: { id: subjectId }, select: { description: true, descriptionLanguage: true } });
      if (!company) return null;
      return {
        texts: { description: { text: company.description, language: company.descriptionLanguage } },
        author: { companyId: subjectId, municipalityId: null },
      };
    },
    // Verified companies are the ones on public pages.
    visibleTexts: Prisma.sql`
      SELECT c."id" AS "subjectId", 'description' AS "field", c."description" AS "text", c."descriptionLanguage" AS "language", c."updatedAt" AS "writtenAt",
        '/companies/' || c."id" AS "link"
      FROM "Company" c
      WHERE c."verificationStatus" = 'VERIFIED'`,
  },
  // A hromada's reason for its answer to a company's interest: the hromada's text, not the company's.
  INTEREST_RESPONSE: {
    async load(db, subjectId) {
      const interest = await db.interest.findUnique({ where: { id: subjectId }, select: { responseReason: true, responseLanguage: true, need: { select: { municipalityId: true } } } });
      if (!interest || !interest.responseLanguage) return null;
      return { texts: { responseReason: { text: interest.responseReason, language: interest.responseLanguage } }, author: { companyId: null, municipalityId: interest.need.municipalityId } };
    },
    visibleTexts: Prisma.sql`
      SELECT i."id" AS "subjectId", 'responseReason' AS "field", i."responseReason" AS "text", i."responseLanguage" AS "language", i."respondedAt" AS "writtenAt",
        '/needs/' || i."needId" AS "link"
      FROM "Interest" i WHERE i."withdrawnAt" IS NULL AND i."responseLanguage" IS NOT NULL`,
  },
  // A message on an introduction: its author's organisation translates it as author; a
  // facilitator's message only facilitators. Private to the two sides and facilitators, so the
  // queue shows it to facilitators only (lib/conversations/access.ts).
  MESSAGE: {
    async load(db, subjectId) {
      return (await SUBJECTS.MESSAGE!.loadMany!(db, [subjectId])).get(subjectId) ?? null;
    },
    async loadMany(db, subjectIds) {
      const messages = await db.introductionMessage.findMany({
        where: { id: { in: [...subjectIds] } },
        select: { id: true, body: true, language: true, side: true, introduction: { select: { companyId: true, need: { select: { municipalityId: true } } } } },
      });
      return new Map(messages.map((message) => [message.id, {
        texts: { body: { text: message.body, language: message.language } },
        author: {
          companyId: message.side === 'COMPANY' ? message.introduction.companyId : null,
          municipalityId: message.side === 'MUNICIPALITY' ? message.introduction.need.municipalityId : null,
        },
      }]));
    },
    visibleTexts: Prisma.sql`
      SELECT m."id" AS "subjectId", 'body' AS "field", m."body" AS "text", m."language", m."createdAt" AS "writtenAt",
        '/introductions/' || m."introductionId" AS "link"
      FROM "IntroductionMessage" m`,
    readers: ['FACILITATOR'],
  },
};

/** A member of the organisation that wrote the text translates it as its author. */
export function isAuthorOf(actor: Actor, originals: SubjectOriginals): boolean {
  const { companyId, municipalityId } = originals.author;
  return (companyId !== null && actor.companyId === companyId) || (municipalityId !== null && actor.municipalityId === municipalityId);
}
