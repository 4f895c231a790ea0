'use server';

import { serveAction } from '@/lib/actions/serve';

export async function previewHostilityListAction(input: unknown) {
  return serveAction('previewHostilityList', input);
}

export async function applyHostilityListAction(input: unknown) {
  return serveAction('applyHostilityList', input);
}
