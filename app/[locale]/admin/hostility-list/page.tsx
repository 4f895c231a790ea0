import { getLocale, getTranslations } from 'next-intl/server';
import { HostilityListForm } from '@/components/admin/hostility-list-form';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { listEditions } from '@/lib/hostility-list/list-in-force';
import { titled } from '@/lib/i18n/page-title';
import { applyHostilityListAction, previewHostilityListAction } from './actions';
import { tableClass, numericClass } from '@/components/ui/table';
import { DateTime } from '@/components/time/when';
import { formatDay } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';
import { FORM_NAMESPACES } from '@/lib/i18n/client-messages';
import { ClientMessages } from '@/components/i18n/client-messages';

export const generateMetadata = titled('hostilityList');

export default async function HostilityListPage() {
  const actor = await actorForPage('/admin/hostility-list', ['ADMIN']);
  const [editions, t, locale] = await Promise.all([listEditions(db, actor), getTranslations('hostilityList'), getLocale() as Promise<AppLocale>]);
  return (
    <section>
      <h1>{t('title')}</h1>
      <p>{t('lead')}</p>
      <ClientMessages namespaces={[...FORM_NAMESPACES, 'hostilityList', 'hostility']}><HostilityListForm preview={previewHostilityListAction} apply={applyHostilityListAction} /></ClientMessages>
      <h2>{t('history')}</h2>
      <table className={tableClass} data-testid="hostility-editions">
        <thead>
          <tr><th scope="col">{t('order')}</th><th scope="col">{t('kind')}</th><th scope="col">{t('loadedAt')}</th><th scope="col">{t('source')}</th><th scope="col" className={numericClass}>{t('periodsCited')}</th><th scope="col" className={numericClass}>{t('periodsSuperseded')}</th></tr>
        </thead>
        <tbody>
          {editions.map((edition) => (
            <tr key={edition.id}>
              <td data-label={t('order')}>{t('asOfOrder', { number: edition.orderNumber, date: formatDay(edition.orderDate, locale) })}</td>
              <td data-label={t('kind')}>{t(`kinds.${edition.kind}`)}</td>
              <td data-label={t('loadedAt')}><DateTime value={edition.loadedAt} /></td>
              <td data-label={t('source')}>{edition.source}</td>
              <td data-label={t('periodsCited')} className={numericClass}>{edition._count.periods}</td>
              <td data-label={t('periodsSuperseded')} className={numericClass}>{edition._count.superseded}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
