import pino, { type DestinationStream, type Logger } from 'pino';
import { createCauseLimiter, type CauseLimiter } from './cause-limiter';

// The server's log: one JSON line per entry (pino), errors at most once a minute per cause.
// The first time a cause is seen its stack is kept; its repeats are only counted.

const ONE_MINUTE = 60_000;

export type ErrorLog = (scope: string, error: unknown, context?: Record<string, unknown>) => void;

/** What makes two errors "the same": where, which code, and the first line of the message. */
export function causeOf(scope: string, error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  const message = error instanceof Error ? error.message : String(error);
  return `${scope}|${typeof code === 'string' || typeof code === 'number' ? code : ''}|${message.split('\n')[0].slice(0, 200)}`;
}

export function createErrorLog(logger: Logger, limiter: CauseLimiter = createCauseLimiter({ windowMs: ONE_MINUTE })): ErrorLog {
  return (scope, error, context = {}) => {
    const admission = limiter.admit(causeOf(scope, error));
    if (!admission.log) return;
    const err = error instanceof Error ? error : new Error(String(error));
    logger.error(
      {
        scope,
        ...context,
        // The stack once per cause; afterwards the message says enough.
        err: admission.first ? err : { type: err.name, message: err.message, code: (err as { code?: unknown }).code },
        ...(admission.suppressed > 0 ? { suppressedSinceLast: admission.suppressed } : {}),
      },
      `${scope}: ${err.message.split('\n')[0]}`,
    );
  };
}

export function createLogger(destination?: DestinationStream): Logger {
  return pino({ base: { app: 'kakehashi' }, level: 'info' }, destination);
}

const globalForLog = globalThis as unknown as { kakehashiLog?: { logger: Logger; logError: ErrorLog } };
// On globalThis: every route bundle shares one limiter, so a cause is counted once per process.
const shared = (globalForLog.kakehashiLog ??= (() => {
  const logger = createLogger();
  return { logger, logError: createErrorLog(logger) };
})());

export const logger = shared.logger;
/** Logs an unexpected error, once a minute per cause. */
export const logError = shared.logError;
