import { getFormatter, getTranslations } from 'next-intl/server';
import { OblastNeedCounts } from '@/components/maps/oblast-need-counts';
import { ChartLegend, SectorBar } from '@/components/facilitator/sector-bars';
import { HromadaMap } from '@/components/maps/hromada-map';
import { ToDoList } from '@/components/start/to-do-list';
import { actorForPage } from '@/lib/auth/page-guard';
import { db } from '@/lib/db';
import { Link } from '@/lib/i18n/link';
import { titled } from '@/lib/i18n/page-title';
import { countOpenNeedsByOblast } from '@/lib/needs/open-need-counts';
import { getDashboard } from '@/lib/platform/dashboard';
import { tableClass, numericClass } from '@/components/ui/table';
import { FunnelTable } from '@/components/follow-through/funnel-table';
import { LatentPipelineView } from '@/components/security-watch/latent-pipeline';
import { getFollowThroughFunnel } from '@/lib/follow-through/funnel';
import { getLatentPipeline } from '@/lib/security-watch/latent-pipeline';

export const generateMetadata = titled('dashboard');

export default async function DashboardPage({ params }: PageProps<'/[locale]/facilitator/dashboard'>) {
  const actor = await actorForPage('/facilitator/dashboard', ['FACILITATOR', 'ADMIN']);
  const { locale } = await params;
  const [t, format, dashboard, counts, funnel, latent] = await Promise.all([
    getTranslations(), getFormatter(), getDashboard(db, actor), countOpenNeedsByOblast(db),
    getFollowThroughFunnel(db, actor), getLatentPipeline(db, actor),
  ]);
  const busiest = Math.max(1, ...dashboard.bySector.flatMap((row) => [row.openNeeds, row.companies]));
  return (
    <>
      <h1>{t('dashboard.title')}</h1>
      <ToDoList actor={actor} />
      <section aria-labelledby="pipeline">
        <h2 id="pipeline">{t('dashboard.pipeline')}</h2>
        <ol className="m-0 grid list-none grid-cols-2 gap-3 p-0 sm:grid-cols-[repeat(auto-fit,minmax(10rem,1fr))] [&_a]:grid [&_a]:gap-1 [&_a]:rounded-lg [&_a]:border [&_a]:border-line [&_a]:bg-paper [&_a]:px-4 [&_a]:py-3 [&_a]:text-ink [&_a]:no-underline" data-testid="pipeline">
          {dashboard.pipeline.map((stage) => (
            <li key={stage.status}>
              <Link href={`/facilitator/matches?status=${stage.status}`}>
                <span className="stat-value">{format.number(stage.count)}</span>
                <span className="font-semibold">{t(`matchStatus.${stage.status}`)}</span>
              </Link>
            </li>
          ))}
        </ol>
        <p className="text-sm text-muted">{t('dashboard.declined', { count: dashboard.declined })}</p>
      </section>
      <section aria-labelledby="follow-through">
        <h2 id="follow-through">{t('followThrough.funnel.title')}</h2>
        <p className="text-sm text-muted">{t('followThrough.funnel.intro')}</p>
        <FunnelTable months={funnel} />
      </section>
      <section aria-labelledby="latent">
        <h2 id="latent">{t('securityWatch.latent.title')}</h2>
        <p className="text-sm text-muted">{t('securityWatch.latent.intro')}</p>
        <LatentPipelineView latent={latent} />
      </section>
      <section aria-labelledby="by-sector">
        <h2 id="by-sector">{t('dashboard.bySector')}</h2>
        <table className={tableClass}>
          <thead>
            <tr>
              <th scope="col">{t('needs.sector')}</th>
              <th scope="col" className={numericClass}>{t('dashboard.openNeeds')}</th>
              <th scope="col" className={numericClass}>{t('dashboard.companies')}</th>
              <th scope="col">
                <span className="sr-only">{t('dashboard.chart')}</span>
                <ChartLegend />
              </th>
            </tr>
          </thead>
          <tbody>
            {dashboard.bySector.map((row) => (
              <tr key={row.sector}>
                <th data-label={t('needs.sector')} scope="row">{t(`sector.${row.sector}`)}</th>
                <td data-label={t('dashboard.openNeeds')} className={numericClass}>{format.number(row.openNeeds)}</td>
                <td data-label={t('dashboard.companies')} className={numericClass}>{format.number(row.companies)}</td>
                <td data-label={t('dashboard.chart')} className="w-2/5 max-md:hidden">
                  <SectorBar value={row.openNeeds} of={busiest} series="openNeeds" label={t('dashboard.openNeedsBar', { count: row.openNeeds })} />
                  <SectorBar value={row.companies} of={busiest} series="companies" label={t('dashboard.companiesBar', { count: row.companies })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="map">
        <h2 id="map">{t('dashboard.map')}</h2>
        {/* Counts, not titles: this page is rendered per view, and the public map (cached) lists
            each hromada's needs. The popups lead to the oblast's needs. The interactive map reads
            its hromadas from a route the browser keeps (public data, the same for everyone), so
            the page does not carry ≈ 1,200 of them on a national-scale world. */}
        {/* No dots or points: the counted map's picture and hromadas come from its routes; the
            page reads only the sums it shows (1,774 centres and ≈ 1,200 hromadas a view before). */}
        <HromadaMap
          dots={[]}
          points={[]}
          title={t('dashboard.mapTitle')}
          listHref="/needs"
          dataUrl="/api/map/open-need-counts"
          list={<OblastNeedCounts oblasts={counts.oblasts} oblastHref={(code) => `/needs?oblast=${code}`} note={t.rich('dashboard.mapTitles', { link: (chunks) => <Link href="/needs?view=map">{chunks}</Link> })} />}
          counted={{
            linkLabel: t('dashboard.mapOblastNeeds'),
            pictureUrl: `/api/map/open-need-counts/picture?locale=${locale}`,
            hromadasByStatus: counts.hromadasByStatus,
          }}
        />
      </section>
    </>
  );
}
