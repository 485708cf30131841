/**
 * The list view's rows: one per place, with its bodies, officials and their
 * levels, themes and statement count; sorted and filtered here so the table
 * component only renders.
 */
import type { OfficialLevel } from './dataset-schema';
import { officialLevels } from './official-levels';
import { localized, type Bilingual, type Lang } from './lang';
import { placeMatches } from './legend';
import { legendIdsOf, type Place } from './places';

export interface OfficialRow {
  senderId: string;
  name: string;
  rank: string | null;
  title: string;
  level: OfficialLevel;
}

export interface PlaceRow {
  key: string;
  place: Place;
  /** Bodies that have a name, in article order (the dataset's English). */
  bodies: string[];
  /** The same bodies in both languages (`zh` empty where the dataset gives no Chinese: `pick` falls back). */
  bodyNames: Bilingual[];
  /** Officials of all the place's bodies, in article order. */
  officials: OfficialRow[];
  /** Legend ids the place answers to: its themes, or `goodwill` / `listed`. */
  legendIds: string[];
  themeCount: number;
  statementCount: number;
  levels: ReadonlySet<OfficialLevel>;
  /** The most senior level among the officials (the schema lists levels highest first), or null. */
  highestLevel: OfficialLevel | null;
}

export type SortKey = 'name' | 'statements' | 'level' | 'themes';
export type SortDirection = 'ascending' | 'descending';
export interface TableSort {
  key: SortKey;
  direction: SortDirection;
}

/** The direction a column sorts in when first chosen: names A→Z, counts and seniority largest first. */
export const FIRST_DIRECTION: Readonly<Record<SortKey, SortDirection>> = {
  name: 'ascending',
  statements: 'descending',
  level: 'descending',
  themes: 'descending',
};

/** Choosing a column: its first direction, or the other direction if it is already the sort. */
export function nextSort(current: TableSort | null, key: SortKey): TableSort {
  if (current?.key === key) {
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  }
  return { key, direction: FIRST_DIRECTION[key] };
}

/** Higher is more senior; 0 for a place with no official. */
export function levelSeniority(level: OfficialLevel | null): number {
  return level === null ? 0 : officialLevels.length - officialLevels.indexOf(level);
}

export function buildPlaceRows(places: readonly Place[]): PlaceRow[] {
  return places.map((place) => {
    const officials: OfficialRow[] = place.senders.flatMap((sender) =>
      sender.officials.map((o) => ({
        senderId: sender.id,
        name: o.name,
        rank: o.rank ?? null,
        title: o.title,
        level: o.level,
      })),
    );
    const levels = new Set(officials.map((o) => o.level));
    return {
      key: place.key,
      place,
      bodies: place.senders.flatMap((s) => (s.body ? [s.body] : [])),
      bodyNames: place.senders.flatMap((s) => (s.body ? [{ en: s.body, zh: s.body_zh ?? '' }] : [])),
      officials,
      legendIds: legendIdsOf(place),
      themeCount: place.themes.length,
      statementCount: place.statementCount,
      levels,
      highestLevel: officialLevels.find((level) => levels.has(level)) ?? null,
    };
  });
}

/**
 * A place's name as the list shows it. `place.name` is `place.names.en`; it is
 * read directly so English shows exactly the dataset's name.
 */
export function placeName(place: Pick<Place, 'name' | 'names'>, lang: Lang): string {
  return localized(place.name, place.names.zh, lang);
}

// zh-CN collation orders Han characters by pinyin (阿富汗, 巴西, … 越南), as Chinese readers expect of a list.
const collators: Readonly<Record<Lang, Intl.Collator>> = {
  en: new Intl.Collator('en', { sensitivity: 'base', numeric: true }),
  zh: new Intl.Collator('zh-CN', { sensitivity: 'base', numeric: true }),
};

/**
 * Sorted rows; `null` keeps article order. Stable: rows that tie stay in
 * article order whichever the direction. Places with no official sort after
 * the others by level in both directions, as empty cells do. Names sort as
 * they are shown in `lang`.
 */
export function sortPlaceRows(rows: readonly PlaceRow[], sort: TableSort | null, lang: Lang = 'en'): PlaceRow[] {
  const byOrder = (a: PlaceRow, b: PlaceRow) => a.place.order - b.place.order;
  if (!sort) return [...rows].sort(byOrder);
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const compare = (a: PlaceRow, b: PlaceRow): number => {
    switch (sort.key) {
      case 'name':
        return collators[lang].compare(placeName(a.place, lang), placeName(b.place, lang));
      case 'statements':
        return a.statementCount - b.statementCount;
      case 'themes':
        return a.themeCount - b.themeCount;
      case 'level':
        return levelSeniority(a.highestLevel) - levelSeniority(b.highestLevel);
    }
  };
  return [...rows].sort((a, b) => {
    if (sort.key === 'level' && (a.highestLevel === null) !== (b.highestLevel === null)) {
      return a.highestLevel === null ? 1 : -1;
    }
    return sign * compare(a, b) || byOrder(a, b);
  });
}

export interface RowFilter {
  /** Levels to keep; a place matches if any of its officials has one. Empty keeps all. */
  levels: ReadonlySet<OfficialLevel>;
  /** The legend's selection (`placeMatches`). Empty keeps all. */
  themes: ReadonlySet<string>;
}

export function rowMatches(row: PlaceRow, filter: RowFilter): boolean {
  if (filter.levels.size > 0 && ![...row.levels].some((level) => filter.levels.has(level))) return false;
  return placeMatches(row.place, filter.themes);
}

export function filterPlaceRows(rows: readonly PlaceRow[], filter: RowFilter): PlaceRow[] {
  return rows.filter((row) => rowMatches(row, filter));
}

/** How many of the rows (after the theme filter) have an official at each level, in schema order. */
export function levelCounts(rows: readonly PlaceRow[], themes: ReadonlySet<string>): Map<OfficialLevel, number> {
  const counts = new Map<OfficialLevel, number>(officialLevels.map((level) => [level, 0]));
  for (const row of rows) {
    if (!placeMatches(row.place, themes)) continue;
    for (const level of row.levels) counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  return counts;
}

/**
 * Bodies and officials listed in a row before "and N more": a place with dozens of bodies
 * (a large dataset) would otherwise make rows screens tall and the table slow to draw;
 * the panel shows them all.
 */
export const ROW_ITEMS_SHOWN = 5;

/**
 * Items (see rowItems) the list view draws in the frame that opens it, well over a screenful;
 * the other rows come a frame later. The large benchmark dataset's 234 rows are some 12,000
 * elements: drawing them all held the table's first frame back by about 0.5 s. A place
 * selected far down the list is drawn in the first frame all the same (see rowsUpTo), and
 * so are the rows above it.
 */
export const FIRST_FRAME_ITEMS = 400;

/**
 * How many items a row lays out: its name, the bodies and officials it lists (`listed` of
 * each at most) and its legend chips. The "and N more" lines are left out: one or two a row.
 */
export function rowItems(row: PlaceRow, listed: number): number {
  return 1 + Math.min(row.bodyNames.length, listed) + Math.min(row.officials.length, listed) + row.legendIds.length;
}

/**
 * The first rows whose items add up to no more than `budget` (at least one row), and on
 * through the row keyed `throughKey` if it comes later, so a selected place is always there
 * to scroll to. `rows` itself when they all fit.
 */
export function rowsUpTo(
  rows: readonly PlaceRow[],
  budget: number,
  listed: number,
  throughKey: string | null = null,
): readonly PlaceRow[] {
  const through = throughKey === null ? -1 : rows.findIndex((row) => row.key === throughKey);
  let left = budget;
  let end = 0;
  for (; end < rows.length; end++) {
    const items = rowItems(rows[end]!, listed);
    if (end > 0 && end > through && items > left) break;
    left -= items;
  }
  return end === rows.length ? rows : rows.slice(0, end);
}
