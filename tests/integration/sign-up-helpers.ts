import { confirmSignUp } from '../../lib/accounts/confirm-sign-up';
import { signUpCompany, signUpMunicipality } from '../../lib/accounts/sign-up';
import { normaliseEmail } from '../../lib/auth/email-address';
import type { Db } from '../../lib/db';
import { uniqueSuffix } from '../factories/sequence';

// A sign-up as a person makes it: the form, then the link from the confirmation email.

const uniqueIp = () => `198.51.100.${uniqueSuffix()}`;

export const confirmationTokenIn = (text: string) => text.match(/\/sign-up\/confirm\/([A-Za-z0-9_-]{43})/)?.[1];

/** Submits the sign-up form and returns the token of the confirmation email it sent. */
export async function pendingSignUpToken(db: Db, input: { email: string; company?: unknown; hromadaCode?: string }): Promise<string> {
  await (input.company ? signUpCompany : signUpMunicipality)(db, null, input, { ip: uniqueIp() });
  const email = await db.outboxEmail.findFirstOrThrow({
    where: { toAddress: normaliseEmail(input.email), kind: 'sign-up-confirmation'},
    orderBy: { createdAt: 'desc' },
  });
  const token = confirmationTokenIn(email.text);
  if (!token) throw new Error(`No confirmation link in: ${email.text}`);
  return token;
}

/** Signs up and confirms; returns what the confirmation created. */
export async function signUpConfirmed(db: Db, input: { email: string; company?: unknown; hromadaCode?: string }) {
  const token = await pendingSignUpToken(db, input);
  return confirmSignUp(db, null, { token }, { ip: uniqueIp() });
}
