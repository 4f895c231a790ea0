import { describe, expect, it } from 'vitest';
import { exitCodeFor } from '../../prisma/cli/exit-code';

// The launcher's status for a supervisor: the app's death is a failure, a shutdown the launcher
// was asked for is not. (It used to exit 0 whenever the app died by a signal.)

describe('launcher exit code', () => {
  it('is 128 + the signal when the app dies by a signal nobody asked for', () => {
    expect(exitCodeFor(null, 'SIGKILL', undefined)).toBe(137);
    expect(exitCodeFor(null, 'SIGSEGV', undefined)).toBe(139);
    expect(exitCodeFor(null, 'SIGTERM', undefined)).toBe(143);
  });

  it('is the app’s own code when it exits by itself', () => {
    expect(exitCodeFor(0, null, undefined)).toBe(0);
    expect(exitCodeFor(1, null, undefined)).toBe(1);
  });

  it('is 0 after a Ctrl-C or SIGTERM the launcher forwarded, however the app reports it', () => {
    expect(exitCodeFor(null, 'SIGINT', 'SIGINT')).toBe(0);
    expect(exitCodeFor(130, null, 'SIGINT')).toBe(0);
    expect(exitCodeFor(0, null, 'SIGTERM')).toBe(0);
    // …but a failure during that shutdown is still one.
    expect(exitCodeFor(1, null, 'SIGTERM')).toBe(1);
  });
});
