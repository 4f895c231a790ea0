'use server';

import { serveAction } from '@/lib/actions/serve';

export async function requestPasswordResetAction(input: unknown) {
  return serveAction('requestPasswordReset', input);
}
