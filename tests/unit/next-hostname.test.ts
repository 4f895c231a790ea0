import { describe, expect, it } from 'vitest';
import { nextHostnameFor } from '../../lib/http/next-hostname';

// Next proxies a rewrite to itself over HTTP unless the hostname it is given is the one the
// proxy's request URL names: any loopback address reads as `localhost` there.
describe('the hostname Next is given', () => {
  it.each([undefined, '127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost'])('is localhost for a loopback address (%s)', (listen) => {
    expect(nextHostnameFor(listen)).toBe('localhost');
  });

  it.each(['0.0.0.0', '10.0.0.5', 'app.internal'])('is the address itself otherwise (%s)', (listen) => {
    expect(nextHostnameFor(listen)).toBe(listen);
  });
});
