import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isReaderPageKey } from '../../lib/cache/page-cache-tags.mjs';
import { isReaderCachedPath, languageOfSegment, PREFETCH_MARK_HEADER, readerCachedPathFor, readerNamedIn, splitLocaleSegment } from '../../lib/cache/reader-pages';
import { markPrefetch } from '../../lib/http/app-request';

// Which signed-in reads are served from a reader's own cached variant, and how an address names
// its reader (lib/cache/reader-pages.ts, docs/decisions/019-signed-in-pages-from-the-cache.md).

const LOCALES = ['ja', 'uk', 'en'];
const ID = '0b6c1f1e-5a0e-4c0e-9a55-3f1d2b7c8e90';
const USER = '7d3e2a10-1c2b-4d5e-8f90-a1b2c3d4e5f6';
const SECRET = 'test secret';
const facilitator = { userId: USER, role: 'FACILITATOR' } as const;
const read = (pathname: string, reader: { userId: string; role: 'FACILITATOR' | 'ADMIN' | 'COMPANY_REP' | 'MUNICIPALITY_REP' } = facilitator, more: { search?: string; method?: string; isPrefetch?: boolean } = {}) =>
  readerCachedPathFor({ method: more.method ?? 'GET', pathname, search: more.search ?? '', isPrefetch: more.isPrefetch ?? false }, reader, LOCALES, SECRET);
/** The reader's segment as the proxy writes it: the reader, then their signature. */
const signed = (locale: string, userId = USER) => read(`/${locale}/facilitator/matches`, { userId, role: 'FACILITATOR' })!.split('/')[1];
const SIGNED = signed('en').slice('en~'.length);

describe('signed-in reads served from the cache', () => {
  it("are a facilitator's queue, dashboard and cards, under a locale segment naming the reader", () => {
    expect(read('/en/facilitator/matches')).toBe(`/en~${SIGNED}/cached/facilitator/matches`);
    expect(read(`/ja/facilitator/matches/${ID}`)).toBe(`/ja~${SIGNED}/cached/facilitator/matches/${ID}`);
    expect(read('/uk/facilitator/dashboard', { userId: USER, role: 'ADMIN' })).toBe(`/uk~${SIGNED}/cached/facilitator/dashboard`);
    expect(read('/en/facilitator/dashboard', facilitator, { method: 'HEAD' })).toBe(`/en~${SIGNED}/cached/facilitator/dashboard`);
  });
  it("are a company's recommendations, a hromada's own needs and a need's page, each for its own roles", () => {
    const company = { userId: USER, role: 'COMPANY_REP' } as const;
    const hromada = { userId: USER, role: 'MUNICIPALITY_REP' } as const;
    expect(read('/en/company/recommended', company)).toBe(`/en~${SIGNED}/cached/company/recommended`);
    expect(read('/en/municipality/needs', hromada)).toBe(`/en~${SIGNED}/cached/municipality/needs`);
    for (const reader of [company, hromada, facilitator]) expect(read(`/en/needs/${ID}`, reader)).toBe(`/en~${SIGNED}/cached/needs/${ID}`);
    // Another role's page is rendered for them, as before: it answers with its redirect.
    expect(read('/en/company/recommended', hromada)).toBeNull();
    expect(read('/en/facilitator/matches', company)).toBeNull();
    expect(read('/en/municipality/needs', facilitator)).toBeNull();
  });
  it('never a write, a query, a prefetch, another page or a malformed address', () => {
    expect(read('/en/facilitator/matches', facilitator, { method: 'POST' })).toBeNull();
    expect(read('/en/facilitator/matches', facilitator, { search: '?sector=ENERGY' })).toBeNull();
    expect(read(`/en/needs/${ID}`, facilitator, { search: '?explain=x' })).toBeNull();
    expect(read('/en/facilitator/matches', facilitator, { isPrefetch: true })).toBeNull();
    expect(read('/en/facilitator/policy')).toBeNull();
    expect(read('/en/account')).toBeNull();
    expect(read('/en/facilitator/matches/not-an-id')).toBeNull();
    expect(read(`/en/facilitator/matches/${ID}/more`)).toBeNull();
    expect(read('/de/facilitator/matches')).toBeNull();
    expect(read('/en/facilitator/matches', { userId: 'not-a-user-id', role: 'FACILITATOR' })).toBeNull();
  });
});

describe('an address naming a reader', () => {
  it('splits into the language and the reader, whose signature must hold', () => {
    expect(SIGNED).toMatch(new RegExp(`^${USER}\\.[A-Za-z0-9_-]{22}$`));
    expect(splitLocaleSegment('en', LOCALES, SECRET)).toEqual({ locale: 'en', reader: null });
    expect(splitLocaleSegment(signed('ja'), LOCALES, SECRET)).toEqual({ locale: 'ja', reader: USER });
    const other = '9f3e2a10-1c2b-4d5e-8f90-a1b2c3d4e5f6';
    const forged = [
      `en~${USER}`, // unsigned
      `en~${other}.${SIGNED.split('.')[1]}`, // another reader under this one's signature
      `en~${USER}.${SIGNED.split('.')[1].replace(/^./, (c) => (c === 'A' ? 'B' : 'A'))}`, // one character changed
      `en~${SIGNED}.x`, 'de', `de~${SIGNED}`, 'en~', 'en~x', `~${SIGNED}`,
    ];
    for (const bad of forged) expect(splitLocaleSegment(bad, LOCALES, SECRET), bad).toEqual({ locale: null, reader: null });
    // Signed under another secret: not ours.
    expect(splitLocaleSegment(signed('en'), LOCALES, 'another secret')).toEqual({ locale: null, reader: null });
    expect(languageOfSegment(`uk~${SIGNED}`, LOCALES)).toBe('uk');
    expect(languageOfSegment('de', LOCALES)).toBeNull();
  });
  it('names its reader for the proxy, whatever follows, and an encoded first segment is checked too', () => {
    expect(readerNamedIn(`/en~${SIGNED}/cached/facilitator/matches`)).toEqual({ reader: USER });
    expect(readerNamedIn(`/en~${USER}/account`)).toEqual({ reader: USER });
    expect(readerNamedIn('/en~anything')).toEqual({ reader: 'anything' });
    expect(readerNamedIn('/en~')).toEqual({ reader: null });
    // Next decodes the segment after the proxy: `%7E` would reach the page as `~`.
    expect(readerNamedIn(`/en%7E${SIGNED}/cached/facilitator/matches`)).toEqual({ reader: null });
    expect(readerNamedIn(`/%65n/needs`)).toEqual({ reader: null });
    expect(readerNamedIn('/en/cached/needs')).toBeNull();
    expect(readerNamedIn('/en/needs/a~b')).toBeNull();
  });
  it('is a page only as the signed cached variant of a page kept per reader', () => {
    const path = (rest: string, segment = `en~${SIGNED}`) => isReaderCachedPath(`/${segment}/${rest}`, LOCALES, SECRET);
    expect(path('cached/facilitator/matches')).toBe(true);
    expect(path(`cached/needs/${ID}`)).toBe(true);
    expect(path('cached/facilitator/matches', `en~${USER}`)).toBe(false);
    expect(path('facilitator/matches')).toBe(false);
    expect(path('cached/needs')).toBe(false);
    expect(path('cached')).toBe(false);
    expect(path('cached/account')).toBe(false);
    expect(isReaderCachedPath('/en/cached/facilitator/matches', LOCALES, SECRET)).toBe(false);
  });
  it("is how the cache knows a reader's entry (its age is bounded)", () => {
    // Next 16's keys: the route cache's prefix, then the page's path.
    expect(isReaderPageKey(`/route-cache/APP_PAGE/6ea0261b/$/en~${SIGNED}/cached/facilitator/matches`)).toBe(true);
    expect(isReaderPageKey(`/route-cache/APP_PAGE/6ea0261b/$/uk~${SIGNED}/cached/needs/${ID}`)).toBe(true);
    expect(isReaderPageKey(`/en~${SIGNED}/cached/facilitator/matches`)).toBe(true);
    expect(isReaderPageKey('/route-cache/APP_PAGE/6ea0261b/$/en/cached/needs')).toBe(false);
    expect(isReaderPageKey(`/route-cache/APP_PAGE/6ea0261b/$/en/cached/needs/${ID}`)).toBe(false);
  });
});

describe("the prefetch mark proxy.ts reads (Next takes its own headers off first)", () => {
  const request = (headers: Record<string, string>) => {
    const message = new IncomingMessage(new Socket());
    message.headers = { ...headers };
    return message;
  };
  it('is set for a prefetch, whole or by segment', () => {
    for (const header of ['next-router-prefetch', 'next-router-segment-prefetch']) {
      const message = request({ [header]: '1', rsc: '1' });
      markPrefetch(message);
      expect(message.headers[PREFETCH_MARK_HEADER]).toBe('1');
    }
  });
  it("is not a client's to set", () => {
    const message = request({ [PREFETCH_MARK_HEADER]: '1', rsc: '1' });
    markPrefetch(message);
    expect(message.headers[PREFETCH_MARK_HEADER]).toBeUndefined();
  });
});
