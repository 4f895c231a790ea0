import { requireUser, type Actor } from '../auth/actor';
import type { Db } from '../db';

/** What the account page shows the signed-in person about themselves and their organisation. */
export async function getAccountOverview(db: Db, actor: Actor | null) {
  requireUser(actor);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.userId },
    select: {
      name: true, email: true, role: true, locale: true, lastSignInAt: true,
      company: { select: { legalNameJa: true, legalNameEn: true, verificationStatus: true } },
      municipality: { select: { verificationStatus: true, hromada: { select: { nameUk: true, nameEn: true } } } },
    },
  });
  const organisation = user.company
    ? { name: `${user.company.legalNameJa} · ${user.company.legalNameEn}`, verificationStatus: user.company.verificationStatus }
    : user.municipality
      ? { name: `${user.municipality.hromada.nameUk} · ${user.municipality.hromada.nameEn}`, verificationStatus: user.municipality.verificationStatus }
      : null;
  return { name: user.name, email: user.email, role: user.role, locale: user.locale, organisation };
}
