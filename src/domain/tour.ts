/**
 * The presentation tour as data: which slides there are, in which order, and
 * what each one shows on the map. No React here; the overlay renders a slide
 * and the app turns `slideView` into selection, filter and camera.
 */
import type { Dataset } from './dataset-schema';
import { GOODWILL_ID, LISTED_ID } from './legend-ids';
import { pick, type Bilingual, type Lang } from './lang';
import type { LegendEntry } from './legend';
import { themeLabel } from './localized-fields';
import { legendIdsOf, type Place } from './places';

export type TourKind = 'senders' | 'themes';

export type Slide =
  | { kind: 'title' }
  /** One place: a country with all its bodies, or an organisation. */
  | { kind: 'place'; placeKey: string }
  /** One legend entry (a theme, or goodwill) with its places in article order. */
  | { kind: 'theme'; themeId: string; placeKeys: string[] }
  /** The closing slide: every place the source only lists, in article order. */
  | { kind: 'listed'; placeKeys: string[] };

/**
 * Share of the viewport width the slide card takes, on the left. The overlay
 * sets the card's width from it and the app pads the camera by it, so the place
 * a slide flies to lands in the visible part of the map.
 */
export const TOUR_CARD_FRACTION = 0.42;

/** Auto-advance intervals offered, in seconds (null is off). */
export const AUTO_ADVANCE_CHOICES: readonly (number | null)[] = [null, 5, 10, 20];

function byOrder(a: Place, b: Place): number {
  return a.order - b.order;
}

export function buildTourSlides(places: readonly Place[], legend: readonly LegendEntry[], tour: TourKind): Slide[] {
  const ordered = [...places].sort(byOrder);
  const slides: Slide[] = [{ kind: 'title' }];
  if (tour === 'senders') {
    for (const place of ordered) {
      if (place.status !== 'listed') slides.push({ kind: 'place', placeKey: place.key });
    }
  } else {
    // The legend is already in codebook order, then goodwill, then listed (which closes the tour instead).
    for (const entry of legend) {
      if (entry.id === LISTED_ID || entry.count === 0) continue;
      const placeKeys = ordered.filter((p) => legendIdsOf(p).includes(entry.id)).map((p) => p.key);
      if (placeKeys.length > 0) slides.push({ kind: 'theme', themeId: entry.id, placeKeys });
    }
  }
  const listed = ordered.filter((p) => p.status === 'listed').map((p) => p.key);
  if (listed.length > 0) slides.push({ kind: 'listed', placeKeys: listed });
  return slides;
}

/** A 1-based slide number within the tour; anything out of range or not a number lands on the nearest end. */
export function clampSlide(n: number, slides: readonly Slide[]): number {
  if (!Number.isFinite(n)) return 1;
  return Math.min(Math.max(1, Math.trunc(n)), Math.max(1, slides.length));
}

export interface SlideContext {
  /** The dataset's title in the interface language (`datasetTitle`), for the title slide. */
  title: string;
  places: readonly Place[];
  legend: readonly LegendEntry[];
  /** The interface language of the names; English when not given. */
  lang?: Lang;
}

/** The closing slide's name where the legend has no `listed` entry (as the legend names it). */
const ALSO_WROTE: Bilingual = { en: 'Also wrote', zh: '亦来函祝贺' };

/** A short name of the slide for the progress indicator and the screen-reader announcement. */
export function slideTitle(slide: Slide, context: SlideContext): string {
  const lang = context.lang ?? 'en';
  switch (slide.kind) {
    case 'title':
      return context.title;
    case 'place': {
      const place = context.places.find((p) => p.key === slide.placeKey);
      return place ? pick(place.names, lang) : slide.placeKey;
    }
    case 'theme': {
      const entry = context.legend.find((e) => e.id === slide.themeId);
      return entry ? themeLabel(entry, lang) : slide.themeId;
    }
    case 'listed': {
      const entry = context.legend.find((e) => e.id === LISTED_ID);
      return entry ? themeLabel(entry, lang) : pick(ALSO_WROTE, lang);
    }
  }
}

export interface SlideView {
  /** The place to select and fly to, or null. */
  placeKey: string | null;
  /** Legend ids to filter the map by (empty: no filter). */
  legendIds: string[];
  /** Places the slide is about, for highlighting and for fitting the camera. */
  placeKeys: string[];
}

/** What the map should show for a slide. The title slide shows everything, unfiltered. */
export function slideView(slide: Slide): SlideView {
  switch (slide.kind) {
    case 'title':
      return { placeKey: null, legendIds: [], placeKeys: [] };
    case 'place':
      return { placeKey: slide.placeKey, legendIds: [], placeKeys: [slide.placeKey] };
    case 'theme':
      return { placeKey: null, legendIds: [slide.themeId], placeKeys: slide.placeKeys };
    case 'listed':
      return { placeKey: null, legendIds: [LISTED_ID], placeKeys: slide.placeKeys };
  }
}

export interface TourCounts {
  countries: number;
  organisations: number;
  statements: number;
  officials: number;
}

/** The numbers on the title slide. A country with several bodies counts once. */
export function tourCounts(dataset: Dataset, places: readonly Place[]): TourCounts {
  return {
    countries: places.filter((p) => p.kind === 'country').length,
    organisations: places.filter((p) => p.kind === 'organization').length,
    statements: dataset.senders.reduce((n, s) => n + s.statements.length, 0),
    officials: dataset.senders.reduce((n, s) => n + s.officials.length, 0),
  };
}

/**
 * The words by which each of a theme's places named it (its evidence phrases,
 * deduplicated, in statement order). Goodwill has no evidence: empty lists.
 */
export function themeEvidence(place: Place, themeId: string): string[] {
  if (themeId === GOODWILL_ID) return [];
  const phrases = place.senders.flatMap((s) =>
    s.statements.flatMap((st) => st.themes.filter((t) => t.id === themeId).map((t) => t.evidence)),
  );
  return [...new Set(phrases)];
}
