import { enterCachedVariant } from '@/lib/cache/cached-variant';
import NeedsPage from '../../../needs/page';

// The needs map without filters (/needs?view=map) as an anonymous visitor sees it, from Next's
// cache (lib/cache/public-pages.ts; proxy.ts sends visitors here).
export const dynamic = 'force-static';
export { generateMetadata } from '../../../needs/page';

export default async function CachedNeedsMapPage({ params }: PageProps<'/[locale]/cached/needs/map'>) {
  const plain = await enterCachedVariant(params, { publicPage: 'needs' });
  return <NeedsPage params={Promise.resolve(plain)} searchParams={Promise.resolve({ view: 'map' })} />;
}
