import { IncomingMessage } from 'node:http';
import { Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isReaderPageKey } from '../../lib/cache/page-cache-tags.mjs';
import { isReaderCachedPath, PREFETCH_MARK_HEADER, readerCachedPathFor, readerNamedIn, splitLocaleSegment } from '../../lib/cache/reader-pages';
import { markPrefetch } from '../../lib/http/app-request';

// Which signed-in reads are served from a reader's own cached variant, and how an address names
// its reader (lib/cache/reader-pages.ts, docs/decisions/019-signed-in-pages-from-the-cache.md).

const LOCALES = ['ja', 'uk', 'en'];
const ID = '0b6c1f1e-5a0e-4c0e-9a55-3f1d2b7c8e90';
const USER = '7d3e2a10-1c2b-4d5e-8f90-a1b2c3d4e5f6';
const facilitator = { userId: USER, role: 'FACILITATOR' } as const;
const read = (pathname: string, reader: { userId: string; role: 'FACILITATOR' | 'ADMIN' | 'COMPANY_REP' | 'MUNICIPALITY_REP' } = facilitator, more: { search?: string; method?: string; isPrefetch?: boolean } = {}) =>
  readerCachedPathFor({ method: more.method ?? 'GET', pathname, search: more.search ?? '', isPrefetch: more.isPrefetch ?? false }, reader, LOCALES);

describe('signed-in reads served from the cache', () => {
  it("are a facilitator's queue, dashboard and cards, under a locale segment naming the reader", () => {
    expect(read('/en/facilitator/matches')).toBe(`/en~${USER}/cached/facilitator/matches`);
    expect(read(`/ja/facilitator/matches/${ID}`)).toBe(`/ja~${USER}/cached/facilitator/matches/${ID}`);
    expect(read('/uk/facilitator/dashboard', { userId: USER, role: 'ADMIN' })).toBe(`/uk~${USER}/cached/facilitator/dashboard`);
    expect(read('/en/facilitator/dashboard', facilitator, { method: 'HEAD' })).toBe(`/en~${USER}/cached/facilitator/dashboard`);
  });
  it("are a company's recommendations, a hromada's own needs and a need's page, each for its own roles", () => {
    const company = { userId: USER, role: 'COMPANY_REP' } as const;
    const hromada = { userId: USER, role: 'MUNICIPALITY_REP' } as const;
    expect(read('/en/company/recommended', company)).toBe(`/en~${USER}/cached/company/recommended`);
    expect(read('/en/municipality/needs', hromada)).toBe(`/en~${USER}/cached/municipality/needs`);
    for (const reader of [company, hromada, facilitator]) expect(read(`/en/needs/${ID}`, reader)).toBe(`/en~${USER}/cached/needs/${ID}`);
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
  it('splits into the language and the reader', () => {
    expect(splitLocaleSegment('en', LOCALES)).toEqual({ locale: 'en', reader: null });
    expect(splitLocaleSegment(`ja~${USER}`, LOCALES)).toEqual({ locale: 'ja', reader: USER });
    for (const bad of ['de', `de~${USER}`, 'en~', 'en~x', `en~${USER}~${USER}`, `~${USER}`]) {
      expect(splitLocaleSegment(bad, LOCALES), bad).toEqual({ locale: null, reader: null });
    }
  });
  it('names its reader for the proxy, whatever follows', () => {
    expect(readerNamedIn(`/en~${USER}/cached/facilitator/matches`)).toBe(USER);
    expect(readerNamedIn(`/en~${USER}/account`)).toBe(USER);
    expect(readerNamedIn('/en~anything')).toBe('anything');
    expect(readerNamedIn('/en/cached/needs')).toBeNull();
    expect(readerNamedIn('/en/needs/a~b')).toBeNull();
  });
  it('is a page only as the cached variant of a page kept per reader', () => {
    expect(isReaderCachedPath(`/en~${USER}/cached/facilitator/matches`, LOCALES)).toBe(true);
    expect(isReaderCachedPath(`/en~${USER}/cached/needs/${ID}`, LOCALES)).toBe(true);
    expect(isReaderCachedPath(`/en~${USER}/facilitator/matches`, LOCALES)).toBe(false);
    expect(isReaderCachedPath(`/en~${USER}/cached/needs`, LOCALES)).toBe(false);
    expect(isReaderCachedPath(`/en~${USER}/cached`, LOCALES)).toBe(false);
    expect(isReaderCachedPath(`/en~${USER}/cached/account`, LOCALES)).toBe(false);
    expect(isReaderCachedPath('/en/cached/facilitator/matches', LOCALES)).toBe(false);
  });
  it("is how the cache knows a reader's entry (its age is bounded)", () => {
    // Next 16's keys: the route cache's prefix, then the page's path.
    expect(isReaderPageKey(`/route-cache/APP_PAGE/6ea0261b/$/en~${USER}/cached/facilitator/matches`)).toBe(true);
    expect(isReaderPageKey(`/route-cache/APP_PAGE/6ea0261b/$/uk~${USER}/cached/needs/${ID}`)).toBe(true);
    expect(isReaderPageKey(`/en~${USER}/cached/facilitator/matches`)).toBe(true);
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
