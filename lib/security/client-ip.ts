/**
 * The client's address for rate limits and the audit log: the last X-Forwarded-For entry,
 * which is the one the nearest proxy (the load balancer) appended and a client cannot forge.
 * Next's own server only fills the header when it is absent, so an instance exposed without a
 * proxy sees whatever a client wrote there: deploy behind one (README, "Deploying").
 */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get('x-forwarded-for');
  const last = forwarded?.split(',').map((part) => part.trim()).filter(Boolean).at(-1);
  return last ?? headers.get('x-real-ip') ?? null;
}
