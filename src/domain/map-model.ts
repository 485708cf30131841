/**
 * What the map draws, derived from places and the legend selection: a colour
 * per sending country and the places that need a marker.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { LegendEntry } from './legend';
import { placeStyle, type PlaceStyle } from './legend';
import type { SchemeName } from './palette';
import type { Place } from './places';
import { isTooSmallToClick } from './world-view';

export interface CountryShape {
  iso3: string | null;
  labelPoint: [number, number];
  feature: Feature<Polygon | MultiPolygon>;
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
    if (isTooSmallToClick(shape.feature)) {
      out.push({ key: place.key, lngLat: place.location ?? shape.labelPoint, kind: place.kind, reason: 'small' });
    }
  }
  return out;
}
