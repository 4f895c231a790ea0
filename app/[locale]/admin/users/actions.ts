'use server';

import { serveAction } from '@/lib/actions/serve';

export async function createStaffUserAction(input: unknown) {
  return serveAction('createStaffUser', input);
}

export async function setUserDisabledAction(input: unknown) {
  return serveAction('setUserDisabled', input);
}
