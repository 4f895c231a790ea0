import { enterCachedVariant } from '@/lib/cache/cached-variant';
import NeedsPage from '../../needs/page';

// The needs list without filters as an anonymous visitor sees it, from Next's cache
// (lib/cache/public-pages.ts; proxy.ts sends visitors here).
export const dynamic = 'force-static';
export { generateMetadata } from '../../needs/page';

export default async function CachedNeedsPage({ params }: PageProps<'/[locale]/cached/needs'>) {
  const plain = await enterCachedVariant(params, { publicPage: 'needs' });
  return <NeedsPage params={Promise.resolve(plain)} searchParams={Promise.resolve({})} />;
}
