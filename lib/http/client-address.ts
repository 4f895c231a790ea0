import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import proxyAddr from 'proxy-addr';

// Who is on the other end of a request, decided once at the edge of the app (lib/http/app-server.ts)
// from the socket and the TRUSTED_PROXIES setting. X-Forwarded-* headers are believed only as far
// as they were written by proxies we trust; anything a client wrote itself is ignored.

/** Is the hop `index` (0 = the socket's peer, 1 = the last X-Forwarded-For entry, …) a proxy of ours? */
export type ProxyTrust = (address: string, index: number) => boolean;

/**
 * TRUSTED_PROXIES: unset → no proxy is trusted and the socket's peer is the client; a whole
 * number n → the n nearest hops are our proxies (1 = one load balancer in front); otherwise a
 * comma-separated list of addresses and CIDRs (or proxy-addr's names `loopback`, `linklocal`,
 * `uniquelocal`). An address that is not one throws, so a typo stops the server at start.
 */
export function parseTrustedProxies(setting: string | undefined): ProxyTrust {
  const value = setting?.trim();
  if (!value) return () => false;
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return (_address, index) => index < hops;
  }
  return proxyAddr.compile(value.split(',').map((part) => part.trim()).filter(Boolean));
}

export type PeerRequest = {
  headers: IncomingHttpHeaders;
  socket: { remoteAddress?: string; encrypted?: boolean };
};

/** The client's address: the first hop, from the socket inwards, that is not a trusted proxy. */
export function clientAddressOf(request: PeerRequest, trust: ProxyTrust): string | null {
  if (!request.socket.remoteAddress) return null;
  // proxy-addr reads only the socket and the X-Forwarded-For header.
  const address = proxyAddr(request as unknown as IncomingMessage, trust);
  return withoutIpv4Mapping(address);
}

/** https only when our own socket is TLS, or a trusted proxy in front said so. */
export function protocolOf(request: PeerRequest, trust: ProxyTrust): 'http' | 'https' {
  if (request.socket.encrypted) return 'https';
  if (!isFromTrustedProxy(request, trust)) return 'http';
  return fromOutermostTrustedHop(request, trust, 'x-forwarded-proto')?.toLowerCase() === 'https' ? 'https' : 'http';
}

/** The public host a trusted proxy reports; null when the peer is not one (then Host stands). */
export function forwardedHostOf(request: PeerRequest, trust: ProxyTrust): string | null {
  if (!isFromTrustedProxy(request, trust)) return null;
  return fromOutermostTrustedHop(request, trust, 'x-forwarded-host') ?? null;
}

function isFromTrustedProxy(request: PeerRequest, trust: ProxyTrust): boolean {
  const peer = request.socket.remoteAddress;
  return !!peer && trust(peer, 0);
}

/**
 * The X-Forwarded-Proto/-Host entry our outermost trusted proxy appended: with n trusted hops
 * (counted as proxy-addr counts them for the address) it is the n-th from the end. Entries
 * before it were written by the client (or a proxy we do not trust), so the first is never read.
 * A header with fewer entries than hops (a proxy that overwrites instead of appending) gives its
 * first entry, which a trusted proxy wrote.
 */
function fromOutermostTrustedHop(request: PeerRequest, trust: ProxyTrust, name: 'x-forwarded-proto' | 'x-forwarded-host'): string | undefined {
  const header = request.headers[name];
  const values = (Array.isArray(header) ? header.join(',') : (header ?? '')).split(',').map((value) => value.trim());
  // proxy-addr lists the socket's peer, then the trusted hops, then the client: the hops before it.
  const hops = Math.max(1, proxyAddr.all(request as unknown as IncomingMessage, trust).length - 1);
  return values[Math.max(0, values.length - hops)] || undefined;
}

/** `::ffff:203.0.113.4` (an IPv4 client on a dual-stack socket) is recorded as `203.0.113.4`. */
function withoutIpv4Mapping(address: string): string {
  return /^::ffff:\d+\.\d+\.\d+\.\d+$/i.test(address) ? address.slice(7) : address;
}
