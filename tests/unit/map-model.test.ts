// @vitest-environment node
/**
 * What the map draws, on the real dataset and the prepared geometry: fill
 * colours per country, and markers for organisations and for countries too
 * small to click at the world view.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { Countries } from '../../src/data/get-countries';
import { parseDataset, formatProblem } from '../../src/domain/dataset-validation';
import type { Dataset } from '../../src/domain/dataset-schema';
import { buildLegend } from '../../src/domain/legend';
import { colourByIso3, countryShapeOf, markerPlaces, placeBounds, stylePlaces, type CountryShape } from '../../src/domain/map-model';
import { NEUTRALS } from '../../src/domain/palette';
import { buildPlaces, type Place } from '../../src/domain/places';
import {
  MIN_CLICKABLE_AREA_PX2,
  REFERENCE_VIEWPORT,
  WORLD_BOUNDS,
  areaInPixels,
  isTooSmallToClick,
  worldZoom,
} from '../../src/domain/world-view';

function load(): Dataset {
  const result = parseDataset(JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')));
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}
const dataset = load();
const countries = JSON.parse(readFileSync(resolve(process.cwd(), 'public/geo/countries.geojson'), 'utf8')) as Countries;
const shapes = new Map<string, CountryShape>();
const features = new Map<string, Countries['features'][number]>();
for (const feature of countries.features) {
  const iso3 = feature.properties.iso3;
  if (iso3) {
    shapes.set(iso3, countryShapeOf(feature));
    features.set(iso3, feature);
  }
}
const places = buildPlaces(dataset);
const legend = buildLegend(dataset, places);
const colourOf = (id: string) => legend.find((e) => e.id === id)!.colour;
const markers = markerPlaces(places, shapes);
const markerOf = (key: string) => markers.find((m) => m.key === key);

/** Planar even-odd point-in-polygon over all rings of a (multi)polygon. */
function contains(feature: Feature<Polygon | MultiPolygon>, [x, y]: [number, number]): boolean {
  const polygons: Position[][][] =
    feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
  let inside = false;
  for (const ring of polygons.flat()) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as [number, number];
      const [xj, yj] = ring[j] as [number, number];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
    }
  }
  return inside;
}

function square(lng: number, lat: number, size: number, clockwise = false): Feature<Polygon> {
  const ring: Position[] = [
    [lng, lat],
    [lng + size, lat],
    [lng + size, lat + size],
    [lng, lat + size],
    [lng, lat],
  ];
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [clockwise ? ring.reverse() : ring] } };
}

describe('markers on the real geometry', () => {
  it.each(['AND', 'SGP', 'TTO', 'DJI'])('%s is too small to click and gets a marker inside its shape', (iso3) => {
    const marker = markerOf(iso3);
    expect(marker).toMatchObject({ key: iso3, kind: 'country', reason: 'small' });
    expect(contains(features.get(iso3)!, marker!.lngLat)).toBe(true);
  });

  it.each(['VNM', 'RUS', 'GBR', 'USA', 'LAO'])('%s is big enough: no marker', (iso3) => {
    expect(shapes.has(iso3)).toBe(true);
    expect(isTooSmallToClick(shapes.get(iso3)!.area)).toBe(false);
    expect(markerOf(iso3)).toBeUndefined();
  });

  it('marks both organisations at their headquarters', () => {
    expect(markerOf('interpol-general-secretariat')).toEqual({
      key: 'interpol-general-secretariat',
      lngLat: [4.85, 45.78],
      kind: 'organization',
      reason: 'organization',
    });
    expect(markerOf('un-police-division')).toEqual({
      key: 'un-police-division',
      lngLat: [-73.968, 40.749],
      kind: 'organization',
      reason: 'organization',
    });
  });

  it('gives every small sending country a marker, and only those', () => {
    const zoom = worldZoom(REFERENCE_VIEWPORT.width, REFERENCE_VIEWPORT.height);
    const expected = places
      .filter((p) => p.kind === 'country' && areaInPixels(features.get(p.iso3!)!, zoom) < MIN_CLICKABLE_AREA_PX2)
      .map((p) => p.key);
    expect(markers.filter((m) => m.reason === 'small').map((m) => m.key)).toEqual(expected);
    expect(expected).toEqual(expect.arrayContaining(['AND', 'SGP', 'TTO', 'DJI']));
  });

  it('leaves no sending place unclickable: a shape or a marker', () => {
    for (const place of places) {
      const reachable = (place.iso3 !== null && shapes.has(place.iso3)) || markerOf(place.key) !== undefined;
      expect(reachable, place.key).toBe(true);
    }
  });
});

describe('placeBounds', () => {
  it("boxes a country's largest polygon: Russia, cut at the antimeridian, does not span the globe", () => {
    const russia = places.find((p) => p.iso3 === 'RUS')!;
    const [[west, south], [east, north]] = placeBounds(russia, shapes)!;
    expect(west).toBeGreaterThan(20);
    expect(east).toBeLessThanOrEqual(180);
    expect(south).toBeGreaterThan(40);
    expect(north).toBeLessThan(85);
  });

  it('pads a small country to the minimum span and boxes an organisation around its headquarters', () => {
    const andorra = places.find((p) => p.iso3 === 'AND')!;
    const [[w, s], [e, n]] = placeBounds(andorra, shapes)!;
    expect(e - w).toBeCloseTo(6, 6);
    expect(n - s).toBeCloseTo(6, 6);
    const interpol = places.find((p) => p.kind === 'organization' && p.location)!;
    const box = placeBounds(interpol, shapes)!;
    expect((box[0][0] + box[1][0]) / 2).toBeCloseTo(interpol.location![0], 6);
  });
});

describe('markers on synthetic places', () => {
  const vietnam = places.find((p) => p.key === 'VNM')!;
  const andorra = places.find((p) => p.key === 'AND')!;

  it('puts a country without a shape at its given location, and skips it without one', () => {
    const noShape: Place = { ...vietnam, location: [105, 21] };
    expect(markerPlaces([noShape], new Map())).toEqual([{ key: 'VNM', lngLat: [105, 21], kind: 'country', reason: 'no-shape' }]);
    expect(markerPlaces([vietnam], new Map())).toEqual([]);
  });

  it("prefers a small country's given location to its label point", () => {
    const moved: Place = { ...andorra, location: [1.5, 42.5] };
    expect(markerPlaces([moved], shapes)).toEqual([{ key: 'AND', lngLat: [1.5, 42.5], kind: 'country', reason: 'small' }]);
  });

  it('skips an organisation without a location', () => {
    const interpol = places.find((p) => p.kind === 'organization')!;
    expect(markerPlaces([{ ...interpol, location: null }], shapes)).toEqual([]);
  });
});

describe('world view', () => {
  it('fits the world bounds to the viewport on one axis and within it on the other', () => {
    const [[west, south], [east, north]] = WORLD_BOUNDS;
    const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    for (const [w, h] of [
      [1280, 800],
      [800, 1280],
      [375, 667],
    ] as const) {
      const z = worldZoom(w, h);
      const worldPx = 512 * 2 ** z;
      const widthPx = ((east - west) / 360) * worldPx;
      const heightPx = ((mercY(north) - mercY(south)) / (2 * Math.PI)) * worldPx;
      expect(widthPx).toBeLessThanOrEqual(w + 1e-6);
      expect(heightPx).toBeLessThanOrEqual(h + 1e-6);
      expect(Math.max(widthPx / w, heightPx / h)).toBeCloseTo(1, 9);
    }
  });

  it('zooms in by one when the viewport doubles', () => {
    expect(worldZoom(2560, 1600) - worldZoom(1280, 800)).toBeCloseTo(1, 9);
  });

  it('measures a one-degree square at the equator as (512/360)² px² at zoom 0, ×4 per zoom, either winding', () => {
    const px = (512 / 360) ** 2;
    expect(areaInPixels(square(0, 0, 1), 0)).toBeCloseTo(px, 2);
    expect(areaInPixels(square(0, 0, 1, true), 0)).toBeCloseTo(px, 2);
    expect(areaInPixels(square(0, 0, 1), 2)).toBeCloseTo(px * 16, 1);
    // Further north Mercator stretches it north–south (about twice at 60°).
    const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));
    const north = (512 / 360) * (((mercY(61) - mercY(60)) / (2 * Math.PI)) * 512);
    expect(areaInPixels(square(0, 60, 1), 0)).toBeCloseTo(north, 3);
    expect(north / px).toBeGreaterThan(2);
  });

  it('calls a shape too small below 40 px² at the reference view', () => {
    const z = worldZoom(REFERENCE_VIEWPORT.width, REFERENCE_VIEWPORT.height);
    const pxPerDegree = (512 * 2 ** z) / 360;
    const side = (s: number) => Math.sqrt(s) / pxPerDegree;
    expect(isTooSmallToClick(areaInPixels(square(0, 0, side(36)), 0))).toBe(true);
    expect(isTooSmallToClick(areaInPixels(square(0, 0, side(44)), 0))).toBe(false);
    expect(isTooSmallToClick(shapes.get('AND')!.area)).toBe(true);
    expect(isTooSmallToClick(shapes.get('VNM')!.area)).toBe(false);
  });
});

describe('stylePlaces and colourByIso3', () => {
  it('colours every sending country by its primary theme, and no organisation or non-sender', () => {
    const fills = colourByIso3(places, stylePlaces(places, legend, new Set(), 'light'));
    const countryPlaces = places.filter((p) => p.kind === 'country');
    expect(fills.size).toBe(countryPlaces.length);
    expect(fills.get('VNM')).toBe(colourOf('counter_terrorism'));
    expect(fills.get('AUS')).toBe(colourOf('drug_control'));
    expect(fills.get('RUS')).toBe(colourOf('public_security'));
    expect(fills.get('MNG')).toBe(colourOf('pandemic_response'));
    expect(fills.get('ARG')).toBe(NEUTRALS.goodwill);
    expect(fills.get('BRA')).toBe(NEUTRALS.listed);
    expect(fills.has('CHN')).toBe(false);
    expect(fills.has('IND')).toBe(false);
    expect([...fills.keys()].some((k) => k.includes('-'))).toBe(false);
  });

  it('with the drugs filter, leaves the four drug senders in the drug colour and fades the rest', () => {
    const styles = stylePlaces(places, legend, new Set(['drug_control']), 'light');
    expect(styles.size).toBe(places.length);
    const fills = colourByIso3(places, styles);
    for (const iso3 of ['VNM', 'MMR', 'AUS', 'USA']) expect(fills.get(iso3), iso3).toBe(colourOf('drug_control'));
    expect(styles.get('MNG')!.matches).toBe(false);
    expect(fills.get('MNG')).not.toBe(colourOf('pandemic_response'));
    expect(styles.get('interpol-general-secretariat')!.matches).toBe(false);
    expect([...styles.values()].filter((s) => s.matches)).toHaveLength(4);
  });

  it('skips a place with no style', () => {
    expect(colourByIso3(places, new Map()).size).toBe(0);
  });
});
