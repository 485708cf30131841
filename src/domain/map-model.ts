/**
 * What the map draws, derived from places and the legend selection: a colour
 * per sending country and the places that need a marker.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LegendEntry } from './legend';
import { placeStyle, type PlaceStyle } from './legend';
import type { SchemeName } from './palette';
import type { Place } from './places';
import { areaInPixels, isTooSmallToClick } from './world-view';

export type Bounds = [[number, number], [number, number]];

/** What the model needs of a country's shape (prepared at build time, see scripts/geometry/world-shapes.ts). */
export interface CountryShape {
  iso3: string | null;
  labelPoint: [number, number];
  /** West-south and east-north corners of the shape's largest polygon. */
  box: Bounds;
  /** Area in Web Mercator px² at zoom 0 (×4 per zoom level). */
  area: number;
}

/** A country's CountryShape, measured from its GeoJSON feature. */
export function countryShapeOf(
  feature: Feature<Polygon | MultiPolygon, { iso3: string | null; labelPoint: [number, number] }>,
): CountryShape {
  return {
    iso3: feature.properties.iso3,
    labelPoint: feature.properties.labelPoint,
    box: largestPolygonBox(feature.geometry),
    area: areaInPixels(feature, 0),
  };
}

/**
 * The bounding box of a shape's largest polygon (so Russia or the United
 * States, cut at the antimeridian, do not span the globe).
 */
export function largestPolygonBox(geometry: Polygon | MultiPolygon): Bounds {
  const polygons = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
  let best: number[][][] | undefined;
  let bestArea = -1;
  for (const polygon of polygons) {
    const area = Math.abs(ringArea(polygon[0] ?? []));
    if (area > bestArea) {
      bestArea = area;
      best = polygon;
    }
  }
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const [lng, lat] of best?.[0] ?? []) {
    west = Math.min(west, lng!);
    east = Math.max(east, lng!);
    south = Math.min(south, lat!);
    north = Math.max(north, lat!);
  }
  return [
    [west, south],
    [east, north],
  ];
}

export function stylePlaces(
  places: readonly Place[],
  legend: readonly LegendEntry[],
  selected: ReadonlySet<string>,
  scheme: SchemeName,
): Map<string, PlaceStyle> {
  return new Map(places.map((place) => [place.key, placeStyle(place, legend, selected, scheme)]));
}

export function colourByIso3(places: readonly Place[], styles: ReadonlyMap<string, PlaceStyle>): Map<string, string> {
  const out = new Map<string, string>();
  for (const place of places) {
    const style = styles.get(place.key);
    if (place.iso3 && style) out.set(place.iso3, style.colour);
  }
  return out;
}

export interface MarkerPlace {
  key: string;
  lngLat: [number, number];
  kind: Place['kind'];
  /** Why it has a marker: an organisation, a country too small to click, or one without a shape. */
  reason: 'organization' | 'small' | 'no-shape';
}

/**
 * Organisations get a marker at their location; countries get one inside
 * their shape when it is too small to click at the world view, or at their
 * given location when the geometry has no shape for them.
 */
export function markerPlaces(places: readonly Place[], shapes: ReadonlyMap<string, CountryShape>): MarkerPlace[] {
  const out: MarkerPlace[] = [];
  for (const place of places) {
    if (place.kind === 'organization') {
      if (place.location) out.push({ key: place.key, lngLat: place.location, kind: place.kind, reason: 'organization' });
      continue;
    }
    const shape = place.iso3 ? shapes.get(place.iso3) : undefined;
    if (!shape) {
      if (place.location) out.push({ key: place.key, lngLat: place.location, kind: place.kind, reason: 'no-shape' });
      continue;
    }
    if (isTooSmallToClick(shape.area)) {
      out.push({ key: place.key, lngLat: place.location ?? shape.labelPoint, kind: place.kind, reason: 'small' });
    }
  }
  return out;
}

/**
 * Where to point the camera for a place: the bounding box of its largest
 * polygon, padded for small shapes; a box around an organisation's
 * headquarters.
 */
export function placeBounds(place: Place, shapes: ReadonlyMap<string, CountryShape>, minSpan = 6): Bounds | null {
  const shape = place.iso3 ? shapes.get(place.iso3) : undefined;
  const point = place.location ?? shape?.labelPoint ?? null;
  if (!shape) return point ? around(point, minSpan) : null;
  const [[west, south], [east, north]] = shape.box;
  if (!Number.isFinite(west) || !Number.isFinite(north)) return point ? around(point, minSpan) : null;
  const cx = (west + east) / 2;
  const cy = (south + north) / 2;
  const halfX = Math.max((east - west) / 2, minSpan / 2);
  const halfY = Math.max((north - south) / 2, minSpan / 2);
  return [
    [Math.max(-180, cx - halfX), Math.max(-85, cy - halfY)],
    [Math.min(180, cx + halfX), Math.min(85, cy + halfY)],
  ];
}

function around([lng, lat]: [number, number], span: number): Bounds {
  return [
    [Math.max(-180, lng - span / 2), Math.max(-85, lat - span / 2)],
    [Math.min(180, lng + span / 2), Math.min(85, lat + span / 2)],
  ];
}

/** Planar shoelace area in degrees², enough to tell the largest polygon of a shape. */
function ringArea(ring: readonly (readonly number[])[]): number {
  let sum = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    sum += (ring[j]![0]! + ring[i]![0]!) * (ring[j]![1]! - ring[i]![1]!);
  }
  return sum / 2;
}

/** The box around several boxes (a theme's places on a tour slide). */
export function unionBounds(boxes: readonly (Bounds | null | undefined)[]): Bounds | null {
  const present = boxes.filter((b): b is Bounds => Boolean(b));
  if (present.length === 0) return null;
  return [
    [Math.min(...present.map((b) => b[0][0])), Math.min(...present.map((b) => b[0][1]))],
    [Math.max(...present.map((b) => b[1][0])), Math.max(...present.map((b) => b[1][1]))],
  ];
}
