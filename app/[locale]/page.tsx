import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Stat } from '@/components/ui/stat';
import { db } from '@/lib/db';
import { Link } from '@/lib/i18n/link';
import { getPlatformOverview } from '@/lib/platform/overview';
import { buttonVariants } from '@/components/ui/button';
import { tableClass, numericClass } from '@/components/ui/table';
import { formatDate, formatDay } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';

export default async function HomePage() {
  const [overview, t, format, locale] = await Promise.all([getPlatformOverview(db), getTranslations(), getFormatter(), getLocale() as Promise<AppLocale>]);
  const busiest = Math.max(1, ...overview.openNeedsBySector.map((row) => row.count));
  return (
    <>
      <section >
        <h1>
          Kakehashi <span lang="ja">架け橋</span>
        </h1>
        <p className="max-w-3xl text-lg text-muted">{t('home.lead')}</p>
        <p className="flex flex-wrap gap-3">
          <Link href="/sign-up/company" className={buttonVariants()}>{t('home.joinCompany')}</Link>
          <Link href="/sign-up/municipality" className={buttonVariants({ variant: 'secondary' })}>{t('home.joinHromada')}</Link>
          <Link href="/needs" className={buttonVariants({ variant: 'secondary' })}>{t('home.browseNeeds')}</Link>
        </p>
      </section>
      <section className="my-6 grid gap-4 sm:grid-cols-[repeat(auto-fit,minmax(14rem,1fr))]" aria-label={t('home.atAGlance')}>
        <Stat label={t('home.verifiedCompanies')} value={overview.companies} />
        <Stat
          label={t('home.hromadasWithNeeds')}
          value={overview.hromadasWithNeeds}
          hint={t('home.ofInClassifier', { count: format.number(overview.hromadasInReference) })}
        />
        <Stat label={t('home.openNeeds')} value={overview.openNeeds} />
      </section>
      {overview.hostilityList ? (
        <p className="text-sm text-muted" data-testid="hostility-list-in-force">
          {t('home.hostilityListInForce', {
            number: overview.hostilityList.orderNumber,
            date: formatDay(overview.hostilityList.orderDate, locale),
            day: overview.hostilityList.day ? formatDay(overview.hostilityList.day, locale) : formatDate(overview.hostilityList.loadedAt, locale),
          })}
        </p>
      ) : null}
      <section aria-labelledby="by-sector">
        <h2 id="by-sector">{t('home.bySector')}</h2>
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">{t('needs.sector')}</th>
              <th scope="col">OECD DAC</th>
              <th scope="col" className={numericClass}>{t('home.openNeeds')}</th>
              <th scope="col"><span className="sr-only">{t('home.share')}</span></th>
            </tr>
          </thead>
          <tbody>
            {overview.openNeedsBySector.map((row) => (
              <tr key={row.sector}>
                <td data-label={t('needs.sector')}>
                  <Link href={`/needs?sector=${row.sector}`}>{t(`sector.${row.sector}`)}</Link>
                </td>
                <td data-label="OECD DAC">{row.dacCode}</td>
                <td data-label={t('home.openNeeds')} className={numericClass} data-testid={`sector-count-${row.sector}`}>{format.number(row.count)}</td>
                <td data-label={t('home.share')} className="w-2/5 max-md:hidden" aria-hidden="true">
                  <span className="block h-3 rounded-sm bg-accent" style={{ width: `${(row.count / busiest) * 100}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
