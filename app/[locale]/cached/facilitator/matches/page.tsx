import { enterCachedVariant, metadataParams } from '@/lib/cache/cached-variant';
import ReviewQueuePage, { generateMetadata as queueMetadata } from '../../../facilitator/matches/page';

// The review queue without filters, as one facilitator sees it, from Next's cache
// (lib/cache/reader-pages.ts; proxy.ts sends a signed-in facilitator here).
export const dynamic = 'force-static';

export async function generateMetadata({ params }: PageProps<'/[locale]/cached/facilitator/matches'>) {
  await metadataParams(params);
  return queueMetadata();
}

export default async function CachedReviewQueuePage({ params }: PageProps<'/[locale]/cached/facilitator/matches'>) {
  const plain = await enterCachedVariant(params, { perReader: true });
  return <ReviewQueuePage params={Promise.resolve(plain)} searchParams={Promise.resolve({})} />;
}
