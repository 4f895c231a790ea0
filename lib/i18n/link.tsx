import NextLink from 'next/link';
import { useLocale } from 'next-intl';
import type { ComponentProps } from 'react';
import { getPathname, Link as SwitchingLink } from './navigation';

type LinkProps = ComponentProps<typeof SwitchingLink>;

/**
 * A link within the app, written with its path without the locale ('/needs') as next-intl's
 * `Link` is, for server components. next-intl's `Link` is a client component: each one put its
 * props into the page's React payload — a ref, the locale, the locale cookie's settings and an
 * undefined class — about 280 bytes per link, 52 links on the review queue. Here the localised
 * path is computed on the server, as next-intl does (lib/i18n/routing.ts: the locale always
 * prefixed), and Next's own `Link` gets only the href, so client navigation and prefetching stay
 * the same. A link to another language keeps next-intl's `Link`: it also updates the locale cookie.
 */
export function Link({ href, locale, ...rest }: LinkProps) {
  const current = useLocale();
  if (locale !== undefined && locale !== current) return <SwitchingLink href={href} locale={locale} {...rest} />;
  if (!isLocalisable(href)) return <NextLink href={href} {...rest} />;
  // As next-intl's Link: a path gains the locale; an object keeps its query with its path prefixed.
  const localised = typeof href === 'string' ? getPathname({ href, locale: current }) : { ...href, pathname: getPathname({ href: href.pathname!, locale: current }) };
  return <NextLink href={localised} {...rest} />;
}

/** next-intl's rule (shared/utils isLocalizableHref): an absolute path on this site, no scheme. */
function isLocalisable(href: LinkProps['href']): boolean {
  const pathname = typeof href === 'object' ? href.pathname : href;
  const local = typeof href === 'object' ? href.host == null && href.hostname == null : !/^[a-z]+:/i.test(href);
  return local && pathname != null && pathname.startsWith('/');
}
