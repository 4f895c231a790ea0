import { setRequestLocale } from 'next-intl/server';
import { tagPage } from '@/lib/cache/tag-page';
import NeedsPage from '../../needs/page';

// The needs list without filters as an anonymous visitor sees it, from Next's cache
// (lib/cache/public-pages.ts; proxy.ts sends visitors here).
export const dynamic = 'force-static';
export { generateMetadata } from '../../needs/page';

export default async function CachedNeedsPage({ params }: PageProps<'/[locale]/cached/needs'>) {
  setRequestLocale((await params).locale);
  await tagPage('needs');
  return <NeedsPage params={params} searchParams={Promise.resolve({})} />;
}
