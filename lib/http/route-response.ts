import { toActionError } from '../actions/run';
import { AppError, isAppError } from '../errors';
import { logError } from '../logging/log';
import { isCleanText, type FieldErrors } from '../validation';

// Route handlers answer errors the way server actions do: a code, a status and a message key.

export function errorResponse(error: unknown): Response {
  const appError = isAppError(error) ? error : new AppError('INTERNAL');
  if (!isAppError(error)) logError('route', error);
  const body = toActionError(appError);
  return Response.json({ error: body }, { status: body.status, headers: { 'Cache-Control': 'no-store' } });
}

/**
 * A query string that does not decode to clean text (NUL, control characters, broken
 * percent-encoding, which URLSearchParams turns into U+FFFD) is a bad request: 400, before the
 * handler reads it. The same text rule as every server action input (lib/validation.ts).
 */
export function unreadableQueryResponse(searchParams: URLSearchParams): Response | null {
  const fieldErrors: FieldErrors = {};
  for (const [name, value] of searchParams) {
    if (!isCleanText(name)) fieldErrors._form = 'validation.invalidCharacters';
    else if (!isCleanText(value)) fieldErrors[name] = 'validation.invalidCharacters';
  }
  if (Object.keys(fieldErrors).length === 0) return null;
  return Response.json(
    { error: { code: 'VALIDATION', status: 400, messageKey: 'errors.invalidCharacters', fieldErrors } },
    { status: 400, headers: { 'Cache-Control': 'no-store' } },
  );
}
