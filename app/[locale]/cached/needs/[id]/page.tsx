import { setRequestLocale } from 'next-intl/server';
import { tagPage } from '@/lib/cache/tag-page';
import NeedPage from '../../../needs/[id]/page';

// A need's page as an anonymous visitor sees it, from Next's cache (lib/cache/public-pages.ts;
// proxy.ts sends visitors here). Rendered on first request, one entry per need and language.
export const dynamic = 'force-static';
export { generateMetadata } from '../../../needs/[id]/page';

export default async function CachedNeedPage({ params }: PageProps<'/[locale]/cached/needs/[id]'>) {
  setRequestLocale((await params).locale);
  await tagPage('need');
  return <NeedPage params={params} searchParams={Promise.resolve({})} />;
}
