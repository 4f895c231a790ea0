import { actorForPage } from '@/lib/auth/page-guard';
import { redirectLocalised } from '@/lib/i18n/redirect-localised';
import { START_PAGE } from '@/lib/platform/to-do';

/** Where sign-in sends someone who did not ask for a page: their role's own start page. */
export default async function StartPage() {
  const actor = await actorForPage('/start');
  return redirectLocalised(START_PAGE[actor.role]);
}
