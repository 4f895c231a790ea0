// The Content-Security-Policy, in plain JavaScript because two kinds of code build it: proxy.ts
// (a nonce per response, lib/security/http-policy.ts) and Next's cache handler for the public
// pages (lib/cache/page-cache-handler.mjs), which Next loads at run time without compiling it.
import { createHash } from 'node:crypto';

/**
 * Every directive but script-src is the same for all pages.
 * @param {string} scriptSources what script-src allows
 * @param {{ isDevelopment: boolean; isHttps: boolean }} options
 */
export function policyWith(scriptSources, options) {
  return [
    "default-src 'self'",
    `script-src ${scriptSources}${options.isDevelopment ? " 'unsafe-eval'" : ''}`,
    // Styles are not a script vector in modern browsers; inline style attributes stay allowed.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${options.isDevelopment ? ' ws: wss:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.isHttps ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

// The only inline scripts Next writes into a statically rendered page: the bootstrap of its
// flight-data queue, pushes of data onto it, and the bundler's list of the page's script files.
// Each push's argument must parse as JSON, i.e. be data and nothing that runs; anything else
// found inline is left out of the policy, so the browser refuses it.
const BOOTSTRAP = '(self.__next_f=self.__next_f||[]).push([0])';
const PUSH = /^self\.__next_f\.push\((\[[\s\S]*\])\)$/;
const CHUNK_LIST = /^\(globalThis\["TURBOPACK"\] \|\| \(globalThis\["TURBOPACK"\] = \[\]\)\)\.push\((\{[\s\S]*\})\);?$/;
const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

/** @param {string} body */
function isNextData(body) {
  if (body === BOOTSTRAP) return true;
  const push = PUSH.exec(body) ?? CHUNK_LIST.exec(body);
  if (!push) return false;
  try {
    JSON.parse(push[1]);
    return true;
  } catch {
    return false;
  }
}

/**
 * The SHA-256 sources for the inline scripts of a rendered page that are Next's own data.
 * @param {string} html
 * @returns {string[]}
 */
export function inlineScriptHashes(html) {
  const hashes = new Set();
  for (const [, body] of html.matchAll(INLINE_SCRIPT)) {
    if (isNextData(body)) hashes.add(`'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}

/**
 * The policy of a page served from the cache: the same for every visitor, so no nonce; its
 * inline scripts are allowed by hash, its script files because they come from this origin.
 * upgrade-insecure-requests is added by proxy.ts per request (a second policy), because one
 * cached page is served over http and https alike.
 * @param {string} html
 */
export function cachedPagePolicy(html) {
  return policyWith(["'self'", ...inlineScriptHashes(html)].join(' '), { isDevelopment: false, isHttps: false });
}
