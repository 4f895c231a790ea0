import { getTranslations } from 'next-intl/server';
import { UserNav } from '@/components/auth/user-nav';
import { LocaleSwitcher } from '@/components/i18n/locale-switcher';
import type { Actor } from '@/lib/auth/actor';
import { Link } from '@/lib/i18n/link';
import { MobileNav } from './mobile-nav';
import { NotificationBell } from './notification-bell';

const barLink = 'whitespace-nowrap font-semibold text-white no-underline hover:text-white hover:underline';
const sheetLink = 'block rounded-md px-2 py-2 font-semibold text-ink no-underline hover:bg-wash hover:text-ink';

/**
 * Brand, main navigation, the member's pages and the language switcher. From `lg` up they sit
 * in one bar; below, one menu button opens a sheet holding all of them.
 */
export async function SiteHeader({ actor }: { actor: Actor | null }) {
  const [t, common] = await Promise.all([getTranslations('nav'), getTranslations('common')]);
  return (
    <header className="bg-brand text-white">
      <div className="mx-auto flex max-w-content items-center justify-between gap-4 px-4 py-3 sm:px-6 lg:px-8">
        <Link href="/" className="flex shrink-0 items-baseline gap-2 text-lg font-bold whitespace-nowrap text-white no-underline hover:text-white">
          <span lang="ja">架け橋</span> Kakehashi
        </Link>
        <div className="hidden items-center gap-6 lg:flex">
          <nav aria-label={t('main')} className="flex items-center gap-5">
            <Link href="/needs" className={barLink}>{t('needs')}</Link>
            <Link href="/companies" className={barLink}>{t('companies')}</Link>
            <UserNav actor={actor} variant="bar" />
          </nav>
          <LocaleSwitcher />
          <NotificationBell actor={actor} />
        </div>
        <div className="flex items-center gap-1 lg:hidden">
          <NotificationBell actor={actor} />
        <MobileNav label={t('menu')} closeLabel={common('close')}>
          <nav aria-label={t('main')} className="grid gap-1">
            <Link href="/needs" className={sheetLink}>{t('needs')}</Link>
            <Link href="/companies" className={sheetLink}>{t('companies')}</Link>
            <UserNav actor={actor} variant="sheet" />
          </nav>
          <LocaleSwitcher variant="sheet" />
        </MobileNav>
        </div>
      </div>
    </header>
  );
}
