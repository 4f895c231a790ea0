import { describe, expect, it } from 'vitest';
import { REACHABLE_FOR_MS, rememberReachable } from '../../lib/http/database-outage';

// The proxy asked PostgreSQL "are you there?" before every page load. A yes now vouches for a
// second; a no is never remembered, so pages come back as soon as the database does.

function counted(answers: boolean[]) {
  const asked = { times: 0 };
  const ask = async () => answers[asked.times++] ?? answers.at(-1)!;
  return { asked, ask };
}

describe('remembering that the database answered', () => {
  it('asks once while a yes is fresh, and again after a second', async () => {
    let clock = 1_000;
    const { asked, ask } = counted([true]);
    const reachable = rememberReachable(ask, () => clock);
    expect(await reachable()).toBe(true);
    clock += REACHABLE_FOR_MS - 1;
    expect(await reachable()).toBe(true);
    expect(asked.times).toBe(1);
    clock += 1;
    expect(await reachable()).toBe(true);
    expect(asked.times).toBe(2);
  });

  it('never remembers a no: every page load asks again while the database is down', async () => {
    let clock = 1_000;
    const { asked, ask } = counted([false, false, true]);
    const reachable = rememberReachable(ask, () => clock);
    expect(await reachable()).toBe(false);
    expect(await reachable()).toBe(false);
    clock += 1;
    expect(await reachable()).toBe(true);
    expect(asked.times).toBe(3);
  });

  it('stops vouching a second after the last yes, so an outage is seen within a second', async () => {
    let clock = 1_000;
    const { ask } = counted([true, false]);
    const reachable = rememberReachable(ask, () => clock);
    expect(await reachable()).toBe(true);
    clock += REACHABLE_FOR_MS;
    expect(await reachable()).toBe(false);
  });
});

describe('many page loads at once', () => {
  // Under load (50 connections) each page load past the second asked for itself: 50 pings queued
  // on the pinger's one connection, the later ones passed its one-second timeout, and visitors
  // got the outage page (503) from a database that was answering.
  it('share the one question in flight, yes or no', async () => {
    for (const answer of [true, false]) {
      let release!: (value: boolean) => void;
      let asked = 0;
      const reachable = rememberReachable(() => { asked += 1; return new Promise<boolean>((resolve) => (release = resolve)); }, () => 1_000);
      const answers = Array.from({ length: 50 }, () => reachable());
      release(answer);
      expect(await Promise.all(answers)).toEqual(Array(50).fill(answer));
      expect(asked).toBe(1);
    }
  });

  it('ask again after a no once the question in flight is answered', async () => {
    const { asked, ask } = counted([false, true]);
    const reachable = rememberReachable(ask, () => 1_000);
    expect(await reachable()).toBe(false);
    expect(await reachable()).toBe(true);
    expect(asked.times).toBe(2);
  });
});
