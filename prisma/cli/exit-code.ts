import { constants } from 'node:os';

/**
 * The launcher's exit status once its child has ended: the child's own code; 0 when the child
 * ended on a signal the launcher forwarded (Ctrl-C, SIGTERM from a supervisor); otherwise
 * 128 + the signal's number, as a shell reports it (137 for SIGKILL), so the death of the app
 * counts as a failure.
 */
export function exitCodeFor(code: number | null, signal: NodeJS.Signals | null, forwarded: NodeJS.Signals | undefined): number {
  if (forwarded) {
    const forwardedStatus = 128 + constants.signals[forwarded];
    return signal || code === forwardedStatus ? 0 : (code ?? 0);
  }
  if (code !== null) return code;
  return signal ? 128 + constants.signals[signal] : 1;
}
