import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy, isBodyTooLarge, isForeignOrigin, MAX_BODY_BYTES } from '../../lib/security/http-policy';
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
    expect(clientIp(headers({}))).toBeNull();
  });
});

describe('return path after sign-in', () => {
  it('keeps same-site paths and drops anything that leaves the site', () => {
    expect(safeReturnPath('/admin/users')).toBe('/admin/users');
    for (const unsafe of ['https://attacker.example', '//attacker.example', '/\\attacker.example', undefined, ['/x']]) {
      expect(safeReturnPath(unsafe)).toBe('/account');
    }
  });
});
