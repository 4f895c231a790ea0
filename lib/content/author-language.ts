import type { Actor } from '../auth/actor';
import type { Prisma } from '../generated/prisma/client';
import type { Locale } from '../generated/prisma/enums';

/**
 * The language a text is taken to be written in when its form did not say: the author's own
 * interface language (User.locale), as the "written in" select defaults to it.
 */
export async function authorLanguage(tx: Pick<Prisma.TransactionClient, 'user'>, actor: Actor, stated?: Locale | null): Promise<Locale> {
  if (stated) return stated;
  const user = await tx.user.findUnique({ where: { id: actor.userId }, select: { locale: true } });
  return user?.locale ?? 'en';
}
