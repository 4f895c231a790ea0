import type { Metadata } from 'next';
import { hasLocale, NextIntlClientProvider } from 'next-intl';
import { getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { LocaleSwitcher } from '@/components/i18n/locale-switcher';
import { UserNav } from '@/components/auth/user-nav';
import { getActor } from '@/lib/auth/current-actor';
import { Link } from '@/lib/i18n/navigation';
import { routing } from '@/lib/i18n/routing';
import '../globals.css';

export async function generateMetadata({ params }: LayoutProps<'/[locale]'>): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : routing.defaultLocale, namespace: 'site' });
  return { title: { default: t('title'), template: `%s · ${t('title')}` }, description: t('description') };
}

// Every page reads the session (and gets a fresh CSP nonce from proxy.ts), so nothing is
// prerendered: reading the cookies makes each render dynamic.
export default async function LocaleLayout({ children, params }: LayoutProps<'/[locale]'>) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  const [actor, t] = await Promise.all([getActor(), getTranslations('nav')]);
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
            <LocaleSwitcher />
          </header>
          <main id="main">{children}</main>
          <footer className="site-footer">{t('footer')}</footer>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
