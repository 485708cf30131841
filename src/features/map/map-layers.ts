/**
 * Pure builders of the map's style and layer specs. The map view passes their
 * results to MapLibre as stable objects; a theme toggle changes only paint
 * expressions, never the source data.
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

/** Fill colour per country: senders by their style, the recipient distinct, everyone else muted. */
export function fillColourExpression(
  colourByIso3: ReadonlyMap<string, string>,
  recipientIso3: string | null,
  scheme: SchemeName,
): ExpressionSpecification {
  const pairs: (string | ExpressionSpecification)[] = [];
  for (const [iso3, colour] of colourByIso3) {
    if (iso3 === recipientIso3) continue;
    pairs.push(iso3, colour);
  }
  if (recipientIso3) pairs.push(recipientIso3, NEUTRALS.recipient);
  if (pairs.length === 0) return ['literal', SCHEMES[scheme].nonSender] as unknown as ExpressionSpecification;
  return ['match', ISO3, ...pairs, SCHEMES[scheme].nonSender] as ExpressionSpecification;
}

export function selectedFilter(iso3: string | null): ExpressionSpecification {
  return ['==', ISO3, iso3 ?? '\u0000none'];
}

export function borderColour(scheme: SchemeName): string {
  return SCHEMES[scheme].border;
}
