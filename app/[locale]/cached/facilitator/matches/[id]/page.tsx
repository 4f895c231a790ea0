import { enterCachedVariant, metadataParams } from '@/lib/cache/cached-variant';
import MatchCardPage, { generateMetadata as cardMetadata } from '../../../../facilitator/matches/[id]/page';

// A match's card as one facilitator sees it, from Next's cache (lib/cache/reader-pages.ts;
// proxy.ts sends a signed-in facilitator here).
export const dynamic = 'force-static';

export async function generateMetadata({ params }: PageProps<'/[locale]/cached/facilitator/matches/[id]'>) {
  await metadataParams(params);
  return cardMetadata();
}

export default async function CachedMatchCardPage({ params }: PageProps<'/[locale]/cached/facilitator/matches/[id]'>) {
  const plain = await enterCachedVariant(params, { perReader: true });
  return <MatchCardPage params={Promise.resolve(plain)} searchParams={Promise.resolve({})} />;
}
