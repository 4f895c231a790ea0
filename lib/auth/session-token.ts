import { randomUUID } from 'node:crypto';
import hkdf from '@panva/hkdf';
import { EncryptJWT, jwtDecrypt } from 'jose';
import type { JWT, JWTDecodeParams, JWTEncodeParams } from 'next-auth/jwt';

// next-auth's own session token format (next-auth/jwt encode/decode: a JWE, "dir" + A256GCM, under
// a key derived from NEXTAUTH_SECRET by HKDF), with one difference: next-auth derives the key
// again for every token it reads, which cost ≈ 0.6 ms of CPU on every signed-in request
// (docs/benchmarks/pages.md, sessions 6–8). The key depends on the secret alone, so it is derived
// once per process and secret. It is configuration, not state: every instance derives the same
// key from the same secret. Tokens are byte-for-byte what next-auth writes and reads
// (tests/unit/session-token.test.ts), so cookies issued before this change stay valid.

const DEFAULT_MAX_AGE = 30 * 24 * 60 * 60;
const derivedKeys = new Map<string, Promise<Uint8Array>>();

function encryptionKey(secret: JWTDecodeParams['secret'], salt = ''): Promise<Uint8Array> {
  const id = `${typeof secret === 'string' ? secret : Buffer.from(secret).toString('base64')}\u0000${salt}`;
  let key = derivedKeys.get(id);
  if (!key) {
    key = hkdf('sha256', secret, salt, `NextAuth.js Generated Encryption Key${salt ? ` (${salt})` : ''}`, 32);
    derivedKeys.set(id, key);
  }
  return key;
}

/** next-auth's `jwt.encode`, with the key derived once. */
export async function encodeSessionToken({ token = {}, secret, maxAge = DEFAULT_MAX_AGE, salt = '' }: JWTEncodeParams): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new EncryptJWT(token)
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM' })
    .setIssuedAt()
    .setExpirationTime(now + maxAge)
    .setJti(randomUUID())
    .encrypt(await encryptionKey(secret, salt));
}

/** next-auth's `jwt.decode`, with the key derived once; throws for a token it cannot read, as next-auth's does. */
export async function decodeSessionToken({ token, secret, salt = '' }: JWTDecodeParams): Promise<JWT | null> {
  if (!token) return null;
  const { payload } = await jwtDecrypt(token, await encryptionKey(secret, salt), { clockTolerance: 15 });
  return payload as JWT;
}
