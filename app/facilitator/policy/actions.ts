'use server';

import { serveAction } from '@/lib/actions/serve';

// The policy editor's form arrives with the facilitator journey (issue 5); the operation and
// its access rules are in place and tested.
export async function updateMatchingPolicyAction(input: unknown) {
  return serveAction('updateMatchingPolicy', input);
}
