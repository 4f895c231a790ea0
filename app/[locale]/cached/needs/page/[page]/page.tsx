import { notFound } from 'next/navigation';
import { isListPageNumber } from '@/lib/cache/public-pages';
import { enterCachedVariant } from '@/lib/cache/cached-variant';
import { db } from '@/lib/db';
import { listPublicNeeds } from '@/lib/needs/public-needs';
import NeedsPage from '../../../../needs/page';

// A later page of the needs list without filters (/needs?page=N) as an anonymous visitor sees
// it, from Next's cache (lib/cache/public-pages.ts; proxy.ts sends visitors here): what crawlers
// and shared links fetch. One entry per page and language, so a page past the last is not found
// rather than kept (the cache keeps only pages that answered 200).
export const dynamic = 'force-static';
export { generateMetadata } from '../../../../needs/page';

export default async function CachedNeedsListPage({ params }: PageProps<'/[locale]/cached/needs/page/[page]'>) {
  const { page } = await params;
  // This address can be asked for directly (proxy.ts lets the cached segment through): any other
  // form of a number would store a copy of page 1 (the list reads a bad page as the first), and
  // page 1 has its own entry (/cached/needs).
  if (!isListPageNumber(page) || page === '1') notFound();
  const plain = await enterCachedVariant(params, { publicPage: 'needs' });
  const { pageCount } = await listPublicNeeds(db, { page });
  if (Number(page) > pageCount) notFound();
  return <NeedsPage params={Promise.resolve(plain)} searchParams={Promise.resolve({ page })} />;
}
