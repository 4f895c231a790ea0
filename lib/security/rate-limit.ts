import { createHash } from 'node:crypto';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { poolOf, type Db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';

// Attempt counters live in PostgreSQL (table "RateLimitBucket", created by our migrations, in
// the layout rate-limiter-flexible reads and writes) so every app instance shares one count.
//
// Hard limits are only ever keyed by the caller's address (alone, or with the account): a
// limit keyed by the account alone would let anyone lock its owner out from elsewhere. What
// happens to one account across addresses is a slower, forgiving back-off (see SignInLimiter).

export type Limiter = {
  /** Counts one attempt for the key; RATE_LIMITED once the window's attempts are spent. */
  consume(key: string): Promise<void>;
  /** Counts one attempt; false instead of an error once the window's attempts are spent. */
  tryConsume(key: string): Promise<boolean>;
  /** Gives back one attempt counted for the key (a sign-in that succeeded was no abuse). */
  refund(key: string): Promise<void>;
  forgive(key: string): Promise<void>;
};

const store = (db: Db, name: string, attempts: number, windowSeconds: number) =>
  new RateLimiterPostgres({
    storeClient: poolOf(db),
    storeType: 'pool',
    tableName: 'RateLimitBucket',
    tableCreated: true,
    keyPrefix: name,
    points: attempts,
    duration: windowSeconds,
  });

const rateLimited = (name: string, msBeforeNext: number) =>
  new AppError('RATE_LIMITED', `Too many attempts (${name})`, { retryAfterSeconds: Math.max(1, Math.ceil(msBeforeNext / 1000)) });

export function createLimiter(db: Db, name: string, attempts: number, windowSeconds: number): Limiter {
  const limiter = store(db, name, attempts, windowSeconds);
  return {
    async consume(key) {
      try {
        await limiter.consume(digest(key));
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        throw rateLimited(name, error.msBeforeNext);
      }
    },
    async tryConsume(key) {
      try {
        await limiter.consume(digest(key));
        return true;
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        return false;
      }
    },
    async refund(key) {
      await limiter.reward(digest(key), 1);
    },
    async forgive(key) {
      await limiter.delete(digest(key));
    },
  };
}

// Keys hold a digest, not the address: the table keeps no personal data and fits varchar(255).
const digest = (key: string) => createHash('sha256').update(key).digest('base64url');
const accountAtAddress = (email: string, ip: string) => `${email}\u0000${ip}`;

export type SignInLimits = {
  /** Hard: attempts per account from one address in each window. */
  perAccountAndIp: number;
  /** Hard: attempts per address, whatever the account, in each window. */
  perIp: number;
  windowSeconds: number;
  /** Failures of one account, from any address, before the back-off starts. */
  freeFailuresPerAccount: number;
  /** The longest wait the back-off imposes between two attempts on one account. */
  backoffMaxSeconds: number;
};

/**
 * The wait between two attempts on an account that has `failures` failures: none for the
 * first few, then 1 s, 2 s, 4 s… up to the cap.
 */
export function signInBackoffSeconds(failures: number, limits: SignInLimits): number {
  const beyond = failures - limits.freeFailuresPerAccount;
  if (beyond < 0) return 0;
  return Math.min(2 ** Math.min(beyond, 30), limits.backoffMaxSeconds);
}

// Failures are remembered this long after the first; a success forgives them at once.
const FAILURE_MEMORY_SECONDS = 24 * 3600;
// An address the account signed in from is "known" this long, and skips the back-off.
const KNOWN_ADDRESS_SECONDS = 30 * 24 * 3600;

export type SignInLimiter = {
  /**
   * Called before the password is checked. Refuses (RATE_LIMITED) when the address, or the
   * account from this address, has used its window; or when the account is backing off and
   * the address is not one it signed in from before.
   */
  admit(email: string, ip: string | null): Promise<void>;
  failed(email: string): Promise<void>;
  /** A success forgives the account its failures and remembers the address as known. */
  succeeded(email: string, ip: string | null): Promise<void>;
};

export function createSignInLimiter(db: Db, limits: SignInLimits): SignInLimiter {
  const perAddress = createLimiter(db, 'sign-in:ip', limits.perIp, limits.windowSeconds);
  const perAccountAndAddress = createLimiter(db, 'sign-in:account-ip', limits.perAccountAndIp, limits.windowSeconds);
  const failures = store(db, 'sign-in:account-failures', Number.MAX_SAFE_INTEGER, FAILURE_MEMORY_SECONDS);
  // One point per back-off period: the first attempt after the wait takes it, the rest are refused.
  const gate = store(db, 'sign-in:account-gate', 1, 1);
  const knownAddresses = store(db, 'sign-in:known-ip', 1, KNOWN_ADDRESS_SECONDS);

  return {
    async admit(email, ip) {
      if (ip) {
        await perAddress.consume(ip);
        await perAccountAndAddress.consume(accountAtAddress(email, ip));
        if (await knownAddresses.get(digest(accountAtAddress(email, ip)))) return;
      }
      // Without an address nothing tells the owner from anyone else: only the back-off applies.
      const failed = (await failures.get(digest(email)))?.consumedPoints ?? 0;
      const wait = signInBackoffSeconds(failed, limits);
      if (wait === 0) return;
      try {
        await gate.consume(digest(email), 1, { customDuration: wait });
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        throw rateLimited('sign-in:account-backoff', error.msBeforeNext);
      }
    },
    async failed(email) {
      await failures.penalty(digest(email), 1);
    },
    async succeeded(email, ip) {
      await failures.delete(digest(email));
      await gate.delete(digest(email));
      if (ip) {
        // The address limit counts failures: an office of hundreds behind one NAT signs in
        // every morning, while guessing from one address still spends the window.
        await perAddress.refund(ip);
        await perAccountAndAddress.forgive(accountAtAddress(email, ip));
        await knownAddresses.set(digest(accountAtAddress(email, ip)), 1, KNOWN_ADDRESS_SECONDS);
      }
    },
  };
}

export const SIGN_IN_LIMITS: SignInLimits = {
  perAccountAndIp: env.SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_IP,
  perIp: env.SIGN_IN_ATTEMPTS_PER_IP,
  windowSeconds: env.SIGN_IN_WINDOW_MINUTES * 60,
  freeFailuresPerAccount: env.SIGN_IN_FREE_FAILURES_PER_ACCOUNT,
  backoffMaxSeconds: env.SIGN_IN_BACKOFF_MAX_SECONDS,
};

// Password reset requests. Hard limits per address and per (account, address); per account
// only a cooldown between emails, which never refuses the request (it answers "sent" alike).
export const PASSWORD_RESET_LIMITS = {
  perAccountAndIp: 5,
  perIp: 20,
  windowSeconds: 3600,
  emailCooldownSeconds: env.PASSWORD_RESET_EMAIL_COOLDOWN_SECONDS,
};

type Limiters = { signIn: SignInLimiter; signUp: Limiter; resetPerIp: Limiter; resetPerAccountAndIp: Limiter; resetEmailCooldown: Limiter };
const perDb = new WeakMap<Db, Limiters>();

function limitersFor(db: Db): Limiters {
  let limiters = perDb.get(db);
  if (!limiters) {
    const reset = PASSWORD_RESET_LIMITS;
    limiters = {
      signIn: createSignInLimiter(db, SIGN_IN_LIMITS),
      signUp: createLimiter(db, 'sign-up:ip', 20, 3600),
      resetPerIp: createLimiter(db, 'password-reset:ip', reset.perIp, reset.windowSeconds),
      resetPerAccountAndIp: createLimiter(db, 'password-reset:account-ip', reset.perAccountAndIp, reset.windowSeconds),
      resetEmailCooldown: createLimiter(db, 'password-reset:account-email', 1, reset.emailCooldownSeconds),
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

/**
 * Reset requests per address and per (account, address), so one client cannot flood the form.
 * Counted alike whether or not the account exists; the account alone is never refused.
 */
export const passwordResetLimiter = (db: Db) => ({
  consume: async (email: string, ip: string | null) => {
    if (!ip) return;
    await limitersFor(db).resetPerIp.consume(ip);
    await limitersFor(db).resetPerAccountAndIp.consume(accountAtAddress(email, ip));
  },
  /** At most one reset email per account per cooldown, so nobody can flood an inbox. */
  mayEmail: (email: string) => limitersFor(db).resetEmailCooldown.tryConsume(email),
});
