/**
 * Pure builders of the map's style and layer specs. The map view passes their
 * results to MapLibre as stable objects; a legend toggle changes only feature
 * states, never the source data or a layer.
 */
import type { ExpressionSpecification, StyleSpecification } from 'maplibre-gl';
import { SCHEMES, NEUTRALS, type SchemeName } from '../../domain/palette';

export const COUNTRIES_SOURCE = 'countries';
export const BORDERS_SOURCE = 'borders';
export const COUNTRY_FILL_LAYER = 'country-fill';
export const COUNTRY_BORDER_LAYER = 'country-border';
export const COUNTRY_HOVER_LAYER = 'country-hover';
export const COUNTRY_SELECTED_LAYER = 'country-selected';

/** The base style: sea only. No sprite, no glyphs, no remote source: text lives in HTML overlays. */
function baseStyle(scheme: SchemeName): StyleSpecification {
  return {
    version: 8,
    sources: {},
    layers: [{ id: 'sea', type: 'background', paint: { 'background-color': SCHEMES[scheme].sea } }],
  };
}

export const BASE_STYLES: Readonly<Record<SchemeName, StyleSpecification>> = {
  light: baseStyle('light'),
  dark: baseStyle('dark'),
};

const ISO3: ExpressionSpecification = ['coalesce', ['get', 'iso3'], ''];

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

export function selectedFilter(iso3: string | null): ExpressionSpecification {
  return ['==', ISO3, iso3 ?? '\u0000none'];
}

export function borderColour(scheme: SchemeName): string {
  return SCHEMES[scheme].border;
}
