import { enterCachedVariant } from '@/lib/cache/cached-variant';
import HomePage from '../page';

// The home page as an anonymous visitor sees it, rendered once and served from Next's cache
// until a table it reads changes (lib/cache/public-pages.ts; proxy.ts sends visitors here).
export const dynamic = 'force-static';

export default async function CachedHomePage({ params }: PageProps<'/[locale]/cached'>) {
  await enterCachedVariant(params, { publicPage: 'home' });
  return <HomePage />;
}
