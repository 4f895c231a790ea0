import { enterCachedVariant, metadataParams } from '@/lib/cache/cached-variant';
import NeedPage, { generateMetadata as needMetadata } from '../../../needs/[id]/page';

// A need's page from Next's cache: as an anonymous visitor sees it (lib/cache/public-pages.ts), and
// as a signed-in reader sees it, one entry per reader (lib/cache/reader-pages.ts); proxy.ts sends
// both here. Rendered on first request, one entry per need, language and reader.
export const dynamic = 'force-static';

export async function generateMetadata({ params }: PageProps<'/[locale]/cached/needs/[id]'>) {
  return needMetadata({ params: Promise.resolve(await metadataParams(params)), searchParams: Promise.resolve({}) });
}

export default async function CachedNeedPage({ params }: PageProps<'/[locale]/cached/needs/[id]'>) {
  const plain = await enterCachedVariant(params, { publicPage: 'need', perReader: true });
  return <NeedPage params={Promise.resolve(plain)} searchParams={Promise.resolve({})} />;
}
