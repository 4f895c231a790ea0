import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createCauseLimiter } from '../../lib/logging/cause-limiter';
import { createErrorLog, createLogger } from '../../lib/logging/log';

// During an outage every request fails the same way: the log keeps one entry per cause per
// minute (the first with its stack) and says how many it left out.

function capture() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  let clock = 0;
  const log = createErrorLog(createLogger(stream), createCauseLimiter({ windowMs: 60_000, now: () => clock }));
  return { lines, log, advance: (ms: number) => (clock += ms) };
}

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });

describe('error log', () => {
  it('logs the same cause once a minute, then with the number left out', async () => {
    const { lines, log, advance } = capture();
    for (let i = 0; i < 1000; i++) log('action needs.publish', refused());
    advance(30_000);
    for (let i = 0; i < 500; i++) log('action needs.publish', refused());
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 50, scope: 'action needs.publish', err: { message: 'connect ECONNREFUSED 127.0.0.1:5432' } });
    expect((lines[0].err as { stack?: string }).stack).toContain('ECONNREFUSED');

    advance(30_000);
    log('action needs.publish', refused());
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatchObject({ suppressedSinceLast: 1499 });
    // The stack was given once already.
    expect((lines[1].err as { stack?: string }).stack ?? '').not.toContain('ECONNREFUSED');
  });

  it('logs different causes separately', async () => {
    const { lines, log } = capture();
    log('action needs.publish', refused());
    log('health', refused());
    log('action needs.publish', new Error('Need not found'));
    log('action needs.publish', Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map((line) => line.msg)).toEqual([
      'action needs.publish: connect ECONNREFUSED 127.0.0.1:5432',
      'health: connect ECONNREFUSED 127.0.0.1:5432',
      'action needs.publish: Need not found',
      'action needs.publish: timeout',
    ]);
  });

  it('forgets the oldest cause rather than growing without bound', () => {
    const limiter = createCauseLimiter({ windowMs: 60_000, maxCauses: 2, now: () => 0 });
    expect(limiter.admit('a')).toMatchObject({ log: true });
    expect(limiter.admit('b')).toMatchObject({ log: true });
    expect(limiter.admit('c')).toMatchObject({ log: true });
    expect(limiter.admit('a')).toMatchObject({ log: true });
    expect(limiter.admit('c')).toEqual({ log: false });
  });
});
