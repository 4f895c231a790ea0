'use server';

import { serveAction } from '@/lib/actions/serve';

export async function importTenderEvidenceAction(input: unknown) {
  return serveAction('importTenderEvidence', input);
}
