// One error type for every expected failure. Its code decides the HTTP status and which
// translated message the user sees; anything that is not an AppError is a bug, logged and
// shown generically.

export const ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  VALIDATION: 422,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  /**
   * The message catalogue key under which the interface explains this error: `errors.<reason>`
   * when the thrower named a more precise reason (details.reason), else `errors.<code>`.
   */
  get messageKey(): string {
    const reason = this.details?.reason;
    return typeof reason === 'string' ? `errors.${reason}` : `errors.${this.code}`;
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
