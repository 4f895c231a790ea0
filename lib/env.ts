import { z } from 'zod';

// The one place that reads process.env. Everything else imports `env`.

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  /** Set by the launcher (embedded PostgreSQL) when the user did not set it. */
  DATABASE_URL: z.string().url(),
  /** Postgres pool size per app instance. */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
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
