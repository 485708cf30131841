// @vitest-environment node
/**
 * The prepared world geometry (public/geo/*.geojson) is drawable by MapLibre in
 * Web Mercator and is exactly what scripts/prepare-geometry.ts produces today.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MultiLineString, Position } from 'geojson';
import type { Topology } from 'topojson-specification';
import {
  prepareGeometry,
  serializeFeatureCollection,
  type BorderCollection,
  type CountryCollection,
  type CountryFeature,
  type PreparedGeometry,
} from '../../scripts/geometry/prepare-countries.ts';

const root = process.cwd();
const countriesText = readFileSync(join(root, 'public/geo/countries.geojson'), 'utf8');
const bordersText = readFileSync(join(root, 'public/geo/borders.geojson'), 'utf8');
const countries = JSON.parse(countriesText) as CountryCollection;
const borders = JSON.parse(bordersText) as BorderCollection;
const features = countries.features as CountryFeature[];

function polygonsOf(f: CountryFeature): Position[][][] {
  return f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
}

function byIso3(iso3: string): CountryFeature {
  const found = features.find((f) => f.properties.iso3 === iso3);
  if (!found) throw new Error(`${iso3} missing`);
  return found;
}

function label(f: CountryFeature): string {
  return f.properties.iso3 ?? f.properties.name;
}

/** Largest jump in longitude between consecutive vertices. */
function maxLongitudeJump(line: Position[]): number {
  let max = 0;
  for (let i = 1; i < line.length; i++) max = Math.max(max, Math.abs(line[i]![0]! - line[i - 1]![0]!));
  return max;
}

function signedArea(ring: Position[]): number {
  let sum = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    sum += ring[j]![0]! * ring[i]![1]! - ring[i]![0]! * ring[j]![1]!;
  }
  return sum / 2;
}

function inRing([x, y]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const [xi, yi] = ring[i] as [number, number];
    const [xj, yj] = ring[j] as [number, number];
    if (yi > y! !== yj > y! && x! < ((xj - xi) * (y! - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Planar point-in-polygon, holes excluded. */
function inFeature(point: Position, f: CountryFeature): boolean {
  return polygonsOf(f).some(([exterior, ...holes]) => inRing(point, exterior!) && !holes.some((h) => inRing(point, h)));
}

function allRings(f: CountryFeature): Position[][] {
  return polygonsOf(f).flat();
}

describe('public/geo/countries.geojson', () => {
  it('is a FeatureCollection with one feature per shape and unique small integer ids', () => {
    expect(countries.type).toBe('FeatureCollection');
    expect(features.length).toBeGreaterThan(200);
    const ids = features.map((f) => f.id);
    expect(ids.every((id) => Number.isInteger(id) && id > 0 && id <= features.length)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('keys shapes by unique ISO alpha-3 codes; shapes without a code keep a name and iso3 null', () => {
    const codes = features.map((f) => f.properties.iso3).filter((c): c is string => c !== null);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.every((c) => /^[A-Z]{3}$/.test(c))).toBe(true);
    for (const f of features) {
      expect(f.properties).toHaveProperty('iso3');
      expect(f.properties.name.length).toBeGreaterThan(0);
    }
    const uncoded = features.filter((f) => f.properties.iso3 === null).map((f) => f.properties.name);
    expect(uncoded).toEqual(expect.arrayContaining(['Kosovo', 'N. Cyprus', 'Somaliland']));
  });

  it.each(['AND', 'SGP', 'TTO', 'VNM', 'CHN', 'ATA', 'RUS', 'FJI', 'USA'])('has %s as a drawable shape', (iso3) => {
    const f = byIso3(iso3);
    expect(polygonsOf(f).length).toBeGreaterThan(0);
    for (const ring of allRings(f)) expect(Math.abs(signedArea(ring))).toBeGreaterThan(0);
  });

  it('has no ring that jumps 180° or more of longitude between consecutive vertices', () => {
    const streaks = features.flatMap((f) =>
      allRings(f)
        .map(maxLongitudeJump)
        .filter((jump) => jump >= 180)
        .map((jump) => `${label(f)}: ${jump}`),
    );
    expect(streaks).toEqual([]);
  });

  it.each(['RUS', 'FJI', 'USA'])('cuts %s at the antimeridian instead of streaking or dropping a side', (iso3) => {
    const rings = allRings(byIso3(iso3));
    expect(Math.max(...rings.map(maxLongitudeJump))).toBeLessThan(180);
    const lons = rings.flat().map((p) => p[0]!);
    expect(Math.min(...lons)).toBeLessThan(-170);
    expect(Math.max(...lons)).toBeGreaterThan(170);
  });

  it('keeps every coordinate within [-180, 180] × [-90, 90]', () => {
    const bad = features.flatMap((f) =>
      allRings(f)
        .flat()
        .filter(([x, y]) => !(Math.abs(x!) <= 180 && Math.abs(y!) <= 90))
        .map((p) => `${label(f)} ${JSON.stringify(p)}`),
    );
    expect(bad).toEqual([]);
  });

  it('has closed rings wound as RFC 7946 says, holes inside their exterior', () => {
    for (const f of features) {
      for (const [exterior, ...holes] of polygonsOf(f)) {
        for (const ring of [exterior!, ...holes]) {
          expect(ring.length, label(f)).toBeGreaterThanOrEqual(4);
          expect(ring[0], label(f)).toEqual(ring[ring.length - 1]);
        }
        expect(signedArea(exterior!), label(f)).toBeGreaterThan(0);
        for (const hole of holes) {
          expect(signedArea(hole), label(f)).toBeLessThan(0);
          const [a, b] = hole as [Position, Position];
          const mid = [(a[0]! + b[0]!) / 2, (a[1]! + b[1]!) / 2];
          expect(inRing(mid, exterior!), `${label(f)} hole`).toBe(true);
        }
      }
    }
  });

  it('fills Antarctica as a planar polygon spanning the map from -180 to 180 down to the pole', () => {
    const ata = byIso3('ATA');
    const mainland = polygonsOf(ata)
      .map((polygon) => polygon[0]!)
      .sort((a, b) => Math.abs(signedArea(b)) - Math.abs(signedArea(a)))[0]!;
    const lons = mainland.map((p) => p[0]!);
    const lats = mainland.map((p) => p[1]!);
    expect(Math.min(...lons)).toBe(-180);
    expect(Math.max(...lons)).toBe(180);
    expect(Math.min(...lats)).toBeLessThanOrEqual(-85);
    expect(mainland[0]).toEqual(mainland[mainland.length - 1]);
    expect(maxLongitudeJump(mainland)).toBeLessThan(180);
    // The land, not the ocean around it: the pole is inside, the Southern Ocean is not.
    expect(signedArea(mainland)).toBeGreaterThan(1000);
    expect(inFeature([0, -88], ata)).toBe(true);
    expect(inFeature([179.9, -86], ata)).toBe(true);
    expect(inFeature([-179.9, -86], ata)).toBe(true);
    expect(inFeature([0, -55], ata)).toBe(false);
  });

  it('places every label point inside its own shape, and gives every shape a positive area', () => {
    const outside = features.filter((f) => !inFeature(f.properties.labelPoint, f)).map(label);
    expect(outside).toEqual([]);
    for (const f of features) expect(f.properties.area, label(f)).toBeGreaterThan(0);
    // Steradians on the unit sphere: Russia's 17.1 million km² within 3%.
    const russiaKm2 = byIso3('RUS').properties.area * 6371.0088 ** 2;
    expect(Math.abs(russiaKm2 / 17.1e6 - 1)).toBeLessThan(0.03);
    expect(byIso3('AND').properties.area).toBeLessThan(byIso3('TTO').properties.area);
  });
});

describe('public/geo/borders.geojson', () => {
  it('is a MultiLineString of land borders without antimeridian streaks', () => {
    const geometry = borders.features[0]?.geometry as MultiLineString;
    expect(geometry.type).toBe('MultiLineString');
    expect(geometry.coordinates.length).toBeGreaterThan(100);
    for (const line of geometry.coordinates) {
      expect(maxLongitudeJump(line)).toBeLessThan(180);
      for (const [x, y] of line) expect(Math.abs(x!) <= 180 && Math.abs(y!) <= 90).toBe(true);
    }
  });
});

describe('the prepared files', () => {
  let prepared: PreparedGeometry;
  beforeAll(() => {
    const topology = JSON.parse(
      readFileSync(join(root, 'node_modules/world-atlas/countries-50m.json'), 'utf8'),
    ) as Topology;
    prepared = prepareGeometry(topology);
  });

  it('are what `npm run geometry` produces now (regenerate them if this fails)', () => {
    expect(serializeFeatureCollection(prepared.countries) === countriesText).toBe(true);
    expect(serializeFeatureCollection(prepared.borders) === bordersText).toBe(true);
  });
});
