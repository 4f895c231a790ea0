import { headers } from 'next/headers';
import { getActor } from '../auth/current-actor';
import { db } from '../db';
import { clientIp } from '../security/client-ip';
import { ACTIONS, type ActionData, type ActionName } from './registry';
import { runAction, type ActionResult, type LibAction } from './run';

/** What every server action under app/ does: find who is acting, then run the registered operation. */
export async function serveAction<N extends ActionName>(name: N, input: unknown): Promise<ActionResult<ActionData<N>>> {
  const [actor, requestHeaders] = await Promise.all([getActor(), headers()]);
  const action = ACTIONS[name].run as LibAction<ActionData<N>>;
  return runAction(db, name, action, actor, input, { ip: clientIp(requestHeaders) });
}
