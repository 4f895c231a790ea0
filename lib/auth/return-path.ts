import { LOCALES } from '../i18n/routing';

const LOCALE_PREFIX = new RegExp(`^/(${LOCALES.join('|')})(?=/|$)`);

/**
 * Only same-site paths: a callback URL must not send someone to another site after sign-in.
 * The result has no locale prefix: the locale-aware router adds the current one.
 */
export function safeReturnPath(value: unknown, fallback = '/account'): string {
  const isLocal = typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\');
  if (!isLocal) return fallback;
  return value.replace(LOCALE_PREFIX, '') || '/';
}
