import { WrittenLink } from '@/components/content/written-link';
import { readForReader } from '@/lib/content/read-for-reader';
import { needTitle } from '@/lib/content/written';
import type { AppLocale } from '@/lib/i18n/routing';
import { getLocale, getTranslations } from 'next-intl/server';
import { FilterSelect } from '@/components/forms/filter-select';
import { HostilityBadge } from '@/components/hromadas/hostility-badge';
import { CompanyName } from '@/components/names/company-name';
import { HromadaName } from '@/components/names/hromada-name';
import { Pagination } from '@/components/ui/pagination';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { getListInForceOnce } from '@/components/matches/reason-context';
import { MatchStatus, SectorCode } from '@/lib/generated/prisma/enums';
import { titled } from '@/lib/i18n/page-title';
import { listReviewQueue, reviewQueueFilterSchema } from '@/lib/match-decisions/review-queue';
import { listOblasts } from '@/lib/needs/public-needs';
import { buttonVariants } from '@/components/ui/button';
import { tableClass, numericClass } from '@/components/ui/table';
import { badgeClass } from '@/components/ui/status-badge';

export const generateMetadata = titled('queue');

const SCORE_STEPS = [0, 40, 50, 60, 70, 80];

export default async function ReviewQueuePage({ searchParams }: PageProps<'/[locale]/facilitator/matches'>) {
  const actor = await actorForPage('/facilitator/matches', ['FACILITATOR', 'ADMIN']);
  const filter = reviewQueueFilterSchema.parse(await searchParams);
  const [t, queue, oblasts, list, locale] = await Promise.all([getTranslations(), listReviewQueue(db, actor, filter), listOblasts(db), getListInForceOnce(), getLocale() as Promise<AppLocale>]);
  const titles = await readForReader(db, queue.items.map((item) => needTitle(item.need)), locale);
  const query = Object.fromEntries(Object.entries({ ...filter, page: undefined }).filter(([, v]) => v !== undefined && v !== 0).map(([k, v]) => [k, String(v)]));
  return (
    <>
      <h1>{t('queue.title')}</h1>
      <form method="get" className="mt-2 mb-4 grid grid-cols-1 items-end gap-4 sm:grid-cols-2 lg:grid-cols-[repeat(auto-fill,minmax(13rem,1fr))] [&_select]:w-full [&_button]:justify-self-start" role="search" aria-label={t('queue.filters')}>
        <FilterSelect name="sector" label={t('needs.sector')} defaultValue={filter.sector ?? ''}>
            <option value="">{t('common.all')}</option>
            {Object.values(SectorCode).map((code) => <option key={code} value={code}>{t(`sector.${code}`)}</option>)}
        </FilterSelect>
        <FilterSelect name="oblast" label={t('needs.oblast')} defaultValue={filter.oblast ?? ''}>
            <option value="">{t('common.all')}</option>
            {oblasts.map((o) => <option key={o.code} value={o.code}>{o.nameUk} ({o.nameEn})</option>)}
        </FilterSelect>
        <FilterSelect name="minScore" label={t('queue.minScore')} defaultValue={String(filter.minScore)}>
            {SCORE_STEPS.map((s) => <option key={s} value={s}>{s === 0 ? t('common.any') : `≥ ${s}`}</option>)}
        </FilterSelect>
        <FilterSelect name="status" label={t('queue.status')} defaultValue={filter.status ?? ''}>
            <option value="">{t('common.all')}</option>
            {Object.values(MatchStatus).map((s) => <option key={s} value={s}>{t(`matchStatus.${s}`)}</option>)}
        </FilterSelect>
        <button type="submit" className={buttonVariants({ variant: 'secondary' })}>{t('needs.applyFilters')}</button>
      </form>
      <p role="status">{t('queue.count', { count: queue.total })}</p>
      {queue.items.length === 0 ? <p className="text-muted">{t('queue.none')}</p> : (
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col" className={numericClass}>{t('matches.score')}</th>
              <th scope="col">{t('needs.need')}</th>
              <th scope="col">{t('needs.hromada')}</th>
              <th scope="col">{t('queue.company')}</th>
              <th scope="col">{t('queue.status')}</th>
            </tr>
          </thead>
          <tbody>
            {queue.items.map((item, index) => (
              <tr key={item.id} data-testid="queue-row">
                <td data-label={t('matches.score')} className={numericClass}><strong>{item.score}</strong></td>
                <td data-label={t('needs.need')}>
                  <WrittenLink href={`/facilitator/matches/${item.id}`} value={titles[index]!} />
                  <div className="text-sm text-muted">{t(`sector.${item.need.sector}`)} · {t(`stage.${item.need.stage}`)}</div>
                </td>
                <td data-label={t('needs.hromada')}>
                  <HromadaName nameUk={item.need.hromada.nameUk} nameEn={item.need.hromada.nameEn} />
                  <div><HostilityBadge status={item.need.hromada.hostilityStatus} scope={item.need.hromada.hostilityScope} list={list} /></div>
                </td>
                <td data-label={t('queue.company')}><CompanyName id={item.company.id} legalNameJa={item.company.legalNameJa} legalNameEn={item.company.legalNameEn} /></td>
                <td data-label={t('queue.status')}><span className={badgeClass('match', item.status)}>{t(`matchStatus.${item.status}`)}</span></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination page={queue.page} pageCount={queue.pageCount} href={(page) => `/facilitator/matches?${new URLSearchParams({ ...query, page: String(page) })}`} />
    </>
  );
}
