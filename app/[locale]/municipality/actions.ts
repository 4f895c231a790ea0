'use server';

import { serveAction } from '@/lib/actions/serve';

// The municipality journey's forms (issue 5) call these; each is checked in lib for the
// caller's own hromada.
export async function createNeedAction(input: unknown) {
  return serveAction('createNeed', input);
}

export async function updateNeedAction(input: unknown) {
  return serveAction('updateNeed', input);
}

export async function publishNeedAction(input: unknown) {
  return serveAction('publishNeed', input);
}

export async function closeNeedAction(input: unknown) {
  return serveAction('closeNeed', input);
}

export async function reopenNeedAction(input: unknown) {
  return serveAction('reopenNeed', input);
}

export async function inviteCompanyAction(input: unknown) {
  return serveAction('inviteCompany', input);
}

export async function withdrawInvitationAction(input: unknown) {
  return serveAction('withdrawInvitation', input);
}

export async function answerInterestAction(input: unknown) {
  return serveAction('answerInterest', input);
}
