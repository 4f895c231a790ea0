import { hasLocale } from 'next-intl';
import { NextResponse, type NextRequest } from 'next/server';
import en from '../i18n/messages/en.json';
import ja from '../i18n/messages/ja.json';
import uk from '../i18n/messages/uk.json';
import { DEFAULT_LOCALE, LOCALES, type AppLocale } from '../i18n/routing';

// While PostgreSQL is down every page failed with a bare 500. Before a page is rendered the
// proxy asks whether the database answers; if not, the visitor gets a short page in their
// language with 503 and Retry-After (what load balancers and crawlers understand), made here
// without React or the database. Mid-render failures show the same text (app/[locale]/error.tsx).

export const RETRY_AFTER_SECONDS = 30;
const CATALOGUES: Record<AppLocale, typeof en> = { en, ja, uk };

type PageRequest = { method: string; pathname: string; headers: Headers; cookieLocale?: string };

/** Page loads only: API routes answer for themselves, and a server action expects its own format. */
export function isPageLoad({ method, pathname, headers }: PageRequest): boolean {
  if (method !== 'GET' && method !== 'HEAD') return false;
  if (pathname === '/api' || pathname.startsWith('/api/')) return false;
  return !headers.has('next-action');
}

/** The path's locale, else the visitor's remembered or preferred one. */
export function outageLocale({ pathname, headers, cookieLocale }: PageRequest): AppLocale {
  const segment = pathname.split('/')[1];
  if (hasLocale(LOCALES, segment)) return segment;
  if (hasLocale(LOCALES, cookieLocale)) return cookieLocale;
  for (const part of (headers.get('accept-language') ?? '').split(',')) {
    const language = part.split(';')[0].trim().slice(0, 2).toLowerCase();
    if (hasLocale(LOCALES, language)) return language;
  }
  return DEFAULT_LOCALE;
}

/** A 503 page, or null when the request should be served as usual. */
export async function answerDuringOutage(request: PageRequest, isReachable: () => Promise<boolean>): Promise<Response | null> {
  if (!isPageLoad(request) || (await isReachable())) return null;
  const locale = outageLocale(request);
  return new Response(request.method === 'HEAD' ? null : unavailablePage(locale), {
    status: 503,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Retry-After': String(RETRY_AFTER_SECONDS),
      'Cache-Control': 'no-store',
      'Content-Language': locale,
    },
  });
}

function unavailablePage(locale: AppLocale): string {
  const t = CATALOGUES[locale].unavailable;
  return `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(t.title)} · Kakehashi</title></head>
<body>
<main id="main">
<h1>${escape(t.title)}</h1>
<p>${escape(t.body)}</p>
<p><a href="">${escape(t.retry)}</a> · <a href="/${locale}">${escape(t.home)}</a></p>
</main>
</body>
</html>
`;
}

function escape(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}

/**
 * How long a successful ping vouches for this instance's connection to its database. Pinging
 * before every page load cost each page a round trip through the pool and Prisma; once a
 * second is enough to turn visitors away with the translated 503 soon after PostgreSQL goes
 * down (a page rendered in that second fails mid-render and shows the same text from
 * app/[locale]/error.tsx). Only success is remembered: while the database is down every page
 * load asks again, so the site is back the moment the database is.
 */
export const REACHABLE_FOR_MS = 1_000;

/**
 * `isReachable`, asked at most once per REACHABLE_FOR_MS while it answers yes. Kept in this
 * process on purpose: it is this instance's own connectivity to PostgreSQL, not data another
 * instance would need (each has its own pool and asks for itself), and it expires in a second.
 */
export function rememberReachable(isReachable: () => Promise<boolean>, now: () => number = Date.now): () => Promise<boolean> {
  let vouchedUntil = -Infinity;
  // Page loads arriving while a question is out share its answer: under load each one asked for
  // itself, the pings queued on the pinger's one connection past its timeout, and visitors got
  // the outage page from a database that was answering.
  let asking: Promise<boolean> | undefined;
  return async () => {
    if (now() < vouchedUntil) return true;
    asking ??= isReachable()
      .then((reachable) => {
        if (reachable) vouchedUntil = now() + REACHABLE_FOR_MS;
        return reachable;
      })
      .finally(() => (asking = undefined));
    return asking;
  };
}

let pinger: { isReachable: () => Promise<boolean> } | undefined;
const isAppDatabaseReachable = rememberReachable(async () => {
  // Imported here: the rest of this module needs no database (and no DATABASE_URL).
  if (!pinger) {
    const [{ env }, { databasePinger }] = await Promise.all([import('../env'), import('../platform/health')]);
    pinger ??= databasePinger(env.DATABASE_URL);
  }
  return pinger.isReachable();
});

/** For proxy.ts: the outage page for this request, or null to go on. */
export async function outageResponse(request: NextRequest): Promise<NextResponse | null> {
  const answer = await answerDuringOutage(
    {
      method: request.method,
      pathname: request.nextUrl.pathname,
      headers: request.headers,
      cookieLocale: request.cookies.get('NEXT_LOCALE')?.value,
    },
    isAppDatabaseReachable,
  );
  return answer && new NextResponse(answer.body, { status: answer.status, headers: answer.headers });
}
