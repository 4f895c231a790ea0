import { env } from '../env';

// Some emails carry a one-time link that signs its holder in or creates an account: a password
// reset, a staff invitation, a sign-up confirmation. Whoever reads the stored message could use
// it, so an administrator reading the outbox sees it removed, and once an SMTP server accepted
// the message the stored copy loses it too. Only a developer's machine (no SMTP server, not a
// deployment) shows the live links, so `npm run dev` users can still open their own.

export const ONE_TIME_LINK_KINDS: ReadonlySet<string> = new Set(['password-reset', 'staff-invitation', 'sign-up-confirmation']);

export const ONE_TIME_LINK_REMOVED = '[one-time link removed]';

// The pages whose last path segment is a one-time token (with or without a locale in front).
const TOKEN_PAGES = String.raw`\/(?:reset-password|sign-up\/confirm)\/`;
// Any absolute URL ending in one of the token paths.
const ONE_TIME_LINK = new RegExp(String.raw`\bhttps?:\/\/\S*?` + TOKEN_PAGES + '[A-Za-z0-9_-]+', 'g');
// The token segment of a request path to one of those pages, whatever it holds.
const ONE_TIME_PATH = new RegExp(`(${TOKEN_PAGES})[^/?#]+`, 'g');

export const carriesOneTimeLink = (kind: string): boolean => ONE_TIME_LINK_KINDS.has(kind);

export const redactOneTimeLinks = (text: string): string => text.replace(ONE_TIME_LINK, ONE_TIME_LINK_REMOVED);

/** A request path with its one-time token removed (`/uk/reset-password/[one-time link removed]`), for the log. */
export const redactOneTimeLinkPath = (path: string): string => path.replace(ONE_TIME_PATH, `$1${ONE_TIME_LINK_REMOVED}`);

/** Whether the outbox may show live links: a local development server that sends nothing. */
export const outboxShowsLiveLinks = (): boolean => env.NODE_ENV === 'development' && !env.SMTP_URL;
