'use server';

import { serveAction } from '@/lib/actions/serve';

// The match card's decisions; lib checks the caller is a facilitator or an admin and that the
// match did not change since the card was shown.
export async function decideOnMatchAction(input: unknown) {
  return serveAction('decideOnMatch', input);
}
