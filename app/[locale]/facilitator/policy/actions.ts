'use server';

import { serveAction } from '@/lib/actions/serve';

// The policy editor: saving writes the next version; previewing ranks one need under the
// weights being edited and writes nothing. Both are for facilitators and admins only.
export async function updateMatchingPolicyAction(input: unknown) {
  return serveAction('updateMatchingPolicy', input);
}

export async function previewMatchingPolicyAction(input: unknown) {
  return serveAction('previewMatchingPolicy', input);
}
