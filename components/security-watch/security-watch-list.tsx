import { getLocale, getTranslations } from 'next-intl/server';
import { readForReader } from '@/lib/content/read-for-reader';
import { needTitle } from '@/lib/content/written';
import { db } from '@/lib/db';
import { formatDay } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';
import type { SecurityWatch } from '@/lib/security-watch/company-watch';
import { Pagination } from '@/components/ui/pagination';
import { badgeClass } from '@/components/ui/status-badge';
import { WrittenLink } from '../content/written-link';
import { FailedConstraints } from '../matches/failed-constraints';
import { HromadaName } from '../names/hromada-name';

/**
 * The needs a company would match if security improved, each with what stands in the way on the
 * official list: one page of them (lib/security-watch/company-watch.ts WATCH_PAGE_SIZE), the
 * others through the pages' links (?watch=N, back to this section).
 */
export async function SecurityWatchList({ watch }: { watch: SecurityWatch }) {
  const { needs, eligible } = watch;
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<AppLocale>]);
  if (!eligible) return <p className="text-muted">{t('securityWatch.notEligible')}</p>;
  if (needs.length === 0) return <p className="text-muted">{t('securityWatch.none')}</p>;
  const day = (iso: string) => formatDay(new Date(`${iso}T00:00:00Z`), locale);
  const titles = await readForReader(db, needs.map((need) => needTitle({ id: need.needId, title: need.title, language: need.language })), locale);
  return (<>
    <p role="status" data-testid="security-watch-count">{t('securityWatch.count', { count: watch.total })}</p>
    <ol className="m-0 grid list-none gap-4 p-0">
      {needs.map((need, index) => (
        <li key={need.needId} className="rounded-lg border border-line bg-paper px-4 py-3" data-testid="watched-need">
          <div className="mb-2 flex flex-wrap items-center gap-3">
            <span className="inline-grid size-10 shrink-0 place-items-center rounded-full border border-line font-bold tabular-nums" aria-label={t('securityWatch.scoreLabel', { score: need.score })}>{need.score}</span>
            <WrittenLink href={`/needs/${need.needId}`} value={titles[index]!} />
            <HromadaName nameUk={need.hromada.nameUk} nameEn={need.hromada.nameEn} />
          </div>
          {need.obstacle ? (
            <p className="m-0 flex flex-wrap items-center gap-2 text-sm">
              <span className={badgeClass('hostility', need.obstacle.status)}>{t(`hostility.${need.obstacle.status}`)}</span>
              <span>{t('securityWatch.since', { date: day(need.obstacle.since) })}</span>
              <span>{need.obstacle.until ? t('securityWatch.until', { date: day(need.obstacle.until) }) : t('securityWatch.noEnd')}</span>
              {need.obstacle.edition
                ? <span className="text-muted">{t('securityWatch.edition', { number: need.obstacle.edition.orderNumber, date: day(need.obstacle.edition.orderDate) })}</span>
                : null}
            </p>
          ) : null}
          <FailedConstraints failed={[{ constraint: 'security', reason: need.reason }]} reader="you" />
        </li>
      ))}
    </ol>
    <Pagination page={watch.page} pageCount={watch.pageCount} href={(page) => `/company/recommended?watch=${page}#security-watch`} />
  </>);
}
