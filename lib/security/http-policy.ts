// What every response and every state-changing request must satisfy; applied by proxy.ts.
// Pure functions of the request, so they are unit-tested without a server.
import { policyWith } from './content-security-policy.mjs';

/** Request bodies larger than this are refused (413) before any handler reads them. */
export const MAX_BODY_BYTES = 256 * 1024;

export function buildContentSecurityPolicy(nonce: string, options: { isDevelopment: boolean; isHttps: boolean }): string {
  // Next's own inline bootstrap scripts carry the nonce; 'strict-dynamic' lets the scripts
  // they load run. Development needs eval for React's debugging and fast refresh.
  return policyWith(`'self' 'nonce-${nonce}' 'strict-dynamic'`, options);
}

export const SECURITY_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

/** Two years, subdomains included: browsers then never try plain http for this site. */
export const STRICT_TRANSPORT_SECURITY = 'max-age=63072000; includeSubDomains';

/**
 * Whether the browser reached us over https. The app's server (lib/http/app-server.ts) sets
 * X-Forwarded-Proto on every request from its own socket or a trusted proxy's word, so a
 * client cannot claim it.
 */
export function isHttpsRequest(headers: Headers): boolean {
  return headers.get('x-forwarded-proto') === 'https';
}

/** The headers every response carries; HSTS only over https (over http it would be ignored, or pin a development host). */
export function securityHeadersFor(options: { isHttps: boolean }): Record<string, string> {
  return options.isHttps ? { ...SECURITY_HEADERS, 'Strict-Transport-Security': STRICT_TRANSPORT_SECURITY } : SECURITY_HEADERS;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * A state-changing request another site made the browser send. Checked from Origin (sent by
 * every modern browser on POST) and, when it is missing, Sec-Fetch-Site. Clients that send
 * neither are not browsers and carry no victim's cookies.
 */
export function isForeignOrigin(method: string, headers: Headers): boolean {
  if (SAFE_METHODS.has(method.toUpperCase())) return false;
  const origin = headers.get('origin');
  const host = headers.get('x-forwarded-host') ?? headers.get('host');
  if (origin) {
    if (origin === 'null') return true;
    try {
      return new URL(origin).host !== host;
    } catch {
      return true;
    }
  }
  return headers.get('sec-fetch-site') === 'cross-site';
}

export function isBodyTooLarge(headers: Headers): boolean {
  const length = Number(headers.get('content-length') ?? 0);
  return Number.isFinite(length) && length > MAX_BODY_BYTES;
}
