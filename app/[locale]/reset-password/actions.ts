'use server';

import { serveAction } from '@/lib/actions/serve';

export async function resetPasswordAction(input: unknown) {
  return serveAction('resetPassword', input);
}
