import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

/** A page's generateMetadata whose title is `<namespace>.title` in the page's language. */
export function titled(namespace: string, extra: Metadata = {}) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations(namespace);
    return { ...extra, title: t('title') };
  };
}
