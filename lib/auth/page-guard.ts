import { redirect } from 'next/navigation';
import type { Role } from '../generated/prisma/enums';
import type { Actor } from './actor';
import { getActor } from './current-actor';

/**
 * For pages: the signed-in actor, or a redirect to sign-in that comes back here. Convenience
 * only — the lib functions a page calls check the actor again where the data is read.
 */
export async function actorForPage(returnTo: string, roles?: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (roles && !roles.includes(actor.role)) redirect('/account');
  return actor;
}

export { safeReturnPath } from './return-path';
