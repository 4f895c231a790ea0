'use server';

import { serveAction } from '@/lib/actions/serve';

export async function changePasswordAction(input: unknown) {
  return serveAction('changePassword', input);
}

export async function setEmailLanguageAction(input: unknown) {
  return serveAction('setEmailLanguage', input);
}

export async function resubmitForVerificationAction(input: unknown) {
  return serveAction('resubmitForVerification', input);
}
