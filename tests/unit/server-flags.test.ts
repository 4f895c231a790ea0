import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { COMPILED_SERVER_NAME, SERVER_NODE_FLAGS } from '../../lib/http/compile-server.mjs';

// `npm start` (package.json) and the e2e server and pages benchmark (SERVER_NODE_FLAGS) must run
// the same server the same way, or what is measured and tested is not what production runs.

const scripts = (JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }).scripts;

describe('how the production server is started', () => {
  it('npm start runs the compiled server with SERVER_NODE_FLAGS', () => {
    expect(scripts.start).toContain(`node ${SERVER_NODE_FLAGS.join(' ')} .next/${COMPILED_SERVER_NAME} start`);
  });

  it('npm start compiles nothing: the build did (next.config.js), so the build folder may be read-only', () => {
    expect(scripts.start).not.toMatch(/compile-server|esbuild/);
  });
});
