import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { Stat } from '@/components/ui/stat';
import { db } from '@/lib/db';
import { Link } from '@/lib/i18n/navigation';
import { getPlatformOverview } from '@/lib/platform/overview';
import { formatDate, formatDay } from '@/lib/i18n/dates';
import type { AppLocale } from '@/lib/i18n/routing';

export default async function HomePage() {
  const [overview, t, format, locale] = await Promise.all([getPlatformOverview(db), getTranslations(), getFormatter(), getLocale() as Promise<AppLocale>]);
  const busiest = Math.max(1, ...overview.openNeedsBySector.map((row) => row.count));
  return (
    <>
      <section className="hero">
        <h1>
          Kakehashi <span lang="ja">架け橋</span>
        </h1>
        <p>{t('home.lead')}</p>
        <p className="hero-actions">
          <Link href="/sign-up/company" className="button primary">{t('home.joinCompany')}</Link>
          <Link href="/sign-up/municipality" className="button">{t('home.joinHromada')}</Link>
          <Link href="/needs" className="button">{t('home.browseNeeds')}</Link>
        </p>
      </section>
      <section className="stats" aria-label={t('home.atAGlance')}>
        <Stat label={t('home.verifiedCompanies')} value={overview.companies} />
        <Stat
          label={t('home.hromadasWithNeeds')}
          value={overview.hromadasWithNeeds}
          hint={t('home.ofInClassifier', { count: format.number(overview.hromadasInReference) })}
        />
        <Stat label={t('home.openNeeds')} value={overview.openNeeds} />
      </section>
      {overview.hostilityList ? (
        <p className="secondary" data-testid="hostility-list-in-force">
          {t('home.hostilityListInForce', {
            number: overview.hostilityList.orderNumber,
            date: formatDay(overview.hostilityList.orderDate, locale),
            day: overview.hostilityList.day ? formatDay(overview.hostilityList.day, locale) : formatDate(overview.hostilityList.loadedAt, locale),
          })}
        </p>
      ) : null}
      <section aria-labelledby="by-sector">
        <h2 id="by-sector">{t('home.bySector')}</h2>
        <table className="table sector-table">
          <thead>
            <tr>
              <th scope="col">{t('needs.sector')}</th>
              <th scope="col">OECD DAC</th>
              <th scope="col" className="numeric">{t('home.openNeeds')}</th>
              <th scope="col"><span className="visually-hidden">{t('home.share')}</span></th>
            </tr>
          </thead>
          <tbody>
            {overview.openNeedsBySector.map((row) => (
              <tr key={row.sector}>
                <td>
                  <Link href={`/needs?sector=${row.sector}`}>{t(`sector.${row.sector}`)}</Link>
                </td>
                <td>{row.dacCode}</td>
                <td className="numeric" data-testid={`sector-count-${row.sector}`}>{format.number(row.count)}</td>
                <td className="bar-cell" aria-hidden="true">
                  <span className="bar" style={{ width: `${(row.count / busiest) * 100}%` }} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
