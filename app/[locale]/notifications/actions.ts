'use server';

import { serveAction } from '@/lib/actions/serve';

// The notification centre's forms: each operation touches the caller's own rows only.
export async function markNoticeReadAction(input: unknown) {
  return serveAction('markNoticeRead', input);
}

export async function markAllNoticesReadAction(input: unknown) {
  return serveAction('markAllNoticesRead', input);
}

export async function setNoticePreferencesAction(input: unknown) {
  return serveAction('setNoticePreferences', input);
}

export async function followNeedAction(input: unknown) {
  return serveAction('followNeed', input);
}
