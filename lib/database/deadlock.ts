// PostgreSQL breaks a deadlock by failing one of its transactions (SQLSTATE 40P01); the other goes
// on. Work whose transaction is idempotent (a re-rank) may simply run again.

type MaybePgError = { code?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };

/** Whether `error` is PostgreSQL's deadlock_detected, as pg reports it or through Prisma's driver adapter. */
export function isDeadlock(error: unknown): boolean {
  const failure = error as MaybePgError | null;
  return failure?.code === '40P01' || failure?.meta?.driverAdapterError?.cause?.originalCode === '40P01';
}

/**
 * Runs `work` again, up to `tries` times in all, while it fails because PostgreSQL broke a deadlock
 * (or with an error `alsoWhen` accepts: the caller's own "run me again").
 */
export async function retryOnDeadlock<T>(
  work: (attempt: number) => Promise<T>, { tries = 3, alsoWhen = () => false }: { tries?: number; alsoWhen?: (error: unknown) => boolean } = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work(attempt);
    } catch (error) {
      if (attempt >= tries || !(isDeadlock(error) || alsoWhen(error))) throw error;
    }
  }
}
