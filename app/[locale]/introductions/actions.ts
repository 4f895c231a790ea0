'use server';

import { serveAction } from '@/lib/actions/serve';

export async function recordPipelineStepAction(input: unknown) {
  return serveAction('recordPipelineStep', input);
}

export async function postIntroductionMessageAction(input: unknown) {
  return serveAction('postIntroductionMessage', input);
}
