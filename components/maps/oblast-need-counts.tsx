import type { ReactNode } from 'react';
import { getFormatter, getTranslations } from 'next-intl/server';
import { HromadaName } from '@/components/names/hromada-name';
import { tableClass } from '@/components/ui/table';
import { Link } from '@/lib/i18n/link';
import type { OblastNeedCount } from '@/lib/needs/open-need-counts';

/**
 * Under a map, the way in for keyboards, screen readers and browsers without JavaScript: each
 * oblast with open needs, how many hromadas and needs, and a link to the needs list filtered to
 * it (`oblastHref`). At most one row per oblast, however many needs the country has: a list of
 * every hromada and title made the page grow with the data (≈ 1.4 MB on a national-scale world).
 */
export async function OblastNeedCounts({ oblasts, oblastHref, note }: {
  oblasts: OblastNeedCount[];
  oblastHref: (oblastCode: string) => string;
  note?: ReactNode;
}) {
  const [t, format] = await Promise.all([getTranslations('map'), getFormatter()]);
  return (
    <details data-testid="map-oblasts" className="rounded-lg border border-line bg-paper px-4 py-3">
      <summary className="cursor-pointer font-semibold">{t('byOblast', { count: oblasts.length })}</summary>
      {note ? <p className="text-sm text-muted">{note}</p> : null}
      <table className={tableClass}>
        <thead>
          <tr>
            <th scope="col">{t('oblast')}</th>
            <th scope="col" className="md:text-right! tabular-nums">{t('hromadasWithNeeds')}</th>
            <th scope="col" className="md:text-right! tabular-nums">{t('openNeedsColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {oblasts.map((oblast) => (
            <tr key={oblast.code} data-oblast={oblast.code} data-hromadas={oblast.hromadas}>
              <th scope="row" data-label={t('oblast')}>
                <Link href={oblastHref(oblast.code)}><HromadaName nameUk={oblast.nameUk} nameEn={oblast.nameEn} /></Link>
              </th>
              <td data-label={t('hromadasWithNeeds')} className="md:text-right! tabular-nums">{format.number(oblast.hromadas)}</td>
              <td data-label={t('openNeedsColumn')} className="md:text-right! tabular-nums">{format.number(oblast.openNeeds)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
