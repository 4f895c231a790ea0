import { getFormatter, getTranslations } from 'next-intl/server';
import { HromadaName } from '@/components/names/hromada-name';
import { tableClass } from '@/components/ui/table';
import { Link } from '@/lib/i18n/link';
import type { OblastNeedCount } from '@/lib/needs/open-need-counts';

/**
 * Under the dashboard's map, the way in for keyboards and screen readers: each oblast with open
 * needs, how many hromadas and needs, and a link to the needs list filtered to it. At most one
 * row per oblast, however many needs the country has.
 */
export async function OblastNeedCounts({ oblasts }: { oblasts: OblastNeedCount[] }) {
  const [t, format] = await Promise.all([getTranslations('dashboard'), getFormatter()]);
  return (
    <details data-testid="map-oblasts" className="rounded-lg border border-line bg-paper px-4 py-3">
      <summary className="cursor-pointer font-semibold">{t('mapByOblast', { count: oblasts.length })}</summary>
      <p className="text-sm text-muted">{t.rich('mapTitles', { link: (chunks) => <Link href="/needs?view=map">{chunks}</Link> })}</p>
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col">{t('mapOblast')}</th>
            <th scope="col" className="md:text-right! tabular-nums">{t('mapHromadas')}</th>
            <th scope="col" className="md:text-right! tabular-nums">{t('openNeeds')}</th>
          </tr>
        </thead>
        <tbody>
          {oblasts.map((oblast) => (
            <tr key={oblast.code} data-oblast={oblast.code}>
              <th scope="row" data-label={t('mapOblast')}>
                <Link href={`/needs?oblast=${oblast.code}`}><HromadaName nameUk={oblast.nameUk} nameEn={oblast.nameEn} /></Link>
              </th>
              <td data-label={t('mapHromadas')} className="md:text-right! tabular-nums">{format.number(oblast.hromadas)}</td>
              <td data-label={t('openNeeds')} className="md:text-right! tabular-nums">{format.number(oblast.openNeeds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
