'use client';

import type { HostilityStatus } from '@/lib/generated/prisma/enums';
import { HromadaName } from '../names/hromada-name';
import type { MapHromada } from './interactive-hromada-map';

// The list below the map: every hromada on it with its status and first few needs — the way in
// for keyboards, screen readers and browsers without JavaScript (rendered on the server like any
// page). A client component only so that the page carries its data once: the popups read the same
// array, and React's payload holds that array instead of the list's elements as well.

export function HromadaNeedList({ hromadas, statusLabels, needsPath, moreHref, title }: {
  hromadas: MapHromada[];
  statusLabels: Record<HostilityStatus, string>;
  needsPath: string;
  moreHref: string;
  title: string;
}) {
  return (
    <details data-testid="map-list" className="rounded-lg border border-line bg-paper px-4 py-3">
      <summary className="cursor-pointer font-semibold">{title}</summary>
      <ul className="mt-2 grid gap-2 pl-5">
        {hromadas.map((hromada) => (
          <li key={hromada.code} data-hromada={hromada.code}>
            <HromadaName nameUk={hromada.nameUk} nameEn={hromada.nameEn} /> — {statusLabels[hromada.status]}, {hromada.openNeedsLabel}
            {/* Plain links, as in the popups: a page load of a need is served from the cache. */}
            <ul>
              {hromada.needs.map((need) => (
                <li key={need.id}>
                  <a href={`${needsPath}/${need.id}`} lang={need.lang}>{need.title}</a>
                  {need.marker ? <span className="ms-1.5 text-sm text-muted">{need.marker}</span> : null}
                </li>
              ))}
              {hromada.moreLabel ? <li><a href={moreHref}>{hromada.moreLabel}</a></li> : null}
            </ul>
          </li>
        ))}
      </ul>
    </details>
  );
}
