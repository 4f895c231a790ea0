import { enterCachedVariant, metadataParams } from '@/lib/cache/cached-variant';
import DashboardPage, { generateMetadata as dashboardMetadata } from '../../../facilitator/dashboard/page';

// The facilitators' dashboard as one of them sees it, from Next's cache (lib/cache/reader-pages.ts;
// proxy.ts sends a signed-in facilitator here).
export const dynamic = 'force-static';

export async function generateMetadata({ params }: PageProps<'/[locale]/cached/facilitator/dashboard'>) {
  await metadataParams(params);
  return dashboardMetadata();
}

export default async function CachedDashboardPage({ params }: PageProps<'/[locale]/cached/facilitator/dashboard'>) {
  const plain = await enterCachedVariant(params, { perReader: true });
  return <DashboardPage params={Promise.resolve(plain)} searchParams={Promise.resolve({})} />;
}
