import { getToken } from 'next-auth/jwt';
import type { Db } from '../db';
import { env } from '../env';
import type { Actor } from './actor';
import { decodeSessionToken } from './session-token';

// Sessions are next-auth JWTs (the Credentials provider requires them) carrying four claims
// of ours. A token is honoured only while its UserSession row is not revoked (signing out ends
// that one device's session) and the user's row agrees with it, so disabling a user or
// changing a password (both bump User.sessionVersion) ends every session at once.

export type SessionClaims = {
  sub?: string;
  /** The UserSession row this token belongs to. */
  sid?: string;
  /** User.sessionVersion when the token was issued. */
  sv?: number;
  /** Sign-in time, seconds since the epoch: the absolute lifetime counts from here. */
  authTime?: number;
};

/** Secure (and __Secure- prefixed) in production; plain http on a developer's machine. */
export const useSecureCookies = env.NODE_ENV === 'production';
export const SESSION_COOKIE = useSecureCookies ? '__Secure-next-auth.session-token' : 'next-auth.session-token';

export const sessionIdleSeconds = () => env.SESSION_IDLE_MINUTES * 60;
export const sessionAbsoluteSeconds = () => env.SESSION_ABSOLUTE_HOURS * 3600;

export function authSecret(): string {
  if (env.NEXTAUTH_SECRET) return env.NEXTAUTH_SECRET;
  // `next build` loads route modules to collect their configuration; nothing is signed then.
  if (process.env.NEXT_PHASE === 'phase-production-build') return 'build-phase placeholder, never used to sign';
  // The launcher always provides one; only tests and scripts that never serve requests get here.
  if (env.NODE_ENV === 'production') throw new Error('NEXTAUTH_SECRET is not set: start the app with `npm start`');
  return 'development-only secret: start through npm run dev/start for a real one';
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A token's session id, when it has a well-formed one. */
export const sessionIdOf = (claims: SessionClaims | null): string | null =>
  typeof claims?.sid === 'string' && UUID.test(claims.sid) ? claims.sid : null;

export async function actorFromClaims(db: Db, claims: SessionClaims | null, now = new Date()): Promise<Actor | null> {
  const sid = sessionIdOf(claims);
  if (!claims?.sub || !sid || typeof claims.sv !== 'number' || typeof claims.authTime !== 'number') return null;
  if (now.getTime() / 1000 - claims.authTime > sessionAbsoluteSeconds()) return null;
  // One primary-key read answers both questions: is this device's session still open, and
  // does the user still agree with the token?
  const session = await db.userSession.findUnique({
    where: { id: sid },
    select: {
      userId: true,
      revokedAt: true,
      user: { select: { id: true, role: true, companyId: true, municipalityId: true, sessionVersion: true, disabledAt: true } },
    },
  });
  if (!session || session.revokedAt || session.userId !== claims.sub) return null;
  const { user } = session;
  if (user.disabledAt || user.sessionVersion !== claims.sv) return null;
  return actorOf(user);
}

const actorOf = (user: { id: string; role: Actor['role']; companyId: string | null; municipalityId: string | null }): Actor =>
  ({ userId: user.id, role: user.role, companyId: user.companyId, municipalityId: user.municipalityId });

/**
 * The actor a reader's cached page is rendered for (lib/auth/current-actor.ts): their user row as a
 * session would give it. proxy.ts has checked their session before the request got here; a user
 * disabled since is nobody, as their session would be.
 */
export async function actorOfUser(db: Db, userId: string): Promise<Actor | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: { id: true, role: true, companyId: true, municipalityId: true, disabledAt: true },
  });
  return user && !user.disabledAt ? actorOf(user) : null;
}

type CookieJar = { getAll(): { name: string; value: string }[] };

/** The acting user for a request's cookies (a NextRequest's, or next/headers' cookies()). */
export async function actorFromCookies(db: Db, cookies: CookieJar): Promise<Actor | null> {
  const claims = await getToken({
    // Only the cookie is read: no bearer tokens, so a session always travels as the
    // HttpOnly, SameSite cookie next-auth set.
    req: { cookies, headers: {} } as unknown as Parameters<typeof getToken>[0]['req'],
    secret: authSecret(),
    secureCookie: useSecureCookies,
    cookieName: SESSION_COOKIE,
    decode: decodeSessionToken,
  });
  return actorFromClaims(db, claims as SessionClaims | null);
}
