'use server';

import { serveAction } from '@/lib/actions/serve';

// The company journey's forms (issue 5) call these; each is checked in lib for the caller's
// own company.
export async function updateCompanyProfileAction(input: unknown) {
  return serveAction('updateCompanyProfile', input);
}

export async function registerInterestAction(input: unknown) {
  return serveAction('registerInterest', input);
}

export async function withdrawInterestAction(input: unknown) {
  return serveAction('withdrawInterest', input);
}
