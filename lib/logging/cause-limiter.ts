// One log entry per cause per window. During a database outage every request fails the same
// way; logging each (with its stack) buried the server's output under 46,000 lines in three
// minutes. This counts the repeats and reports how many were left out with the next entry.
//
// The counts live in this process on purpose: they only shape this process's own output.

export type Admission = { log: true; suppressed: number; first: boolean } | { log: false };

export type CauseLimiter = { admit(cause: string): Admission };

export function createCauseLimiter(options: { windowMs: number; maxCauses?: number; now?: () => number }): CauseLimiter {
  const { windowMs, maxCauses = 500, now = Date.now } = options;
  const causes = new Map<string, { loggedAt: number; suppressed: number }>();
  return {
    admit(cause) {
      const at = now();
      const seen = causes.get(cause);
      if (seen && at - seen.loggedAt < windowMs) {
        seen.suppressed += 1;
        return { log: false };
      }
      const suppressed = seen?.suppressed ?? 0;
      causes.delete(cause);
      // A Map iterates in insertion order: the first key is the cause logged longest ago.
      if (causes.size >= maxCauses) causes.delete(causes.keys().next().value!);
      causes.set(cause, { loggedAt: at, suppressed: 0 });
      return { log: true, suppressed, first: !seen };
    },
  };
}
