import { getLocale, getTranslations } from 'next-intl/server';
import { DateTime } from '@/components/time/when';
import { ActionButton } from '@/components/forms/action-button';
import { Badge } from '@/components/ui/badge';
import { buttonVariants } from '@/components/ui/button';
import { Pagination } from '@/components/ui/pagination';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import type { Locale } from '@/lib/generated/prisma/enums';
import { titled } from '@/lib/i18n/page-title';
import { Link } from '@/lib/i18n/link';
import { listOwnNotices } from '@/lib/notifications/centre';
import { prefectureNames, renderNotice } from '@/lib/notifications/render';
import { readNoticeTexts } from '@/lib/notifications/written-params';
import { markAllNoticesReadAction, markNoticeReadAction } from './actions';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('notifications');

export default async function NotificationsPage({ searchParams }: PageProps<'/[locale]/notifications'>) {
  const query = await searchParams;
  const actor = await actorForPage('/notifications');
  const page = Number(typeof query.page === 'string' ? query.page : 1);
  const [list, t, locale, prefectures] = await Promise.all([listOwnNotices(db, actor, page), getTranslations('notifications'), getLocale(), prefectureNames(db)]);
  const texts = await readNoticeTexts(db, locale as Locale, list.notices);
  const unread = list.notices.filter((notice) => !notice.readAt).length;
  return (
    <section className="max-w-3xl">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="m-0">{t('title')}</h1>
        <div className="flex flex-wrap items-center gap-2">
          {unread > 0 ? <ClientMessages namespaces={[...FORM_NAMESPACES]}><ActionButton action={markAllNoticesReadAction} input={{}} done={t('markedAllRead')}>{t('markAllRead')}</ActionButton></ClientMessages> : null}
          <Link href="/notifications/preferences" className={buttonVariants({ variant: 'ghost' })}>{t('preferencesLink')}</Link>
        </div>
      </div>
      {list.notices.length === 0 ? <p className="text-muted">{t('empty')}</p> : null}
      <ol className="m-0 mt-4 grid list-none gap-3 p-0" data-testid="notice-list">
        {list.notices.map((notice, index) => {
          const rendered = renderNotice(locale as Locale, notice, prefectures, texts[index]);
          return (
            <li key={notice.id} className={`rounded-lg border p-4 ${notice.readAt ? 'border-line bg-paper' : 'border-accent bg-accent-wash/40'}`}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <Link href={notice.link} className="min-w-0 font-bold break-words">{rendered.title}</Link>
                <span className="flex min-w-0 items-center gap-2 text-sm text-muted">
                  {!notice.readAt ? <Badge tone="info">{t('new')}</Badge> : null}
                  <DateTime value={notice.createdAt} />
                </span>
              </div>
              {rendered.body ? <p className="m-0 mt-1">{rendered.body}</p> : null}
              {rendered.quoted.map((line) => <p key={line} className="m-0 mt-1 text-sm text-muted">{line}</p>)}
              {rendered.reasons.length ? (
                <>
                  <p className="m-0 mt-2 text-sm font-semibold">{t('reasons')}</p>
                  <ul className="m-0 mt-1 pl-5 text-sm">{rendered.reasons.map((reason) => <li key={reason}>{reason}</li>)}</ul>
                </>
              ) : null}
              {!notice.readAt ? (
                <div className="mt-2">
                  <ClientMessages namespaces={[...FORM_NAMESPACES]}><ActionButton action={markNoticeReadAction} input={{ noticeId: notice.id }} done={t('markedRead')}>{t('markRead')}</ActionButton></ClientMessages>
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      <Pagination page={list.page} pageCount={list.pages} href={(n) => `/notifications?page=${n}`} />
    </section>
  );
}
