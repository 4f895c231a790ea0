import type en from './messages/en.json';

// Client components translate in the browser, so the messages they read travel with every page:
// serialised once into the RSC payload and once into the HTML. The whole catalogue is 66 KB
// (en) to 100 KB (uk) and React spent much of each page's server time writing it out, so the
// layout hands the browser only what the components on every page read, and a page that renders
// a client form wraps it in ClientMessages (components/i18n/client-messages.tsx) with the namespaces that
// form reads. tests/unit/client-messages.test.ts reads every client
// component's useTranslations calls and fails when a namespace it reads is not handed to it.

export type Namespace = keyof typeof en;

/**
 * Read by client components that can be on any page: the header's language switcher and
 * sign-out button (locales, nav), the toaster (common), the error page (unavailable) and the
 * marker beside any text someone wrote (content).
 */
export const LAYOUT_NAMESPACES = ['common', 'locales', 'nav', 'unavailable', 'content'] as const satisfies readonly Namespace[];

/**
 * Forms show validation and server errors by catalogue key (components/forms/text-field.tsx
 * translateKey), any key of these two namespaces: every form needs them.
 */
export const FORM_NAMESPACES = ['errors', 'validation'] as const satisfies readonly Namespace[];

/** The catalogue's sections named, and nothing else. */
export function pickMessages<M extends Record<string, unknown>>(messages: M, namespaces: readonly string[]): Partial<M> {
  const picked: Partial<M> = {};
  for (const name of namespaces) {
    if (name in messages) picked[name as keyof M] = messages[name as keyof M];
  }
  return picked;
}
