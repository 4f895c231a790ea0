import { getLocale } from 'next-intl/server';
import { redirect } from './navigation';

/** A server-side redirect that stays in the language of the current page. */
export async function redirectLocalised(href: string): Promise<never> {
  return redirect({ href, locale: await getLocale() });
}
