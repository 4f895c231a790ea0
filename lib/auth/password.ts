import { hash, verify } from '@node-rs/argon2';

// Passwords: argon2id with OWASP's second recommended setting (m = 19 MiB, t = 2, p = 1).
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rules';

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum the bundler cannot inline)
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const hashPassword = (password: string): Promise<string> => hash(password, OPTIONS);

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a crash
  }
}

// Verified against when the email is unknown, so that an unknown account costs the same time
// as a wrong password and the two cannot be told apart.
let decoyHash: Promise<string> | undefined;
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy password that no account has');
  await verifyPassword(await decoyHash, password);
  return false;
}
