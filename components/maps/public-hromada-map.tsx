'use client';

import type { NeedsMapPayload } from '@/lib/needs/needs-map-payload';
import { InteractiveHromadaMap, type MapFrame } from './interactive-hromada-map';
import { useMapPayload } from './use-map-payload';

// The public needs map's interactive part: its hromadas, titles and labels read from `dataUrl`
// (app/api/map/needs), already in the reader's language, rather than handed over in the page.
// Until they have arrived — and if they cannot be read — the server-drawn picture stays in place.

export function PublicHromadaMap({ dataUrl, children, ...map }: MapFrame & { dataUrl: string }) {
  const payload = useMapPayload<NeedsMapPayload>(dataUrl);
  if (payload === 'failed') return <><p role="status" className="text-sm text-muted">{map.text.loadFailed}</p>{children}</>;
  if (payload === null) return <>{children}</>;
  return <InteractiveHromadaMap {...map} hromadas={payload.hromadas} statuses={payload.statuses}>{children}</InteractiveHromadaMap>;
}
