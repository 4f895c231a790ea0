import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';

// prisma/cli/with-database.ts under a supervisor: the app's death is a failure (so the app
// is restarted), a shutdown the launcher was asked for is not, and a port it cannot use is
// explained rather than printed as `undefined`.

type Outcome = { code: number | null; output: string };

function launch(command: string[], env: Record<string, string>, onOutput?: (text: string, child: ReturnType<typeof spawn>) => void): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'prisma/cli/with-database.ts', ...command], {
      env: { ...process.env, SEED_DEMO_DATA: 'false', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const collect = (chunk: Buffer) => {
      output += chunk.toString();
      onOutput?.(output, child);
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

const node = (script: string) => [process.execPath, '-e', script];

describe('the launcher', () => {
  it('exits non-zero (128 + 9) when the app is killed', async () => {
    const { code, output } = await launch(node(`process.kill(process.pid, 'SIGKILL')`), { DATABASE_URL: inject('databaseUrl') });
    expect(output).toMatch(/Database ready/);
    expect(code).toBe(137);
  });

  it('passes on the app’s own exit code', async () => {
    const { code } = await launch(node('process.exit(0)'), { DATABASE_URL: inject('databaseUrl') });
    expect(code).toBe(0);
  });

  it('exits 0 after a SIGTERM it forwarded to the app', async () => {
    let sent = false;
    const { code } = await launch(node(`console.log('app up'); setInterval(() => {}, 1000)`), { DATABASE_URL: inject('databaseUrl') }, (output, child) => {
      if (!sent && output.includes('app up')) {
        sent = true;
        child.kill('SIGTERM');
      }
    });
    expect(sent).toBe(true);
    expect(code).toBe(0);
  });

  it('explains a taken EMBEDDED_PG_PORT instead of printing undefined', async () => {
    const blocker = createServer();
    const port = await new Promise<number>((resolve) => blocker.listen(0, '127.0.0.1', () => resolve((blocker.address() as { port: number }).port)));
    const dataDir = mkdtempSync(path.join(tmpdir(), 'kakehashi-launcher-'));
    try {
      const { code, output } = await launch(node('process.exit(0)'), { DATABASE_URL: '', EMBEDDED_PG_PORT: String(port), EMBEDDED_PG_DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(output).toContain(`Port ${port} (EMBEDDED_PG_PORT) is taken`);
      expect(output).not.toMatch(/^undefined$/m);
    } finally {
      blocker.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
