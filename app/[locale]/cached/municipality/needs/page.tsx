import { enterCachedVariant, metadataParams } from '@/lib/cache/cached-variant';
import OurNeedsPage, { generateMetadata as ourNeedsMetadata } from '../../../municipality/needs/page';

// A hromada's own needs as one of its representatives sees them, from Next's cache
// (lib/cache/reader-pages.ts; proxy.ts sends a signed-in municipality representative here).
export const dynamic = 'force-static';

export async function generateMetadata({ params }: PageProps<'/[locale]/cached/municipality/needs'>) {
  await metadataParams(params);
  return ourNeedsMetadata();
}

export default async function CachedOurNeedsPage({ params }: PageProps<'/[locale]/cached/municipality/needs'>) {
  await enterCachedVariant(params, { perReader: true });
  return <OurNeedsPage />;
}
