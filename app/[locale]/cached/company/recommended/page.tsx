import { enterCachedVariant, metadataParams } from '@/lib/cache/cached-variant';
import RecommendedPage, { generateMetadata as recommendedMetadata } from '../../../company/recommended/page';

// A company's recommended needs as one of its representatives sees them, from Next's cache
// (lib/cache/reader-pages.ts; proxy.ts sends a signed-in company representative here).
export const dynamic = 'force-static';

export async function generateMetadata({ params }: PageProps<'/[locale]/cached/company/recommended'>) {
  await metadataParams(params);
  return recommendedMetadata();
}

export default async function CachedRecommendedPage({ params }: PageProps<'/[locale]/cached/company/recommended'>) {
  const plain = await enterCachedVariant(params, { perReader: true });
  return <RecommendedPage params={Promise.resolve(plain)} searchParams={Promise.resolve({})} />;
}
