import type { AuthOptions } from 'next-auth';
import { headers as requestHeaders } from 'next/headers';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '../db';
import { isAppError } from '../errors';
import { clientIp } from '../security/client-ip';
import { actorFromClaims, authSecret, sessionIdleSeconds, SESSION_COOKIE, useSecureCookies, type SessionClaims } from './session';
import { decodeSessionToken, encodeSessionToken } from './session-token';
import { authenticate } from './sign-in';
import { endSession, startSession } from './user-sessions';
import { logError } from '../logging/log';

// next-auth v4 with email + password. The JWT carries only the user id, its session's id, the
// session version and the sign-in time; who the user is, what they may do and whether the
// session is still open are read from the database on every request (lib/auth/session.ts),
// which is what makes sessions revocable.

// Thrown by the jwt callback for a token the app refuses; next-auth then clears the cookie.
const SESSION_ENDED = 'Session ended';

export const authOptions: AuthOptions = {
  secret: authSecret(),
  useSecureCookies,
  cookies: {
    sessionToken: {
      name: SESSION_COOKIE,
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: useSecureCookies },
    },
  },
  // The idle lifetime: every request that reads the session re-issues the cookie with a fresh
  // expiry, so only inactivity lets it lapse. The absolute lifetime is the authTime claim.
  session: { strategy: 'jwt', maxAge: sessionIdleSeconds(), updateAge: 0 },
  // next-auth's token format, with its key derived once per process instead of per token.
  jwt: { maxAge: sessionIdleSeconds(), encode: encodeSessionToken, decode: decodeSessionToken },
  pages: { signIn: '/sign-in', error: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'Email and password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials, request) {
        const headers = toHeaders(request?.headers);
        try {
          const user = await authenticate(db, { email: credentials?.email ?? '', password: credentials?.password ?? '' }, clientIp(headers));
          return user ? { id: user.userId, email: user.email, name: user.name, sessionVersion: user.sessionVersion } : null;
        } catch (error) {
          // next-auth turns a thrown message into ?error=<message> for the sign-in page.
          if (isAppError(error) && error.code === 'RATE_LIMITED') throw new Error('RATE_LIMITED');
          throw error;
        }
      },
    }),
  ],
  logger: {
    error(code, metadata) {
      // Expected whenever a signed-out or revoked cookie comes back: not worth a stack trace.
      if (code === 'JWT_SESSION_ERROR' && metadata instanceof Error && metadata.message === SESSION_ENDED) return;
      logError(`next-auth ${code}`, metadata);
    },
  },
  events: {
    // Revoked on the server, so a copied cookie dies with the one the browser just dropped.
    async signOut({ token }) {
      await endSession(db, token as SessionClaims | null, clientIp(await requestHeaders()));
    },
  },
  callbacks: {
    async jwt({ token, user }) {
      const claims = token as typeof token & SessionClaims;
      if (user) {
        claims.sid = (await startSession(db, user.id)).id;
        claims.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        claims.authTime = Math.floor(Date.now() / 1000);
        return claims;
      }
      // /api/auth/session re-issues the cookie: never for a token the app would refuse (signed
      // out, revoked, past its absolute lifetime). Throwing makes next-auth clear the cookie.
      if (!(await actorFromClaims(db, claims))) throw new Error(SESSION_ENDED);
      return claims;
    },
    async session({ session, token }) {
      // The browser learns the user's id; roles and organisations stay on the server.
      return { ...session, user: token.sub ? { ...session.user, id: token.sub } : undefined };
    },
  },
};

/** next-auth hands authorize() the request headers as a plain object; some values may be lists. */
function toHeaders(raw: unknown): Headers {
  if (raw instanceof Headers) return raw;
  const headers = new Headers();
  for (const [name, value] of Object.entries((raw ?? {}) as Record<string, unknown>)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) headers.set(name, value.join(', '));
  }
  return headers;
}
