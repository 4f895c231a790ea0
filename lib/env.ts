import { z } from 'zod';

// The one place that reads process.env. Everything else imports `env`.

const ocdsUrlTemplate = z
  .string()
  .regex(/^https?:\/\/[^\s]+$/, 'an http(s) URL')
  .refine((url) => url.includes('{ocid}'), 'must contain {ocid}')
  .optional();

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Set by the launcher (embedded PostgreSQL) when the user did not set it. */
  DATABASE_URL: z.string().url(),
  /** Postgres pool size per app instance. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  /**
   * `npm start` only: how many server processes share the port (node:cluster), each a full
   * instance (its own pools and job workers; every state is in PostgreSQL). One Next process
   * uses about one core: set it to the cores the machine gives the app.
   */
  WEB_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(1),
  /**
   * Signs session tokens. The launcher reads (or creates) one kept in the database when it is
   * not set, so every instance on the same database agrees; set it yourself in production.
   */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  /**
   * Signs one-click unsubscribe links in notice emails (lib/notifications/unsubscribe.ts).
   * Unset: NEXTAUTH_SECRET (or the launcher's stored one) signs them; rotating it voids old links.
   */
  UNSUBSCRIBE_SECRET: z.string().min(32).optional(),
  /** Public base URL: links in emails and next-auth's callbacks. */
  NEXTAUTH_URL: z.string().url().default('http://localhost:3000'),
  /** smtp(s)://user:pass@host:port — without it emails stay in the local outbox (OutboxEmail). */
  SMTP_URL: z.string().url().optional(),
  EMAIL_FROM: z.string().min(3).default('Kakehashi <no-reply@kakehashi.example>'),
  /** A session ends after this long without a request… */
  SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(120),
  /** …and this long after sign-in, however active. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  /** Sign-in attempts allowed per account from one address in each window (a hard limit)… */
  SIGN_IN_ATTEMPTS_PER_ACCOUNT_AND_IP: z.coerce.number().int().min(1).max(1000).default(10),
  /** …and per IP address, whatever the account (higher: one office shares one address). */
  SIGN_IN_ATTEMPTS_PER_IP: z.coerce.number().int().min(1).max(10000).default(50),
  /**
   * Which proxies in front of the app may report the client's address and protocol
   * (X-Forwarded-For / -Proto): a hop count (1 = one load balancer) or comma-separated
   * addresses and CIDRs. Unset: none; the socket's peer is the client.
   */
  TRUSTED_PROXIES: z
    .string()
    .regex(/^\s*(\d+|[0-9a-z.:/\s]+(,[0-9a-z.:/\s]+)*)\s*$/i, 'a hop count or comma-separated addresses/CIDRs')
    .optional(),
  SIGN_IN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  /**
   * Failed sign-ins of one account, from any address, before it backs off: then one attempt
   * per 1 s, 2 s, 4 s… up to SIGN_IN_BACKOFF_MAX_SECONDS. Never a lockout: a success (or an
   * address the account signed in from before) is not held back.
   */
  SIGN_IN_FREE_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
  SIGN_IN_BACKOFF_MAX_SECONDS: z.coerce.number().int().min(1).max(3600).default(300),
  /** At most one password reset email per account in this many seconds (the answer is the same). */
  PASSWORD_RESET_EMAIL_COOLDOWN_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
  /**
   * Where Kakehashi reads a tender's published record in OCDS form (a release or record
   * package), with {ocid} where the record's OCID goes, e.g. a Prozorro OCDS API's
   * https://…/api/record.json?ocid={ocid}. Unset: no fetching; staff can still import packages.
   */
  PROZORRO_OCDS_URL: ocdsUrlTemplate,
  /** The same for DREAM; {ocid} receives the need's DREAM project id. */
  DREAM_OCDS_URL: ocdsUrlTemplate,
  /** Requests per minute to each of those endpoints, shared by every instance. */
  OCDS_FETCH_PER_MINUTE: z.coerce.number().int().min(1).max(600).default(30),
  /**
   * DeepL API key: free texts people write (needs, notes, messages) are machine-translated into
   * the other two languages, marked as such (lib/content/machine). Unset: no machine translation;
   * texts wait for their authors or facilitators to translate them.
   */
  DEEPL_API_KEY: z.string().min(1).optional(),
  /**
   * DeepL's address. Unset: the client picks api-free.deepl.com for keys ending in ":fx", else
   * api.deepl.com.
   */
  DEEPL_SERVER_URL: z.string().url().optional(),
});

export type Env = z.infer<typeof envSchema>;

function readEnv(): Env {
  // `next build` evaluates modules without a database; nothing reads the URL then.
  if (process.env.NEXT_PHASE === 'phase-production-build') {
    return envSchema.parse({ ...process.env, DATABASE_URL: 'postgresql://build.invalid/none' });
  }
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(
      `Invalid environment: ${problems.join('; ')}. Start the app with \`npm run dev\` (which provides ` +
        'an embedded PostgreSQL) or set the variables listed in README.md.',
    );
  }
  return parsed.data;
}

export const env = readEnv();
