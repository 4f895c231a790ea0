/**
 * The client's address for rate limits and the audit log. The app's server
 * (lib/http/app-server.ts) overwrites X-Forwarded-For on every request with the one address it
 * established from the socket and TRUSTED_PROXIES, so what a client wrote there never arrives.
 * Should a list arrive anyway, its last entry is the one the nearest hop wrote.
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  return forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1) ?? null;
}
