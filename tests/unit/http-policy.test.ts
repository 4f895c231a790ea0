import { describe, expect, it } from 'vitest';
import {
  buildContentSecurityPolicy,
  isBodyTooLarge,
  isForeignOrigin,
  isHttpsRequest,
  MAX_BODY_BYTES,
  securityHeadersFor,
} from '../../lib/security/http-policy';
import { clientIp } from '../../lib/security/client-ip';
import { safeReturnPath } from '../../lib/auth/return-path';

const headers = (entries: Record<string, string>) => new Headers(entries);

describe('foreign-origin refusal', () => {
  it('refuses a POST whose Origin is another site', () => {
    expect(isForeignOrigin('POST', headers({ host: 'kakehashi.example', origin: 'https://attacker.example' }))).toBe(true);
  });
  it('accepts a POST from the same host, also behind a proxy', () => {
    expect(isForeignOrigin('POST', headers({ host: 'kakehashi.example', origin: 'https://kakehashi.example' }))).toBe(false);
    expect(isForeignOrigin('POST', headers({ host: '10.0.0.5:3000', 'x-forwarded-host': 'kakehashi.example', origin: 'https://kakehashi.example' }))).toBe(false);
  });
  it('refuses an opaque origin and a cross-site fetch without Origin', () => {
    expect(isForeignOrigin('POST', headers({ host: 'kakehashi.example', origin: 'null' }))).toBe(true);
    expect(isForeignOrigin('DELETE', headers({ host: 'kakehashi.example', 'sec-fetch-site': 'cross-site' }))).toBe(true);
  });
  it('leaves reads alone', () => {
    expect(isForeignOrigin('GET', headers({ host: 'kakehashi.example', origin: 'https://attacker.example' }))).toBe(false);
  });
});

describe('content security policy', () => {
  it('allows scripts only with the nonce and forbids framing', () => {
    const policy = buildContentSecurityPolicy('abc123', { isDevelopment: false, isHttps: true });
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain('upgrade-insecure-requests');
  });
  it('lets development tooling evaluate code, and never upgrades plain http', () => {
    const policy = buildContentSecurityPolicy('n', { isDevelopment: true, isHttps: false });
    expect(policy).toContain("'unsafe-eval'");
    expect(policy).not.toContain('upgrade-insecure-requests');
  });
});

describe('strict transport security', () => {
  it('is sent over https, for two years and every subdomain', () => {
    const isHttps = isHttpsRequest(headers({ 'x-forwarded-proto': 'https' }));
    expect(isHttps).toBe(true);
    expect(securityHeadersFor({ isHttps })['Strict-Transport-Security']).toBe('max-age=63072000; includeSubDomains');
  });
  it('is never sent over plain http', () => {
    for (const request of [headers({ 'x-forwarded-proto': 'http' }), headers({})]) {
      const isHttps = isHttpsRequest(request);
      expect(isHttps).toBe(false);
      expect(securityHeadersFor({ isHttps })['Strict-Transport-Security']).toBeUndefined();
    }
  });
  it('keeps the other security headers either way', () => {
    for (const isHttps of [true, false]) expect(securityHeadersFor({ isHttps })['X-Content-Type-Options']).toBe('nosniff');
  });
});

describe('request size', () => {
  it('refuses declared bodies over the limit', () => {
    expect(isBodyTooLarge(headers({ 'content-length': String(MAX_BODY_BYTES + 1) }))).toBe(true);
    expect(isBodyTooLarge(headers({ 'content-length': String(MAX_BODY_BYTES) }))).toBe(false);
    expect(isBodyTooLarge(headers({}))).toBe(false);
  });
});

describe('client address', () => {
  it('takes the entry the nearest proxy appended, not one the client wrote', () => {
    expect(clientIp(headers({ 'x-forwarded-for': '6.6.6.6, 203.0.113.4' }))).toBe('203.0.113.4');
    expect(clientIp(headers({ 'x-forwarded-for': '203.0.113.4' }))).toBe('203.0.113.4');
    expect(clientIp(headers({}))).toBeNull();
  });
  it('never reads X-Real-IP: only the app server’s X-Forwarded-For counts', () => {
    expect(clientIp(headers({ 'x-real-ip': '6.6.6.6' }))).toBeNull();
  });
});

describe('return path after sign-in', () => {
  it('keeps same-site paths and drops anything that leaves the site', () => {
    expect(safeReturnPath('/admin/users')).toBe('/admin/users');
    for (const unsafe of ['https://attacker.example', '//attacker.example', '/\\attacker.example', undefined, ['/x']]) {
      expect(safeReturnPath(unsafe)).toBe('/start');
    }
  });
});
