import { decode as nextAuthDecode, encode as nextAuthEncode } from 'next-auth/jwt';
import { describe, expect, it, vi } from 'vitest';

// lib/auth/session-token.ts: next-auth's session token format with the key derived once per
// secret. Cookies next-auth wrote must still be read and ours must be readable by next-auth
// (sessions survive the deploy in both directions); a token under another secret, or altered,
// is refused as next-auth refuses it.

const derivations = vi.hoisted(() => ({ count: 0 }));
vi.mock('@panva/hkdf', async (importOriginal) => {
  const real = (await importOriginal<typeof import('@panva/hkdf')>()).default;
  return {
    default: (...args: Parameters<typeof real>) => {
      derivations.count += 1;
      return real(...args);
    },
  };
});
const { decodeSessionToken, encodeSessionToken } = await import('../../lib/auth/session-token');

const SECRET = 'a session secret of the kind the launcher generates, 32+ characters';
const CLAIMS = { sub: '5b0c3f3e-8d6c-4a59-9d1e-0f4d2b0c9a11', sid: '1f0e9c7a-3b2d-4c5e-8f6a-7b8c9d0e1f2a', sv: 3, authTime: 1_764_000_000 };

describe('session tokens', () => {
  it('reads what next-auth wrote, and next-auth reads what it writes', async () => {
    const fromNextAuth = await nextAuthEncode({ token: CLAIMS, secret: SECRET, maxAge: 3600 });
    expect(await decodeSessionToken({ token: fromNextAuth, secret: SECRET })).toMatchObject(CLAIMS);
    const ours = await encodeSessionToken({ token: CLAIMS, secret: SECRET, maxAge: 3600 });
    const read = await nextAuthDecode({ token: ours, secret: SECRET });
    expect(read).toMatchObject(CLAIMS);
    expect(read?.exp).toBe((read?.iat as number) + 3600);
    expect(typeof read?.jti).toBe('string');
  });

  it('refuses a token under another secret, an altered one, and reads no token as none', async () => {
    const other = await nextAuthEncode({ token: CLAIMS, secret: `${SECRET} (another)` });
    await expect(decodeSessionToken({ token: other, secret: SECRET })).rejects.toThrow();
    const token = await encodeSessionToken({ token: CLAIMS, secret: SECRET });
    const altered = token.slice(0, -6) + (token.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
    await expect(decodeSessionToken({ token: altered, secret: SECRET })).rejects.toThrow();
    expect(await decodeSessionToken({ token: undefined, secret: SECRET })).toBeNull();
  });

  it('derives the key once per secret, not once per token', async () => {
    const secret = `${SECRET} for counting`;
    const token = await encodeSessionToken({ token: CLAIMS, secret });
    const before = derivations.count;
    for (let i = 0; i < 5; i++) await decodeSessionToken({ token, secret });
    await encodeSessionToken({ token: CLAIMS, secret });
    expect(derivations.count - before).toBe(0);
  });
});
