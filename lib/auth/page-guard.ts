import type { Role } from '../generated/prisma/enums';
import { redirectLocalised } from '../i18n/redirect-localised';
import type { Actor } from './actor';
import { getActor } from './current-actor';

/**
 * For pages: the signed-in actor, or a redirect to sign-in that comes back here. Convenience
 * only — the lib functions a page calls check the actor again where the data is read.
 * `returnTo` is a path without the locale ('/company/profile'): it reopens in the same language.
 */
export async function actorForPage(returnTo: string, roles?: readonly Role[]): Promise<Actor> {
  const actor = await getActor();
  if (!actor) return redirectLocalised(`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (roles && !roles.includes(actor.role)) return redirectLocalised('/account');
  return actor;
}

export { safeReturnPath } from './return-path';
