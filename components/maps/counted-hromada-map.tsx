'use client';

import { useTranslations } from 'next-intl';
import { useMemo } from 'react';
import type { MapHromada } from '@/lib/needs/needs-map-payload';
import type { OpenNeedCountsPayload } from '@/lib/needs/open-need-counts-payload';
import { InteractiveHromadaMap, type MapFrame } from './interactive-hromada-map';
import { useMapPayload } from './use-map-payload';

// The facilitator dashboard's interactive map: the same map as the public one, its hromadas read
// from `dataUrl` (app/api/map/open-need-counts) rather than handed over in the page, which is
// rendered for every view while the counts are public and the same for everyone. Until they have
// arrived — and if they cannot be read — the server-drawn picture (`children`) stays in place.

export function CountedHromadaMap({ dataUrl, oblastNeedsPath, linkLabel, children, ...map }: {
  dataUrl: string;
  /** The needs list, `/en/needs`: a popup's link is `${oblastNeedsPath}?oblast=${oblastCode}`. */
  oblastNeedsPath: string;
  /** The popup's link, to the oblast's needs. */
  linkLabel: string;
} & MapFrame) {
  const t = useTranslations('map');
  const payload = useMapPayload<OpenNeedCountsPayload>(dataUrl);
  const hromadas = useMemo<MapHromada[]>(() => (payload && payload !== 'failed' ? payload.hromadas.map((hromada) => ({
    code: hromada.code,
    nameUk: hromada.nameUk,
    nameEn: hromada.nameEn,
    latitude: hromada.latitude,
    longitude: hromada.longitude,
    status: hromada.status,
    openNeedsLabel: t('openNeeds', { count: hromada.openNeeds }),
    needs: [],
    moreLabel: linkLabel,
    moreHref: `${oblastNeedsPath}?${new URLSearchParams({ oblast: hromada.oblastCode })}`,
  })) : []), [payload, t, linkLabel, oblastNeedsPath]);

  if (payload === 'failed') return <><p role="status" className="text-sm text-muted">{map.text.loadFailed}</p>{children}</>;
  if (payload === null) return <>{children}</>;
  return <InteractiveHromadaMap {...map} hromadas={hromadas} statuses={payload.statuses}>{children}</InteractiveHromadaMap>;
}
