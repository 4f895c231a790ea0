import { getLocale, getTranslations } from 'next-intl/server';
import type { SiteListing } from '@/lib/reference/site-listing';
import { formatDay } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';

/**
 * For the hromada posting a need: no company can be ranked at a wholly occupied hromada; at a
 * partly listed one, which settlements the official list names and since when.
 */
export async function SiteNotice({ listing }: { listing: SiteListing }) {
  const [t, locale] = await Promise.all([getTranslations(), getLocale() as Promise<AppLocale>]);
  const day = (date: Date) => formatDay(date, locale);
  if (listing.isWhollyOccupied) {
    return (
      <p className="my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5" role="note" data-testid="site-notice">
        {t('siteNotice.occupied', { date: listing.wholeSince ? day(listing.wholeSince) : '—' })}
      </p>
    );
  }
  if (listing.settlements.length === 0) return null;
  return (
    <div className="my-3 border-l-4 border-accent bg-paper px-3.5 py-2.5" role="note" data-testid="site-notice">
      <p>{t('siteNotice.partly')}</p>
      <ul>
        {listing.settlements.map((s) => (
          <li key={`${s.code}-${s.status}-${s.since.toISOString()}`}>
            {t('siteNotice.settlement', { name: s.name, code: s.code, status: t(`hostility.${s.status}`), date: day(s.since) })}
          </li>
        ))}
      </ul>
    </div>
  );
}
