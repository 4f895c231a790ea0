import { isStaff, type Actor } from '../auth/actor';
import type { Db } from '../db';

// Who may read a company's contacts (person, email, phone, website). The public page shows what
// the company offers; how to reach it is shared by an introduction, the facilitators' judgement
// that the two should talk. So: the company's own people, facilitators and admins, and the
// people of a VERIFIED municipality that was introduced to this company for any of its needs.
// An unverified municipality, one introduced to another company, another company and a visitor
// do not. This is the only place that decides it (issue 14, part 5).

export async function canSeeCompanyContacts(db: Db, actor: Actor | null, companyId: string): Promise<boolean> {
  if (!actor) return false;
  if (isStaff(actor)) return true;
  if (actor.role === 'COMPANY_REP') return actor.companyId === companyId;
  if (actor.role !== 'MUNICIPALITY_REP' || !actor.municipalityId) return false;
  const introduction = await db.introduction.findFirst({
    where: { companyId, need: { municipalityId: actor.municipalityId, municipality: { verificationStatus: 'VERIFIED' } } },
    select: { id: true },
  });
  return introduction !== null;
}
