import type { Actor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import type { Db } from '../db';
import { AppError, ERROR_STATUS, isAppError, type ErrorCode } from '../errors';
import { logError } from '../logging/log';
import type { FieldErrors } from '../validation';

// What every server action returns to the browser: data, or an error the form can show (a
// translated message key, and per-field keys for validation). Never a stack trace.

export type ActionError = { code: ErrorCode; status: number; messageKey: string; fieldErrors?: FieldErrors; retryAfterSeconds?: number };
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export type ActionContext = { ip: string | null };
export type LibAction<T = unknown> = (db: Db, actor: Actor | null, input: unknown, context: ActionContext) => Promise<T>;

export async function runAction<T>(
  db: Db,
  name: string,
  action: LibAction<T>,
  actor: Actor | null,
  input: unknown,
  context: ActionContext,
): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await action(db, actor, input, context) };
  } catch (caught) {
    const error = isAppError(caught) ? caught : unexpected(name, caught);
    if (error.code === 'UNAUTHENTICATED' || error.code === 'FORBIDDEN') {
      // Outside the failed operation's transaction (which rolled back): the refusal is kept.
      await recordAudit(db, actor, {
        action: 'access.denied',
        entityType: 'Action',
        entityId: name,
        after: { code: error.code, reason: typeof error.details?.reason === 'string' ? error.details.reason : null },
        ip: context.ip,
      }).catch((auditError: unknown) => logError('audit', auditError));
    }
    return { ok: false, error: toActionError(error) };
  }
}

export function toActionError(error: AppError): ActionError {
  const details = error.details ?? {};
  return {
    code: error.code,
    status: ERROR_STATUS[error.code],
    messageKey: error.messageKey,
    ...(details.fieldErrors ? { fieldErrors: details.fieldErrors as FieldErrors } : {}),
    ...(typeof details.retryAfterSeconds === 'number' ? { retryAfterSeconds: details.retryAfterSeconds } : {}),
  };
}

function unexpected(name: string, error: unknown): AppError {
  // A unique index caught what the pre-check could not (two submits at the same moment).
  if ((error as { code?: unknown })?.code === 'P2002') return new AppError('CONFLICT', 'Already exists');
  logError(`action ${name}`, error);
  return new AppError('INTERNAL');
}
