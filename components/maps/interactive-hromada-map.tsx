'use client';

import 'leaflet/dist/leaflet.css';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { Layer, Map as LeafletMap, Path } from 'leaflet';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Topology } from 'topojson-specification';
import type { HostilityStatus } from '@/lib/generated/prisma/enums';
import type { MapHromada } from '@/lib/needs/needs-map-payload';
import { HOSTILITY_COLOURS } from './hostility-colours';

// Leaflet with a GeoJSON layer and no tile layer: everything it draws comes from this site (the
// boundaries file and the page's own data), so it works offline, needs no worker or eval (the
// CSP stays as it is) and renders as SVG paths, which a test can click. Until it is ready — and
// without JavaScript — the server-drawn picture passed as `children` stays in its place.

export type MapText = {
  label: string;
  attribution: string;
  noNeeds: string;
  zoomIn: string;
  zoomOut: string;
  loadFailed: string;
  closePopup: string;
};

type ShapeProperties = { code: string; nameUk: string; nameEn: string };

const UKRAINE: [[number, number], [number, number]] = [[44.2, 22.0], [52.5, 40.3]];

export function InteractiveHromadaMap({
  shapesUrl, hromadas, needsPath, moreHref, statuses, statusLabels, text, readsUkrainian, children,
}: {
  shapesUrl: string;
  hromadas: MapHromada[];
  /** The reader's address of the needs, `/en/needs`: a need's is `${needsPath}/${id}`. */
  needsPath: string;
  /** Where "and N more" leads: the needs list with the same filters. */
  moreHref: string;
  /** The codes of the hromadas of each status but NONE (hromada-map.tsx byStatus). */
  statuses: Partial<Record<HostilityStatus, string[]>>;
  statusLabels: Record<HostilityStatus, string>;
  text: MapText;
  readsUkrainian: boolean;
  children: ReactNode;
}) {
  const container = useRef<HTMLDivElement>(null);
  const shapes = useRef<FeatureCollection<Geometry, ShapeProperties> | null>(null);
  const [phase, setPhase] = useState<'loading' | 'ready' | 'failed'>('loading');

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [response, topojson] = await Promise.all([fetch(shapesUrl), import('topojson-client')]);
        if (!response.ok) throw new Error(`${shapesUrl}: ${response.status}`);
        const topology = (await response.json()) as Topology;
        shapes.current = topojson.feature(topology, topology.objects.hromadas) as FeatureCollection<Geometry, ShapeProperties>;
        if (!cancelled) setPhase('ready');
      } catch {
        if (!cancelled) setPhase('failed');
      }
    })();
    return () => { cancelled = true; };
  }, [shapesUrl]);

  useEffect(() => {
    if (phase !== 'ready' || !container.current || !shapes.current) return;
    let map: LeafletMap | null = null;
    let cancelled = false;
    (async () => {
      const L = (await import('leaflet')).default;
      if (cancelled || !container.current || !shapes.current) return;
      map = L.map(container.current, { zoomControl: false, zoomSnap: 0.25, minZoom: 4, maxZoom: 12, maxBounds: [[41, 16], [57, 46]] });
      L.control.zoom({ zoomInTitle: text.zoomIn, zoomOutTitle: text.zoomOut }).addTo(map);
      map.attributionControl.setPrefix(false).addAttribution(text.attribution);
      map.fitBounds(UKRAINE);

      const withNeeds = new Map(hromadas.map((h) => [h.code, h]));
      const statusOf = new Map(Object.entries(statuses).flatMap(([status, codes]) => codes.map((code) => [code, status as HostilityStatus])));
      const drawn = new Set<string>();
      const popupFor = (code: string, fallbackName: ShapeProperties | null) =>
        popupContent(withNeeds.get(code), fallbackName, statusOf.get(code) ?? 'NONE', statusLabels, text, readsUkrainian, needsPath, moreHref);
      const open = (layer: Layer, code: string, at: [number, number], fallbackName: ShapeProperties | null) => {
        // Titles read in translation carry a marker, so a popup of five needs can be tall: it scrolls
        // rather than reaching past the map's top edge, where nothing in it could be clicked.
        layer.bindPopup(popupFor(code, fallbackName), { maxWidth: 280, maxHeight: 220, autoPanPadding: [12, 12] }).openPopup(at);
        // Leaflet names its close button in English.
        layer.getPopup()?.getElement()?.querySelector('.leaflet-popup-close-button')?.setAttribute('aria-label', text.closePopup);
      };

      L.geoJSON(shapes.current, {
        style: (feature) => {
          const code = feature?.properties.code ?? '';
          const active = withNeeds.has(code);
          return {
            fillColor: HOSTILITY_COLOURS[statusOf.get(code) ?? 'NONE'],
            fillOpacity: active ? 0.8 : 0.18,
            color: active ? '#1f2937' : '#ffffff',
            weight: active ? 1.2 : 0.4,
            className: active ? `hromada-shape has-needs hromada-${code}` : 'hromada-shape',
          };
        },
        onEachFeature: (feature: Feature<Geometry, ShapeProperties>, layer) => {
          const { code } = feature.properties;
          drawn.add(code);
          const hromada = withNeeds.get(code);
          const at = (): [number, number] => (hromada ? [hromada.latitude, hromada.longitude] : centreOf(layer));
          layer.on('click', () => open(layer, code, at(), feature.properties));
          if (hromada) layer.on('add', () => makeFocusable(layer as Path, hromada, readsUkrainian, () => open(layer, code, at(), null)));
        },
      }).addTo(map);

      // Hromadas the boundaries file does not have (Crimea, Kyiv, Sevastopol…) are drawn as points.
      for (const hromada of hromadas.filter((h) => !drawn.has(h.code))) {
        const marker = L.circleMarker([hromada.latitude, hromada.longitude], {
          radius: 7, fillColor: HOSTILITY_COLOURS[hromada.status], fillOpacity: 0.9, color: '#1f2937', weight: 1.2,
          className: `hromada-shape has-needs hromada-${hromada.code}`,
        });
        const at: [number, number] = [hromada.latitude, hromada.longitude];
        marker.on('click', () => open(marker, hromada.code, at, null));
        marker.on('add', () => makeFocusable(marker, hromada, readsUkrainian, () => open(marker, hromada.code, at, null)));
        marker.addTo(map);
      }
    })();
    return () => {
      cancelled = true;
      map?.remove();
    };
  }, [phase, hromadas, needsPath, moreHref, statuses, statusLabels, text, readsUkrainian]);

  return (
    <>
      <div
        ref={container}
        role="region"
        aria-label={text.label}
        data-testid="interactive-map"
        hidden={phase !== 'ready'}
        className="isolate h-[min(70vh,34rem)] w-full rounded-lg border border-line bg-wash"
      />
      {phase === 'failed' && <p role="status" className="text-sm text-muted">{text.loadFailed}</p>}
      {phase !== 'ready' && children}
    </>
  );
}

/** What a map that reads its hromadas from a data route passes on: everything but the hromadas. */
export type MapFrame = Omit<Parameters<typeof InteractiveHromadaMap>[0], 'hromadas' | 'statuses'>;

function centreOf(layer: Layer): [number, number] {
  const centre = (layer as unknown as { getBounds(): { getCenter(): { lat: number; lng: number } } }).getBounds().getCenter();
  return [centre.lat, centre.lng];
}

/** Shapes with needs are reachable by keyboard: Tab to one, Enter or Space opens its popup. */
function makeFocusable(layer: Path, hromada: MapHromada, readsUkrainian: boolean, open: () => void) {
  const element = layer.getElement();
  if (!element || element.hasAttribute('tabindex')) return;
  element.setAttribute('tabindex', '0');
  element.setAttribute('role', 'button');
  element.setAttribute('aria-label', `${readsUkrainian ? hromada.nameUk : hromada.nameEn} — ${hromada.openNeedsLabel}`);
  element.addEventListener('keydown', (event) => {
    const key = (event as KeyboardEvent).key;
    if (key === 'Enter' || key === ' ') {
      event.preventDefault();
      open();
    }
  });
}

/** Built as DOM nodes, never as HTML strings: need titles are what municipalities typed. */
function popupContent(
  hromada: MapHromada | undefined,
  shape: ShapeProperties | null,
  status: HostilityStatus,
  statusLabels: Record<HostilityStatus, string>,
  text: MapText,
  readsUkrainian: boolean,
  needsPath: string,
  moreHref: string,
): HTMLElement {
  const root = document.createElement('div');
  root.className = 'grid gap-1 text-sm';
  root.dataset.testid = 'map-popup';
  const heading = document.createElement('strong');
  const nameUk = hromada?.nameUk ?? shape?.nameUk ?? '';
  const ukrainian = document.createElement('span');
  ukrainian.lang = 'uk';
  ukrainian.textContent = nameUk;
  if (readsUkrainian) heading.append(ukrainian);
  else heading.append(`${hromada?.nameEn ?? shape?.nameEn ?? ''} (`, ukrainian, ')');
  root.append(heading);
  const statusLine = document.createElement('div');
  const swatch = document.createElement('span');
  swatch.setAttribute('aria-hidden', 'true');
  swatch.className = 'mr-1.5 inline-block size-3 rounded-full align-[-0.05rem]';
  swatch.style.background = HOSTILITY_COLOURS[hromada?.status ?? status];
  statusLine.append(swatch, statusLabels[hromada?.status ?? status]);
  root.append(statusLine);
  if (!hromada) {
    const none = document.createElement('div');
    none.textContent = text.noNeeds;
    root.append(none);
    return root;
  }
  const count = document.createElement('div');
  count.textContent = hromada.openNeedsLabel;
  root.append(count);
  const list = document.createElement('ul');
  list.className = 'm-0 list-disc pl-5';
  for (const need of hromada.needs) {
    const item = document.createElement('li');
    const link = document.createElement('a');
    link.href = `${needsPath}/${need.id}`;
    link.textContent = need.title;
    link.lang = need.lang;
    item.append(link);
    if (need.marker) {
      const marker = document.createElement('span');
      marker.className = 'ms-1.5 text-sm text-muted';
      marker.textContent = need.marker;
      item.append(marker);
    }
    list.append(item);
  }
  root.append(list);
  if (hromada.moreLabel) {
    const more = document.createElement('a');
    more.href = hromada.moreHref ?? moreHref;
    more.textContent = hromada.moreLabel;
    root.append(more);
  }
  return root;
}
