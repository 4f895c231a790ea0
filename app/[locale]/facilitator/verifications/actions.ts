'use server';

import { serveAction } from '@/lib/actions/serve';

export async function verifyOrganisationAction(input: unknown) {
  return serveAction('verifyOrganisation', input);
}
