import type { Metadata } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getMessages, getTranslations } from 'next-intl/server';
import { SiteHeader } from '@/components/layout/site-header';
import { Toaster } from '@/components/ui/toaster';
import { getActor } from '@/lib/auth/current-actor';
import { enterLocaleSegment } from '@/lib/cache/cached-variant';
import { languageOfSegment } from '@/lib/cache/reader-pages';
import { LAYOUT_NAMESPACES, pickMessages } from '@/lib/i18n/client-messages';
import { routing } from '@/lib/i18n/routing';
import '../globals.css';

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const locale = languageOfSegment((await params).locale, routing.locales);
  const t = await getTranslations({ locale: locale && hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: 'site' });
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

// Every page reads the session (and gets a fresh CSP nonce from proxy.ts), so nothing is
// prerendered: reading the cookies makes each render dynamic. The exceptions are the pages under
// ./cached, rendered statically: the public pages for anonymous visitors, where the cookies read as
// none (so the header is a visitor's), and the signed-in pages kept per reader, whose locale segment
// names the reader (`en~<user id>.<signature>`, lib/cache/reader-pages.ts). In both the locale must come from
// the segment, not the request.
export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const locale = enterLocaleSegment((await params).locale);
  const [actor, t, messages] = await Promise.all([getActor(), getTranslations('nav'), getMessages()]);
  return (
    <html lang={locale}>
      <body className="flex min-h-dvh flex-col">
        {/* Only what every page's client components read: lib/i18n/client-messages.ts */}
        <NextIntlClientProvider messages={pickMessages(messages, LAYOUT_NAMESPACES)}>
          <a
            href="#main"
            className="sr-only focus:not-sr-only focus:absolute focus:top-3 focus:left-3 focus:z-50 focus:rounded-md focus:bg-paper focus:px-4 focus:py-2"
          >
            {t('skipToContent')}
          </a>
          <SiteHeader actor={actor} />
          <main id="main" className="mx-auto w-full max-w-content min-w-0 flex-1 px-4 pt-5 pb-12 sm:px-6 lg:px-8">{children}</main>
          <footer className="mx-auto w-full max-w-content px-4 pt-4 pb-8 text-sm text-muted sm:px-6 lg:px-8">{t('footer')}</footer>
          <Toaster />
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
