import { getTranslations } from 'next-intl/server';
import { NavMenu } from '@/components/layout/nav-menu';
import { navFor } from '@/components/layout/nav-items';
import type { Actor } from '@/lib/auth/actor';
import { Link } from '@/lib/i18n/link';
import { SignOutButton } from './sign-out-button';

const barLink = 'whitespace-nowrap font-semibold text-white no-underline hover:text-white hover:underline';
const sheetLink = 'block rounded-md px-2 py-2 font-semibold text-ink no-underline hover:bg-wash hover:text-ink';

/**
 * The header's member part: sign-in links for visitors, each role's own pages for members.
 * `bar` is the desktop header (staff pages in menus); `sheet` is the mobile menu (all listed).
 */
export async function UserNav({ actor, variant }: { actor: Actor | null; variant: 'bar' | 'sheet' }) {
  const t = await getTranslations('nav');
  const link = variant === 'bar' ? barLink : sheetLink;
  if (!actor) {
    return (
      <>
        <Link href="/sign-in" className={link}>{t('signIn')}</Link>
        <Link href="/sign-up" className={link}>{t('signUp')}</Link>
      </>
    );
  }
  const { own, groups } = navFor(actor);
  return (
    <>
      {own.map((item) => <Link key={item.href} href={item.href} className={link}>{t(item.labelKey)}</Link>)}
      {groups.map((group) =>
        variant === 'bar' ? (
          <NavMenu key={group.labelKey} label={t(group.labelKey)} items={group.items.map((item) => ({ href: item.href, label: t(item.labelKey) }))} />
        ) : (
          <section key={group.labelKey} aria-label={t(group.labelKey)} className="grid gap-1">
            <h2 className="m-0 px-2 text-xs font-semibold tracking-wide text-muted uppercase">{t(group.labelKey)}</h2>
            {group.items.map((item) => <Link key={item.href} href={item.href} className={link}>{t(item.labelKey)}</Link>)}
          </section>
        ),
      )}
      <Link href="/account" className={link}>{t('account')}</Link>
      <SignOutButton className={variant === 'bar' ? barLink : `${sheetLink} w-full text-left`} />
    </>
  );
}
