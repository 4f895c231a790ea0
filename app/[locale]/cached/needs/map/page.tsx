import { setRequestLocale } from 'next-intl/server';
import { tagPage } from '@/lib/cache/tag-page';
import NeedsPage from '../../../needs/page';

// The needs map without filters (/needs?view=map) as an anonymous visitor sees it, from Next's
// cache (lib/cache/public-pages.ts; proxy.ts sends visitors here).
export const dynamic = 'force-static';
export { generateMetadata } from '../../../needs/page';

export default async function CachedNeedsMapPage({ params }: PageProps<'/[locale]/cached/needs/map'>) {
  setRequestLocale((await params).locale);
  await tagPage('needs');
  return <NeedsPage params={params} searchParams={Promise.resolve({ view: 'map' })} />;
}
