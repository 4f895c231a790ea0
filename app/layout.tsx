import type { Metadata } from 'next';
import { NextIntlClientProvider } from 'next-intl';
import { getLocale, getTranslations } from 'next-intl/server';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { UserNav } from '@/components/auth/user-nav';
import { getActor } from '@/lib/auth/current-actor';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kakehashi 架け橋', template: '%s · Kakehashi 架け橋' },
  description:
    'Kakehashi connects Japanese small and mid-sized companies with Ukrainian hromadas that need help rebuilding.',
};

// Every page reads the session (and gets a fresh CSP nonce from proxy.ts), so nothing is
// prerendered: reading the cookies makes each render dynamic.
export default async function RootLayout({ children }: { children: ReactNode }) {
  const [actor, locale, t] = await Promise.all([getActor(), getLocale(), getTranslations('nav')]);
  return (
    <html lang={locale}>
      <body>
        <NextIntlClientProvider>
          <a className="skip-link" href="#main">{t('skipToContent')}</a>
          <header className="site-header">
            <Link href="/" className="brand">
              <span lang="ja">架け橋</span> Kakehashi
            </Link>
            <nav aria-label={t('main')}>
              <Link href="/needs">{t('needs')}</Link>
              <Link href="/companies">{t('companies')}</Link>
              <UserNav actor={actor} />
            </nav>
          </header>
          <main id="main">{children}</main>
          <footer className="site-footer">
            Reference data: KATOTTG (16 May 2025), the official list of territories of hostilities and
            occupation (Order No. 376, as amended), OCHA COD-AB. Company names marked [demo] are fictional.
          </footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
