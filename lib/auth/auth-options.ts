import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '../db';
import { isAppError } from '../errors';
import { clientIp } from '../security/client-ip';
import { authSecret, sessionAbsoluteSeconds, sessionIdleSeconds, SESSION_COOKIE, useSecureCookies, type SessionClaims } from './session';
import { authenticate } from './sign-in';

// next-auth v4 with email + password. The JWT carries only the user id, the session version
// and the sign-in time; who the user is and what they may do is read from the database on
// every request (lib/auth/session.ts), which is what makes sessions revocable.

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
  jwt: { maxAge: sessionIdleSeconds() },
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
  callbacks: {
    async jwt({ token, user }) {
      const claims = token as typeof token & SessionClaims;
      if (user) {
        claims.sv = (user as { sessionVersion?: number }).sessionVersion ?? 0;
        claims.authTime = Math.floor(Date.now() / 1000);
      }
      // Past the absolute lifetime the token is emptied: the next read finds no user.
      if (typeof claims.authTime === 'number' && Date.now() / 1000 - claims.authTime > sessionAbsoluteSeconds()) {
        return {};
      }
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
