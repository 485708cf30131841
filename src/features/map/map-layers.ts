/**
 * Pure builders of the map's style and layer specs. The map view passes their
 * results to MapLibre as stable objects; a legend toggle changes only feature
 * states, never the source data or a layer.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { SCHEMES, NEUTRALS, type SchemeName } from '../../domain/palette';

export const COUNTRIES_SOURCE = 'countries';
export const COUNTRY_FILL_LAYER = 'country-fill';
export const COUNTRY_BORDER_LAYER = 'country-border';
export const COUNTRY_HOVER_LAYER = 'country-hover';
export const COUNTRY_SELECTED_LAYER = 'country-selected';
/** The countries outlined for hover and selection, and nothing else (see outlinedCountries). */
export const OUTLINES_SOURCE = 'country-outlines';

/**
 * The base style: no layers at all. The sea is the map view's CSS background
 * behind a transparent canvas: as a background layer it cost a full-canvas
 * pass in every frame, 5–15 ms of software WebGL here (measured), for one flat
 * colour. No sprite, no glyphs, no remote source: text lives in HTML overlays.
 */
export const BASE_STYLE: StyleSpecification = { version: 8, sources: {}, layers: [] };

/** The property that marks a land border's line among the countries' source features. */
const BORDER_MARK = 'border';

/**
 * The countries' source data: the countries as they are, then the land
 * borders, each marked as a border and without an id (ids are the countries'
 * and carry their colours). One source rather than two: MapLibre draws a
 * source's tile masks over the whole map in every frame, and the borders' own
 * source cost 6–8 ms of software WebGL per frame here (measured).
 */
export function countriesWithBorders<P extends object>(
  countries: FeatureCollection<Geometry, P>,
  borders: FeatureCollection<Geometry> | null,
): FeatureCollection<Geometry, P | { [BORDER_MARK]: true }> {
  if (!borders || borders.features.length === 0) return countries;
  const lines = borders.features.map(
    ({ geometry }): Feature<Geometry, { [BORDER_MARK]: true }> => ({ type: 'Feature', properties: { [BORDER_MARK]: true }, geometry }),
  );
  return { type: 'FeatureCollection', features: [...countries.features, ...lines] };
}

/** The countries' source features a layer draws: the countries' shapes or the borders' lines. */
export function countriesSourceFilter(part: 'shapes' | 'borders'): ExpressionSpecification {
  return part === 'borders' ? ['has', BORDER_MARK] : ['!', ['has', BORDER_MARK]];
}

/** The feature-state key that carries a country's fill colour. */
export const FILL_STATE = 'fill';

/**
 * The fill layer's colour: each country's own from its feature state, everyone
 * else muted. Colours travel as feature state rather than as one `match`
 * expression so that a theme toggle repaints in place: MapLibre re-tiles the
 * whole source in its worker whenever a data-driven expression changes (about
 * 50 ms more per toggle with every country coloured, measured), while new
 * feature states only refresh the tiles' colour buffers.
 */
export function fillColourFromState(scheme: SchemeName): ExpressionSpecification {
  return ['coalesce', ['feature-state', FILL_STATE], SCHEMES[scheme].nonSender];
}

/** The fill each country with a shape wears: senders by their style, the recipient distinct, no entry for the rest. */
export function fillByIso3(colourByIso3: ReadonlyMap<string, string>, recipientIso3: string | null): Map<string, string> {
  const fills = new Map(colourByIso3);
  if (recipientIso3) fills.set(recipientIso3, NEUTRALS.recipient);
  return fills;
}

/**
 * The feature states that bring a map showing `applied` (fills by feature id)
 * to `wanted`: a colour for each feature whose colour changed, null for one
 * that lost its colour. Features without a country code never get one.
 */
export function fillStateChanges(
  featureIso3: ReadonlyMap<string | number, string | null>,
  wanted: ReadonlyMap<string, string>,
  applied: ReadonlyMap<string | number, string | null>,
): [id: string | number, fill: string | null][] {
  const changes: [string | number, string | null][] = [];
  for (const [id, iso3] of featureIso3) {
    const fill = (iso3 && wanted.get(iso3)) || null;
    if ((applied.get(id) ?? null) !== fill) changes.push([id, fill]);
  }
  return changes;
}

export type OutlineRole = 'hover' | 'selected';

/** The outline layer for one role: it draws the outline source's features of that role. */
export function outlineFilter(role: OutlineRole): ExpressionSpecification {
  return ['==', ['get', 'role'], role];
}

/**
 * The outline source's data: the hovered and the selected country, each tagged
 * with its role. A source of its own rather than a feature state or a filter
 * on the countries' source: a line layer over every country drew all their
 * edges (at width 0) in every frame, about 5 ms of software WebGL per frame
 * (measured), and a filter change re-tiled all the countries in MapLibre's worker.
 */
export function outlinedCountries<P extends { iso3?: string | null }>(
  countries: FeatureCollection<Geometry, P>,
  outlines: { hoverFeatureId: string | number | null; selectedIso3: string | null },
): FeatureCollection<Geometry, P & { role: OutlineRole }> {
  const features: Feature<Geometry, P & { role: OutlineRole }>[] = [];
  const { hoverFeatureId, selectedIso3 } = outlines;
  for (const feature of countries.features) {
    if (hoverFeatureId !== null && feature.id === hoverFeatureId) {
      features.push({ ...feature, properties: { ...feature.properties, role: 'hover' } });
    }
    if (selectedIso3 !== null && feature.properties.iso3 === selectedIso3) {
      features.push({ ...feature, properties: { ...feature.properties, role: 'selected' } });
    }
  }
  return { type: 'FeatureCollection', features };
}

/**
 * Whether a role's outline layer is drawn: while the pointer is over the map,
 * or while the outline source holds a feature of that role (a selection shown
 * while the pointer is elsewhere). MapLibre draws a source's tile masks for
 * each of its visible layers in every frame, features or none: the two empty
 * outline layers cost 6–15 ms of software WebGL per frame here (measured), in
 * frames that outline nothing (a legend toggle, the tour). But showing a layer
 * makes MapLibre reload its source in the worker: hidden between hovers, a
 * country's hover outline came after 72–120 ms instead of 25–45 ms (measured),
 * so both stay while the pointer is on the map.
 */
export function outlineVisibility(
  outlines: FeatureCollection<Geometry, { role: OutlineRole }>,
  role: OutlineRole,
  pointerOverMap: boolean,
): 'visible' | 'none' {
  return pointerOverMap || outlines.features.some((f) => f.properties.role === role) ? 'visible' : 'none';
}

export function borderColour(scheme: SchemeName): string {
  return SCHEMES[scheme].border;
}
