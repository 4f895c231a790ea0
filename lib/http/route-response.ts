import { toActionError } from '../actions/run';
import { AppError, isAppError } from '../errors';
import { logError } from '../logging/log';

// Route handlers answer errors the way server actions do: a code, a status and a message key.

export function errorResponse(error: unknown): Response {
  const appError = isAppError(error) ? error : new AppError('INTERNAL');
  if (!isAppError(error)) logError('route', error);
  const body = toActionError(appError);
  return Response.json({ error: body }, { status: body.status, headers: { 'Cache-Control': 'no-store' } });
}
