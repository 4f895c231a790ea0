import { NextIntlClientProvider } from 'next-intl';
import { getMessages } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LAYOUT_NAMESPACES, pickMessages, type Namespace } from '@/lib/i18n/client-messages';

/**
 * Hands the client components inside it these catalogue sections on top of the layout's (a
 * nested provider replaces its parent's messages, so the layout's are repeated; they are small).
 * Why the browser does not get the whole catalogue: lib/i18n/client-messages.ts.
 */
export async function ClientMessages({ namespaces, children }: { namespaces: readonly Namespace[]; children: ReactNode }) {
  const messages = await getMessages();
  return <NextIntlClientProvider messages={pickMessages(messages, [...LAYOUT_NAMESPACES, ...namespaces])}>{children}</NextIntlClientProvider>;
}
