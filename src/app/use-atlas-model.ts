/**
 * Everything the features show, derived once per dataset, shapes, filter and
 * scheme: places, legend, colours, markers, points and bounds.
 */
import { useMemo } from 'react';
import type { WorldShapes } from '../data/world-shapes-schema';
import type { Dataset } from '../domain/dataset-schema';
import { buildLegend, type LegendEntry } from '../domain/legend';
import {
  colourByIso3,
  markerPlaces,
  placeBounds,
  stylePlaces,
  type Bounds,
  type CountryShape,
} from '../domain/map-model';
import { pick, type Lang } from '../domain/lang';
import { NEUTRALS, type SchemeName } from '../domain/palette';
import { buildPlaces, type Place } from '../domain/places';
import type { MapMarker } from '../features/map/map-view';

export interface AtlasModel {
  places: Place[];
  placeByKey: ReadonlyMap<string, Place>;
  legend: LegendEntry[];
  fills: ReadonlyMap<string, string>;
  placeKeyByIso3: ReadonlyMap<string, string>;
  markers: MapMarker[];
  placePoints: ReadonlyMap<string, [number, number]>;
  boundsByKey: ReadonlyMap<string, Bounds | null>;
}

/** Places and legend: what does not depend on the filter (tour slides are built from these). */
export function usePlacesAndLegend(dataset: Dataset): { places: Place[]; legend: LegendEntry[] } {
  const places = useMemo(() => buildPlaces(dataset), [dataset]);
  const legend = useMemo(() => buildLegend(dataset, places), [dataset, places]);
  return { places, legend };
}

export function useAtlasModel(
  places: Place[],
  legend: LegendEntry[],
  worldShapes: WorldShapes | null,
  selectedThemes: ReadonlySet<string>,
  scheme: SchemeName,
  lang: Lang,
): AtlasModel {
  const placeByKey = useMemo(() => new Map(places.map((p) => [p.key, p])), [places]);
  const styles = useMemo(
    () => stylePlaces(places, legend, selectedThemes, scheme),
    [places, legend, selectedThemes, scheme],
  );
  const fills = useMemo(() => colourByIso3(places, styles), [places, styles]);
  const placeKeyByIso3 = useMemo(
    () => new Map(places.flatMap((p) => (p.iso3 ? [[p.iso3, p.key] as const] : []))),
    [places],
  );
  const shapes = useMemo(() => shapesByIso3(worldShapes), [worldShapes]);
  const markerSpots = useMemo(() => markerPlaces(places, shapes), [places, shapes]);
  const markers = useMemo<MapMarker[]>(
    () =>
      markerSpots.map((spot) => {
        const style = styles.get(spot.key);
        return {
          key: spot.key,
          label: pickName(placeByKey.get(spot.key), lang) ?? spot.key,
          kind: spot.kind,
          lngLat: spot.lngLat,
          colour: style?.colour ?? NEUTRALS.listed,
          matches: style?.matches ?? true,
          showLabel: spot.kind === 'organization',
        };
      }),
    [markerSpots, placeByKey, styles, lang],
  );
  const placePoints = useMemo(() => {
    const points = new Map<string, [number, number]>();
    const markerAt = new Map(markerSpots.map((m) => [m.key, m.lngLat]));
    for (const place of places) {
      const point =
        markerAt.get(place.key) ?? place.location ?? (place.iso3 ? shapes.get(place.iso3)?.labelPoint : undefined);
      if (point) points.set(place.key, point);
    }
    return points;
  }, [places, shapes, markerSpots]);
  const boundsByKey = useMemo(
    () => new Map(places.map((place) => [place.key, placeBounds(place, shapes)])),
    [places, shapes],
  );

  return { places, placeByKey, legend, fills, placeKeyByIso3, markers, placePoints, boundsByKey };
}

function pickName(place: Place | undefined, lang: Lang): string | undefined {
  return place ? pick(place.names, lang) : undefined;
}

function shapesByIso3(worldShapes: WorldShapes | null): Map<string, CountryShape> {
  const out = new Map<string, CountryShape>();
  for (const { iso3, labelPoint, box, area } of worldShapes?.countries ?? []) {
    if (iso3) out.set(iso3, { iso3, labelPoint, box, area });
  }
  return out;
}
