import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { poolOf, type Db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';

// Attempt counters live in PostgreSQL (table "RateLimitBucket", created by our migrations, in
// the layout rate-limiter-flexible reads and writes) so every app instance shares one count.

export type Limiter = {
  /** Counts one attempt for the key; RATE_LIMITED once the window's attempts are spent. */
  consume(key: string): Promise<void>;
  forgive(key: string): Promise<void>;
};

export function createLimiter(db: Db, name: string, attempts: number, windowSeconds: number): Limiter {
  const limiter = new RateLimiterPostgres({
    storeClient: poolOf(db),
    storeType: 'pool',
    tableName: 'RateLimitBucket',
    tableCreated: true,
    keyPrefix: name,
    points: attempts,
    duration: windowSeconds,
  });
  return {
    async consume(key) {
      try {
        await limiter.consume(digest(key));
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        throw new AppError('RATE_LIMITED', `Too many attempts (${name})`, {
          retryAfterSeconds: Math.ceil(error.msBeforeNext / 1000),
        });
      }
    },
    async forgive(key) {
      await limiter.delete(digest(key));
    },
  };
}

// Keys hold a digest, not the address: the table keeps no personal data and fits varchar(255).
const digest = (key: string) => createHash('sha256').update(key).digest('base64url');

export type SignInLimiter = {
  /** One attempt for the account and one for the address; refused when either is spent. */
  consume(email: string, ip: string | null): Promise<void>;
  /** A successful sign-in forgives the account's failures (the address keeps its count). */
  forgiveAccount(email: string): Promise<void>;
};

export function createSignInLimiter(db: Db, limits: { perAccount: number; perIp: number }, windowSeconds: number): SignInLimiter {
  const perAccount = createLimiter(db, 'sign-in:account', limits.perAccount, windowSeconds);
  const perAddress = createLimiter(db, 'sign-in:ip', limits.perIp, windowSeconds);
  return {
    async consume(email, ip) {
      await perAccount.consume(email);
      if (ip) await perAddress.consume(ip);
    },
    forgiveAccount: (email) => perAccount.forgive(email),
  };
}

type Limiters = { signIn: SignInLimiter; signUp: Limiter; passwordReset: Limiter };
const perDb = new WeakMap<Db, Limiters>();

function limitersFor(db: Db): Limiters {
  let limiters = perDb.get(db);
  if (!limiters) {
    limiters = {
      signIn: createSignInLimiter(db, { perAccount: env.SIGN_IN_ATTEMPTS_PER_ACCOUNT, perIp: env.SIGN_IN_ATTEMPTS_PER_IP }, env.SIGN_IN_WINDOW_MINUTES * 60),
      signUp: createLimiter(db, 'sign-up:ip', 20, 3600),
      passwordReset: createLimiter(db, 'password-reset', 5, 3600),
    };
    perDb.set(db, limiters);
  }
  return limiters;
}

export const signInLimiter = (db: Db) => limitersFor(db).signIn;

/** Sign-ups per address: enough for an office behind one NAT, not for a script. */
export const signUpLimiter = (db: Db) => ({
  consume: async (ip: string | null) => {
    if (ip) await limitersFor(db).signUp.consume(ip);
  },
});

/** Reset emails per account and per address, so the form cannot be used to flood an inbox. */
export const passwordResetLimiter = (db: Db) => ({
  consume: async (email: string, ip: string | null) => {
    await limitersFor(db).passwordReset.consume(`account:${email}`);
    if (ip) await limitersFor(db).passwordReset.consume(`ip:${ip}`);
  },
});
