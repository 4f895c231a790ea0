import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { HROMADA_SHAPES_URL } from '@/components/maps/hostility-colours';

// The boundaries the interactive map draws (public/maps, built by prisma/cli/build-hromada-boundaries.ts):
// the file the component asks for exists, stays small enough to send, and every shape names a
// hromada the platform knows, with the names the popup shows.

const file = path.resolve('public', HROMADA_SHAPES_URL.replace(/^\//, ''));
const hromadas = new Map(
  readFileSync(path.resolve('prisma/reference/hromadas.csv'), 'utf8').split('\n').slice(1).filter(Boolean)
    .map((line) => line.split(',')).map(([code, , , , nameUk, nameEn]) => [code, { nameUk, nameEn }]),
);

describe('hromada boundaries file', () => {
  it('is the one the map loads, and under 3 MB', () => {
    expect(statSync(file).size).toBeLessThan(3 * 1024 * 1024);
  });

  it('holds polygons for most hromadas, each a known one with its reference names', () => {
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
    const shapes = feature(topology, topology.objects.hromadas) as unknown as GeoJSON.FeatureCollection<GeoJSON.Geometry, { code: string; nameUk: string; nameEn: string }>;
    expect(shapes.features.length).toBeGreaterThan(1400);
    const codes = new Set<string>();
    for (const shape of shapes.features) {
      expect(['Polygon', 'MultiPolygon']).toContain(shape.geometry.type);
      expect(hromadas.get(shape.properties.code)).toEqual({ nameUk: shape.properties.nameUk, nameEn: shape.properties.nameEn });
      expect(codes.has(shape.properties.code)).toBe(false);
      codes.add(shape.properties.code);
    }
  });

  it('lies within Ukraine (longitude, latitude in WGS84)', () => {
    const topology = JSON.parse(readFileSync(file, 'utf8')) as Topology;
    const rings = (feature(topology, topology.objects.hromadas) as unknown as GeoJSON.FeatureCollection).features.flatMap((shape) => {
      const geometry = shape.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon;
      return geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
    });
    const points = rings.flat();
    const extent = points.reduce(
      ([west, south, east, north], [lon, lat]) => [Math.min(west, lon), Math.min(south, lat), Math.max(east, lon), Math.max(north, lat)],
      [Infinity, Infinity, -Infinity, -Infinity],
    );
    expect(extent[0]).toBeGreaterThan(22);
    expect(extent[1]).toBeGreaterThan(44.3);
    expect(extent[2]).toBeLessThan(40.3);
    expect(extent[3]).toBeLessThan(52.4);
  });
});
