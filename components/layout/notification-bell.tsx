import { Bell } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { cache } from 'react';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { Link } from '@/lib/i18n/link';
import { countUnreadNotices } from '@/lib/notifications/centre';

// The header shows the bell twice (the wide bar and the phone's), so the count is read once per request.
const unreadOnce = cache((actor: Actor) => countUnreadNotices(db, actor));

/** The bell beside the menu: unread notices, one indexed count per page (the partial index on unread rows). */
export async function NotificationBell({ actor }: { actor: Actor | null }) {
  if (!actor) return null;
  const [count, t] = await Promise.all([unreadOnce(actor), getTranslations('notifications')]);
  const shown = count > 99 ? '99+' : String(count);
  return (
    <Link
      href="/notifications"
      aria-label={t('headerLabel', { count })}
      data-testid="notification-bell"
      className="relative inline-flex size-10 shrink-0 items-center justify-center rounded-md text-white no-underline hover:bg-white/10 hover:text-white"
    >
      <Bell aria-hidden="true" className="size-5" />
      {count > 0 ? (
        <span aria-hidden="true" data-testid="notification-count" className="absolute -top-0.5 -right-0.5 min-w-5 rounded-full bg-danger px-1 text-center text-xs leading-5 font-bold whitespace-nowrap text-white">
          {shown}
        </span>
      ) : null}
    </Link>
  );
}
