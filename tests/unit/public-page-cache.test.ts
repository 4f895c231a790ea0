import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cachedPathFor, hasSessionCookie, isCachedPath } from '../../lib/cache/public-pages';
import { columnsOf, deserialise, entryOf, serialise } from '../../lib/cache/page-cache-entry.mjs';
import { cachedPagePolicy, inlineScriptHashes } from '../../lib/security/content-security-policy.mjs';

// Which requests are served from the shared cache (anonymous reads of the public pages, nothing
// else), and the policy a cached page carries instead of a nonce.

const LOCALES = ['ja', 'uk', 'en'];
const NEED = '0b6c1f1e-5a0e-4c0e-9a55-3f1d2b7c8e90';
const anonymous = (pathname: string, search = '', method = 'GET') => cachedPathFor({ method, pathname, search, hasSession: false }, LOCALES);

describe('requests served from the cache', () => {
  it('are the anonymous reads of home, the needs list and map, and a need, in every language', () => {
    expect(anonymous('/en')).toBe('/en/cached');
    expect(anonymous('/ja/needs')).toBe('/ja/cached/needs');
    expect(anonymous('/uk/needs', '?view=map')).toBe('/uk/cached/needs/map');
    expect(anonymous(`/en/needs/${NEED}`)).toBe(`/en/cached/needs/${NEED}`);
    expect(anonymous('/en', '', 'HEAD')).toBe('/en/cached');
  });
  it("are a later page of the needs list too, by the list's own page numbers; the first is the list's entry", () => {
    expect(anonymous('/en/needs', '?page=2')).toBe('/en/cached/needs/page/2');
    expect(anonymous('/uk/needs', '?page=9999')).toBe('/uk/cached/needs/page/9999');
    expect(anonymous('/ja/needs', '?page=1')).toBe('/ja/cached/needs');
    // Anything else is rendered as before: one entry per way of writing a number would grow without end.
    for (const search of ['?page=0', '?page=02', '?page=10000', '?page=2.0', '?page=-1', '?page=abc', '?page=', '?page=2&page=3', '?page=2&sector=HEALTH', '?page=2&view=map']) {
      expect(anonymous('/en/needs', search), search).toBeNull();
    }
    expect(cachedPathFor({ method: 'GET', pathname: '/en/needs', search: '?page=2', hasSession: true }, LOCALES)).toBeNull();
  });
  it('never a signed-in visitor, a write, a filter or another page', () => {
    expect(cachedPathFor({ method: 'GET', pathname: '/en/needs', search: '', hasSession: true }, LOCALES)).toBeNull();
    expect(anonymous('/en/needs', '', 'POST')).toBeNull();
    expect(anonymous('/en/needs', '?sector=HEALTH')).toBeNull();
    expect(anonymous('/en/needs', '?view=map&sector=HEALTH')).toBeNull();
    expect(anonymous('/en/needs', '?view=list')).toBeNull();
    expect(anonymous('/en/needs', '?view=map&view=map')).toBeNull();
    expect(anonymous(`/en/needs/${NEED}`, '?x=1')).toBeNull();
    expect(anonymous('/en/needs/not-a-need')).toBeNull();
    expect(anonymous(`/en/needs/${NEED}/edit`)).toBeNull();
    expect(anonymous('/en/companies')).toBeNull();
    expect(anonymous('/en/sign-in')).toBeNull();
    expect(anonymous('/de/needs')).toBeNull();
    expect(anonymous('/')).toBeNull();
    expect(anonymous('/api/health')).toBeNull();
  });
  it('knows a session by its cookie, secure or not, whole or chunked', () => {
    expect(hasSessionCookie(['NEXT_LOCALE', 'next-auth.session-token'])).toBe(true);
    expect(hasSessionCookie(['__Secure-next-auth.session-token'])).toBe(true);
    expect(hasSessionCookie(['__Secure-next-auth.session-token.0', '__Secure-next-auth.session-token.1'])).toBe(true);
    expect(hasSessionCookie(['NEXT_LOCALE', 'next-auth.csrf-token', 'next-auth.callback-url'])).toBe(false);
  });
  it('recognises the internal addresses of the cached variants', () => {
    expect(isCachedPath('/en/cached/needs')).toBe(true);
    expect(isCachedPath('/en/needs')).toBe(false);
  });
});

const sha = (body: string) => `'sha256-${createHash('sha256').update(body).digest('base64')}'`;

describe("a cached page's policy", () => {
  const bootstrap = '(self.__next_f=self.__next_f||[]).push([0])';
  const push = 'self.__next_f.push([1,"0:{\\"P\\":null}\\n\\u003cscript\\u003e"])';
  const chunks = '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"otherChunks":["static/chunks/a.js"],"runtimeModuleIds":[94553]});';
  const page = `<html><head><script src="/_next/static/chunks/a.js" async=""></script></head><body><p>text</p><script id="_R_">${chunks}</script><script>${bootstrap}</script><script>${push}</script></body></html>`;

  it("allows Next's own inline data scripts by hash, and script files from this origin only", () => {
    expect(inlineScriptHashes(page).sort()).toEqual([sha(chunks), sha(bootstrap), sha(push)].sort());
    const policy = cachedPagePolicy(page);
    expect(policy).toMatch(/script-src 'self'( 'sha256-[^' ]+'){3};/);
    const scripts = policy.split('; ').find((directive) => directive.startsWith('script-src'));
    expect(scripts).not.toMatch(/nonce|unsafe-inline|unsafe-eval|strict-dynamic|\*|https?:/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("frame-ancestors 'none'");
  });
  it('leaves out any other inline script, so the browser refuses it', () => {
    const injected = [
      'alert(1)',
      'self.__next_f.push([1,"x"]);alert(1)',
      'self.__next_f.push([1,"x"]),alert(1)',
      'self.__next_f.push(alert(1))',
      'self.__next_f.push([1,alert(1)])',
      '(self.__next_f=self.__next_f||[]).push([0]);alert(1)',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({"a":1});alert(1)',
      '(globalThis["TURBOPACK"] || (globalThis["TURBOPACK"] = [])).push({a:alert(1)});',
    ];
    for (const body of injected) {
      expect(inlineScriptHashes(`<body><script>${body}</script><script type="text/javascript">${body}</script></body>`), body).toEqual([]);
    }
  });
});

describe('cache entries in PostgreSQL', () => {
  it('keep the RSC payload and per-segment data (buffers) through a round trip', () => {
    const value = { kind: 'APP_PAGE', html: '<p>x</p>', rscData: Buffer.from([0, 1, 2, 255]), segmentData: new Map([['/_tree', Buffer.from('tree')]]), headers: { 'x-next-cache-tags': 'Need' }, status: 200 };
    const back = deserialise(serialise(value));
    expect(back).toEqual(value);
    expect(Buffer.isBuffer(back.rscData)).toBe(true);
    expect(back.segmentData).toBeInstanceOf(Map);
  });

  it("keep a page's HTML, RSC payload and segments in columns of their own, and read them back whole", () => {
    const value = { kind: 'APP_PAGE', html: '<p>Київ — x</p>', rscData: Buffer.from([0, 1, 2, 255]), segmentData: new Map([['/_tree', Buffer.from([9, 0, 255])], ['/_full', Buffer.from('full')]]), headers: { 'x-next-cache-tags': 'Need' }, status: 200 };
    const row = columnsOf(value, { revalidate: false });
    expect(row.html).toBe(value.html);
    expect(Buffer.from(row.rscData!, 'base64')).toEqual(value.rscData);
    // The JSON keeps none of the three: each is decoded on its own.
    expect(row.value).not.toContain('Київ');
    expect(row.value).not.toContain('$buffer');
    expect(row.value).not.toContain('_tree');
    const back = entryOf(row);
    expect(back).toEqual({ value, cacheControl: { revalidate: false } });
    expect(back.value.segmentData).toBeInstanceOf(Map);
    expect(Buffer.isBuffer(back.value.rscData)).toBe(true);
  });

  it("keep a route's body in the JSON, and read an entry stored before the columns as it was", () => {
    const route = { kind: 'APP_ROUTE', body: Buffer.from('{"hromadas":[]}'), headers: {}, status: 200 };
    const row = columnsOf(route, undefined);
    expect(row).toMatchObject({ html: null, rscData: null, segmentData: null });
    expect(entryOf(row).value).toEqual(route);
    const page = { kind: 'APP_PAGE', html: '<p>old</p>', rscData: Buffer.from('rsc'), segmentData: new Map([['/_tree', Buffer.from('t')]]), headers: {}, status: 200 };
    expect(entryOf({ value: serialise({ value: page }), html: null, rscData: null, segmentData: null }).value).toEqual(page);
  });
});
