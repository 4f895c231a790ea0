/** Only same-site paths: a callback URL must not send someone to another site after sign-in. */
export function safeReturnPath(value: unknown, fallback = '/account'): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.startsWith('/\\') ? value : fallback;
}
