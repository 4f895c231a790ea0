import { describe, expect, it } from 'vitest';
import { clientAddressOf, forwardedHostOf, parseTrustedProxies, protocolOf, type PeerRequest } from '../../lib/http/client-address';

const request = (remoteAddress: string, headers: PeerRequest['headers'] = {}, encrypted = false): PeerRequest => ({
  headers,
  socket: { remoteAddress, encrypted },
});
const forged = { 'x-forwarded-for': '6.6.6.6, 7.7.7.7', 'x-forwarded-proto': 'https', 'x-forwarded-host': 'evil.example' };

describe('client address without TRUSTED_PROXIES', () => {
  const trust = parseTrustedProxies(undefined);
  it('is the socket peer; whatever the client wrote in X-Forwarded-For is ignored', () => {
    expect(clientAddressOf(request('203.0.113.4', forged), trust)).toBe('203.0.113.4');
    expect(clientAddressOf(request('203.0.113.4'), trust)).toBe('203.0.113.4');
    expect(parseTrustedProxies('  ')('127.0.0.1', 0)).toBe(false);
  });
  it('records an IPv4 client on a dual-stack socket as plain IPv4, and IPv6 as is', () => {
    expect(clientAddressOf(request('::ffff:198.51.100.2', forged), trust)).toBe('198.51.100.2');
    expect(clientAddressOf(request('2001:db8::1', forged), trust)).toBe('2001:db8::1');
  });
  it('believes no forwarded protocol or host', () => {
    expect(protocolOf(request('203.0.113.4', forged), trust)).toBe('http');
    expect(forwardedHostOf(request('203.0.113.4', forged), trust)).toBeNull();
  });
  it('is https only when our own socket is TLS', () => {
    expect(protocolOf(request('203.0.113.4', {}, true), trust)).toBe('https');
  });
  it('has no address for a socket that has none (already closed)', () => {
    expect(clientAddressOf({ headers: forged, socket: {} }, trust)).toBeNull();
  });
});

describe('client address with a hop count', () => {
  it('1: the load balancer is trusted, so the entry it appended (the last) is the client', () => {
    const trust = parseTrustedProxies('1');
    expect(clientAddressOf(request('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 203.0.113.4' }), trust)).toBe('203.0.113.4');
    expect(protocolOf(request('10.0.0.2', { 'x-forwarded-proto': 'https' }), trust)).toBe('https');
    expect(forwardedHostOf(request('10.0.0.2', { 'x-forwarded-host': 'kakehashi.example' }), trust)).toBe('kakehashi.example');
  });
  it('2: a CDN and a load balancer; the entry before the CDN’s is the client', () => {
    const trust = parseTrustedProxies('2');
    expect(clientAddressOf(request('10.0.0.2', { 'x-forwarded-for': '6.6.6.6, 203.0.113.4, 192.0.2.50' }), trust)).toBe('203.0.113.4');
  });
  it('1: the protocol and host are the ones the load balancer appended, not the ones the client wrote first', () => {
    const trust = parseTrustedProxies('1');
    const headers = { 'x-forwarded-for': '203.0.113.4', 'x-forwarded-proto': 'https, http', 'x-forwarded-host': 'evil.example, kakehashi.example' };
    expect(protocolOf(request('10.0.0.2', headers), trust)).toBe('http');
    expect(forwardedHostOf(request('10.0.0.2', headers), trust)).toBe('kakehashi.example');
    expect(protocolOf(request('10.0.0.2', { ...headers, 'x-forwarded-proto': 'http, https' }), trust)).toBe('https');
  });
  it('2: the protocol and host are the ones the CDN appended; the load balancer’s own come after them', () => {
    const trust = parseTrustedProxies('2');
    const headers = {
      'x-forwarded-for': '6.6.6.6, 203.0.113.4, 192.0.2.50',
      'x-forwarded-proto': 'https, http, https',
      'x-forwarded-host': 'evil.example, kakehashi.example, lb.internal',
    };
    expect(protocolOf(request('10.0.0.2', headers), trust)).toBe('http');
    expect(forwardedHostOf(request('10.0.0.2', headers), trust)).toBe('kakehashi.example');
    expect(protocolOf(request('10.0.0.2', { ...headers, 'x-forwarded-proto': 'http, https, http' }), trust)).toBe('https');
    // A proxy that overwrites rather than appends leaves one entry, written by a trusted proxy.
    expect(protocolOf(request('10.0.0.2', { ...headers, 'x-forwarded-proto': 'https' }), trust)).toBe('https');
  });
  it('a request that skipped the proxy has no entries to trust: the socket peer is the client', () => {
    expect(clientAddressOf(request('203.0.113.9'), parseTrustedProxies('1'))).toBe('203.0.113.9');
  });
});

describe('client address with a list of proxies', () => {
  const trust = parseTrustedProxies('10.0.0.0/8, 192.0.2.50');
  it('walks back past our proxies to the first address that is not one', () => {
    expect(clientAddressOf(request('10.1.2.3', { 'x-forwarded-for': '6.6.6.6, 203.0.113.4, 192.0.2.50' }), trust)).toBe('203.0.113.4');
  });
  it('ignores X-Forwarded-For, protocol and host from a peer that is not on the list', () => {
    expect(clientAddressOf(request('198.51.100.8', forged), trust)).toBe('198.51.100.8');
    expect(protocolOf(request('198.51.100.8', forged), trust)).toBe('http');
    expect(forwardedHostOf(request('198.51.100.8', forged), trust)).toBeNull();
  });
  it('takes the protocol our proxy appended, not one the client wrote before it, and nothing but https counts as https', () => {
    expect(protocolOf(request('10.1.2.3', { 'x-forwarded-proto': 'https, http' }), trust)).toBe('http');
    expect(protocolOf(request('10.1.2.3', { 'x-forwarded-for': '6.6.6.6, 203.0.113.4, 192.0.2.50', 'x-forwarded-proto': 'http, https, http' }), trust)).toBe('https');
    expect(protocolOf(request('10.1.2.3', { 'x-forwarded-proto': 'wss' }), trust)).toBe('http');
  });
  it('refuses a setting that names no address, so a typo stops the server', () => {
    expect(() => parseTrustedProxies('10.0.0.0/8, not-an-address')).toThrow();
  });
});
