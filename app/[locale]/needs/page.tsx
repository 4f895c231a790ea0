import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { HromadaMap } from '@/components/maps/hromada-map';
import { OblastNeedCounts } from '@/components/maps/oblast-need-counts';
import { NeedFilters } from '@/components/needs/need-filters';
import { NeedTable } from '@/components/needs/need-table';
import { Pagination } from '@/components/ui/pagination';
import { readForReaderByKey } from '@/lib/content/read-for-reader';
import { needTitle } from '@/lib/content/written';
import { db } from '@/lib/db';
import type { AppLocale } from '@/lib/i18n/routing';
import { getListInForce } from '@/lib/hostility-list/list-in-force';
import { Link } from '@/lib/i18n/link';
import { getPathname } from '@/lib/i18n/navigation';
import { titled } from '@/lib/i18n/page-title';
import { listNeedMapPoints, listOblasts, listPublicNeeds, publicNeedFilterSchema } from '@/lib/needs/public-needs';
import { listHromadaDots } from '@/lib/reference/map-outline';
import { countMapPointsByOblast } from '@/lib/needs/open-need-counts';

export const generateMetadata = titled('needs');

export default async function NeedsPage({ searchParams }: PageProps<'/[locale]/needs'>) {
  const params = await searchParams;
  const filter = publicNeedFilterSchema.parse(params);
  const isMap = params.view === 'map';
  const [t, locale, oblasts] = await Promise.all([getTranslations('needs'), getLocale(), listOblasts(db)]);
  const query = Object.fromEntries(
    Object.entries({ ...filter, page: undefined }).filter(([, value]) => value !== undefined).map(([key, value]) => [key, String(value)]),
  );
  const href = (extra: Record<string, string>) => `/needs?${new URLSearchParams({ ...query, ...extra })}`;

  return (
    <>
      <h1>{t('title')}</h1>
      <NeedFilters oblasts={oblasts} values={{ ...filter, view: isMap ? 'map' : undefined }} action={getPathname({ href: '/needs', locale })} />
      <p className="view-switch">
        {isMap
          ? <Link href={href({})}>{t('showList')}</Link>
          : <Link href={href({ view: 'map' })}>{t('showMap')}</Link>}
      </p>
      {isMap ? <NeedsMap filter={filter} query={query} title={t('mapTitle')} listHref={href({})} oblasts={oblasts} /> : <NeedsList filter={filter} href={href} />}
    </>
  );
}

async function NeedsList({ filter, href }: { filter: ReturnType<typeof publicNeedFilterSchema.parse>; href: (extra: Record<string, string>) => string }) {
  const [needs, t, list, locale] = await Promise.all([listPublicNeeds(db, filter), getTranslations('needs'), getListInForce(db), getLocale() as Promise<AppLocale>]);
  // A page past the last is not found, for every visitor: an anonymous one's unfiltered list
  // comes from the cache, which answers 404 there (cached/needs/page/[page]); a signed-in
  // visitor's or a filtered list is rendered here and used to answer an empty 200.
  if (needs.page > needs.pageCount) notFound();
  const titles = await readForReaderByKey(db, needs.items.map(needTitle), locale);
  return (
    <>
      <p role="status">{t('count', { count: needs.total })}</p>
      <NeedTable needs={needs.items} titles={titles} list={list} />
      <Pagination page={needs.page} pageCount={needs.pageCount} href={(page) => href({ page: String(page) })} />
    </>
  );
}

async function NeedsMap({ filter, query, title, listHref, oblasts }: {
  filter: ReturnType<typeof publicNeedFilterSchema.parse>;
  /** The filters as the page's address writes them. */
  query: Record<string, string>;
  title: string;
  listHref: string;
  oblasts: Awaited<ReturnType<typeof listOblasts>>;
}) {
  const [dots, points, locale] = await Promise.all([listHromadaDots(db), listNeedMapPoints(db, filter), getLocale()]);
  // The unfiltered map's data comes from the cache, as the page does; a filtered one's is read per request.
  const dataUrl = Object.keys(query).length === 0 ? `/api/map/needs/${locale}` : `/api/map/needs?${new URLSearchParams({ ...query, locale })}`;
  const list = <OblastNeedCounts oblasts={countMapPointsByOblast(points, oblasts)} oblastHref={(code) => `/needs?${new URLSearchParams({ ...query, oblast: code })}`} />;
  return <HromadaMap dots={dots} points={points} dataUrl={dataUrl} list={list} title={title} listHref={listHref} />;
}
