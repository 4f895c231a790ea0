import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// A process that loads the embedded PostgreSQL launcher keeps its own exit code. (The library
// it wraps used to turn every natural exit into 0, so failing integration tests passed CI.)

describe('exit code', () => {
  it('survives loading the embedded PostgreSQL launcher', () => {
    const script = `await import(${JSON.stringify(path.resolve('lib/database/embedded-postgres.ts'))}); process.exitCode = 3;`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(child.stderr).not.toMatch(/Error/);
    expect(child.status).toBe(3);
  });
});
