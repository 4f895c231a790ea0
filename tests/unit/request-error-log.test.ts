import { beforeEach, describe, expect, it, vi } from 'vitest';

// A render error on a password reset or sign-up confirmation page must not write the live token
// of its link into the log: whoever reads the log could use it.

const logged = vi.hoisted(() => [] as { scope: string; context: Record<string, unknown> | undefined }[]);
vi.mock('../../lib/logging/log', () => ({
  logError: (scope: string, _error: unknown, context?: Record<string, unknown>) => logged.push({ scope, context }),
}));
// lib/env reads a DATABASE_URL a unit test does not have; the redaction does not read env.
vi.mock('../../lib/env', () => ({ env: { NODE_ENV: 'test' } }));

const { onRequestError } = await import('../../instrumentation');

const TOKEN = 'Yq3kP0sX9vB2nLr7cWmA1dE5fGhJ8tUo';
const fail = (path: string, routePath: string) =>
  onRequestError(
    new Error('render failed'),
    { path, method: 'GET', headers: {} },
    { routerKind: 'App Router', routePath, routeType: 'render', renderSource: 'react-server-components', revalidateReason: undefined },
  );

describe('onRequestError', () => {
  beforeEach(() => {
    logged.length = 0;
    vi.stubEnv('NEXT_RUNTIME', 'nodejs');
  });

  it('logs the route pattern and the path without the one-time token', async () => {
    await fail(`/uk/reset-password/${TOKEN}?next=%2Fen`, '/[locale]/reset-password/[token]');
    await fail(`/sign-up/confirm/${TOKEN}`, '/[locale]/sign-up/confirm/[token]');
    expect(logged).toEqual([
      { scope: 'render /[locale]/reset-password/[token]', context: { method: 'GET', path: '/uk/reset-password/[one-time link removed]' } },
      { scope: 'render /[locale]/sign-up/confirm/[token]', context: { method: 'GET', path: '/sign-up/confirm/[one-time link removed]' } },
    ]);
    expect(JSON.stringify(logged)).not.toContain(TOKEN);
  });

  it('keeps other paths as they are, without the query', async () => {
    await fail('/en/needs/4b1d/matches?page=2', '/[locale]/needs/[id]/matches');
    expect(logged[0].context).toEqual({ method: 'GET', path: '/en/needs/4b1d/matches' });
  });
});
