/**
 * The legend is the filter: its entries (the codebook's themes, then the
 * `goodwill` and `listed` neutrals), their colours and counts, and the colour
 * each place takes under a given selection of entries.
 */
import './colour-modes';
import { formatHex, interpolate } from 'culori/fn';
import { scaleOrdinal } from 'd3-scale';
import type { Dataset } from './dataset-schema';
import { GOODWILL_ID, LISTED_ID } from './legend-ids';
import { NEUTRALS, THEME_PALETTE, type SchemeName, SCHEMES } from './palette';
import { legendIdsOf, type Place } from './places';

export interface LegendEntry {
  id: string;
  kind: 'theme' | 'goodwill' | 'listed';
  label: string;
  label_zh: string | null;
  description: string;
  description_zh: string | null;
  colour: string;
  /** Places (countries plus organisations) that answer to this entry. */
  count: number;
}

/** How much a non-matching place fades toward the land colour. */
const FADE = 0.78;

/** A theme's own colour when the dataset gives one; otherwise the palette's, by codebook position (cycling past its end). */
export function themeColours(dataset: Dataset): Map<string, string> {
  const palette = scaleOrdinal<string, string>()
    .domain(dataset.themes.map((t) => t.id))
    .range(THEME_PALETTE);
  return new Map(dataset.themes.map((theme) => [theme.id, theme.color ?? palette(theme.id)]));
}

export function buildLegend(dataset: Dataset, places: readonly Place[]): LegendEntry[] {
  const colours = themeColours(dataset);
  const count = (id: string) => places.filter((p) => legendIdsOf(p).includes(id)).length;
  const themes: LegendEntry[] = dataset.themes.map((theme) => ({
    id: theme.id,
    kind: 'theme',
    label: theme.label,
    label_zh: theme.label_zh ?? null,
    description: theme.description,
    description_zh: theme.description_zh ?? null,
    colour: colours.get(theme.id)!,
    count: count(theme.id),
  }));
  return [
    ...themes,
    {
      id: GOODWILL_ID,
      kind: 'goodwill',
      label: 'Goodwill only',
      label_zh: '仅致祝贺',
      description: 'Wrote, but named no field of cooperation.',
      description_zh: '来函表示祝贺，未提及具体合作领域。',
      colour: NEUTRALS.goodwill,
      count: count(GOODWILL_ID),
    },
    {
      id: LISTED_ID,
      kind: 'listed',
      label: 'Also wrote',
      label_zh: '亦来函祝贺',
      description: 'Listed by the source as having sent a letter; nothing of it is quoted.',
      description_zh: '原文仅列出其来函，未引述内容。',
      colour: NEUTRALS.listed,
      count: count(LISTED_ID),
    },
  ];
}

export function isFilterActive(selected: ReadonlySet<string>): boolean {
  return selected.size > 0;
}

/** Does the place answer to any selected entry? With nothing selected, every place matches. */
export function placeMatches(place: Place, selected: ReadonlySet<string>): boolean {
  if (selected.size === 0) return true;
  return legendIdsOf(place).some((id) => selected.has(id));
}

export interface PlaceStyle {
  colour: string;
  /** The legend entry whose colour the place shows. */
  entryId: string;
  matches: boolean;
}

/**
 * A matching place takes the colour of the first selected entry it answers to,
 * in legend (codebook) order; with no filter, its primary theme's. A place
 * that does not match fades toward the land but keeps a trace of its colour.
 */
export function placeStyle(
  place: Place,
  legend: readonly LegendEntry[],
  selected: ReadonlySet<string>,
  scheme: SchemeName,
): PlaceStyle {
  const ids = legendIdsOf(place);
  const matches = placeMatches(place, selected);
  const entry =
    (selected.size > 0 && matches ? legend.find((e) => selected.has(e.id) && ids.includes(e.id)) : undefined) ??
    legend.find((e) => e.id === ids[0]) ??
    legend[legend.length - 1]!;
  const colour = matches ? entry.colour : fade(entry.colour, SCHEMES[scheme].land);
  return { colour, entryId: entry.id, matches };
}

// Memoised: a filter change restyles every place, and culori builds an interpolator per call
// (about 5 ms a toggle with every country a sender, profiled). The palette keeps the keys few.
const fadeCache = new Map<string, string>();

export function fade(colour: string, toward: string): string {
  const key = `${colour}>${toward}`;
  let faded = fadeCache.get(key);
  if (faded === undefined) {
    faded = formatHex(interpolate([colour, toward], 'lab')(FADE));
    fadeCache.set(key, faded);
  }
  return faded;
}
