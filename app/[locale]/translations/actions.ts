'use server';

import { serveAction } from '@/lib/actions/serve';

// Adding or correcting a translation (the need page's editor, the facilitator queue); lib
// checks that the caller wrote the text or is a facilitator.
export async function saveTranslationAction(input: unknown) {
  return serveAction('saveTranslation', input);
}
