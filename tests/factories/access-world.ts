import type { Actor } from '../../lib/auth/actor';
import type { Db } from '../../lib/db';
import { createCompany } from './company';
import { createMunicipality, pickFreeHromada } from './municipality';
import { createNeed } from './need';
import { createUser } from './user';

// Two of every organisation with a representative each, a facilitator and an admin: enough to
// try every action as every role and against someone else's data.

export const TEST_PASSWORD = 'correct horse battery staple';

export type WorldUser = { actor: Actor; email: string };

const asActor = (user: { id: string; role: Actor['role']; companyId: string | null; municipalityId: string | null; email: string }): WorldUser => ({
  actor: { userId: user.id, role: user.role, companyId: user.companyId, municipalityId: user.municipalityId },
  email: user.email,
});

export async function createAccessWorld(db: Db) {
  const company = await createCompany(db, { verificationStatus: 'VERIFIED', verifiedAt: new Date() });
  const otherCompany = await createCompany(db, { verificationStatus: 'VERIFIED', verifiedAt: new Date() });
  const municipality = await createMunicipality(db, (await pickFreeHromada(db)).code, { verificationStatus: 'VERIFIED', verifiedAt: new Date() });
  const otherMunicipality = await createMunicipality(db, (await pickFreeHromada(db)).code, { verificationStatus: 'VERIFIED', verifiedAt: new Date() });
  const openNeed = await createNeed(db, municipality);
  const otherNeed = await createNeed(db, otherMunicipality);
  const otherDraft = await createNeed(db, otherMunicipality, { status: 'DRAFT', publishedAt: null });

  const companyRep = asActor(await createUser(db, { role: 'COMPANY_REP', companyId: company.id }));
  const otherCompanyRep = asActor(await createUser(db, { role: 'COMPANY_REP', companyId: otherCompany.id }));
  const municipalityRep = asActor(await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: municipality.id }));
  const otherMunicipalityRep = asActor(await createUser(db, { role: 'MUNICIPALITY_REP', municipalityId: otherMunicipality.id }));
  const facilitator = asActor(await createUser(db, { role: 'FACILITATOR' }));
  const admin = asActor(await createUser(db, { role: 'ADMIN' }));

  return {
    company, otherCompany, municipality, otherMunicipality, openNeed, otherNeed, otherDraft,
    companyRep, otherCompanyRep, municipalityRep, otherMunicipalityRep, facilitator, admin,
    /** One representative per role, for the access matrix. */
    byRole: { COMPANY_REP: companyRep, MUNICIPALITY_REP: municipalityRep, FACILITATOR: facilitator, ADMIN: admin },
  };
}
export type AccessWorld = Awaited<ReturnType<typeof createAccessWorld>>;
