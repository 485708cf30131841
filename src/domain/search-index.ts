/**
 * Search over places, bodies, officials and fields of cooperation, ignoring
 * case, diacritics and punctuation ("jurgen" finds Jürgen Stock, "drug" the
 * drugs field). Pure: the search box only renders what `searchPlaces` returns.
 *
 * Each entry has its own names (`terms`: the country, the body, the official)
 * and the names around it (`context`: the place a body belongs to, an
 * official's title). A match in its own names ranks above one in its context,
 * so "viet" lists Vietnam before Vietnam's ministry and minister.
 *
 * Extra names (a country's Chinese name, "UK", "Türkiye") come in as aliases
 * per place key, so a language or a dataset can bring its own without touching
 * this module; `countryNameAliases` supplies the usual ones from a maintained
 * library. Chinese has no spaces between words, so a query in Han script
 * matches anywhere inside a name ("越南" in "越南公安部").
 *
 * Matching does not depend on the interface language: a reader of either can
 * type an English or a Chinese name. Each entry carries what it shows in each
 * language (`display`), with the language of each piece, since officials'
 * names and titles stay the article's English in the Chinese interface.
 */
import enCountryNames from 'i18n-iso-countries/langs/en.json';
import zhCountryNames from 'i18n-iso-countries/langs/zh.json';
import { countryName, iso3ToIso2 } from './iso-codes';
import { LANG_TAGS, LANGS, localized, type Bilingual, type Lang } from './lang';
import type { LegendEntry } from './legend';
import type { Place } from './places';

export type SearchKind = 'country' | 'organization' | 'body' | 'official' | 'field';

/** A piece of shown text and the language it is written in. */
export interface SearchText {
  text: string;
  lang: Lang;
}

/** What a suggestion shows: its label, and details joined by " · ". */
export interface SearchDisplay {
  label: SearchText;
  detail: readonly SearchText[];
}

interface SearchEntryBase {
  /** Unique within an index; safe in an element id. */
  id: string;
  kind: SearchKind;
  /** The label and detail in English (the dataset's names). */
  label: string;
  detail: string;
  /** What the suggestion shows in each interface language. */
  display: Readonly<Record<Lang, SearchDisplay>>;
  /** The labels shown in either language, normalised: a label that begins with the query ranks first. */
  shownLabels: string[];
  /** The entry's own names, normalised. */
  terms: string[];
  /** Names around it (its place, an official's title and body), normalised; they rank lower. */
  context: string[];
  /** Article order (codebook order for fields), for ties. */
  order: number;
}

/** A place, body or official: choosing it selects a body. */
export interface PlaceSearchEntry extends SearchEntryBase {
  kind: 'country' | 'organization' | 'body' | 'official';
  placeKey: string;
  /** The body to select (for a place: its first body, as a map click selects). */
  senderId: string;
}

/** A field of cooperation: choosing it filters the map to the places that name it. */
export interface FieldSearchEntry extends SearchEntryBase {
  kind: 'field';
  themeId: string;
  /** The field's colour in the legend. */
  colour: string;
}

export type SearchEntry = PlaceSearchEntry | FieldSearchEntry;

export type SearchIndex = readonly SearchEntry[];

/** Extra names per place key: other languages, short forms, former names. */
export type SearchAliases = ReadonlyMap<string, readonly string[]>;

/** Letters that NFKD leaves whole but a reader types without their mark. */
const FOLD: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  Æ: 'ae',
  œ: 'oe',
  Œ: 'oe',
  ø: 'o',
  Ø: 'o',
  ł: 'l',
  Ł: 'l',
  đ: 'd',
  Đ: 'd',
  ð: 'd',
  Ð: 'd',
  þ: 'th',
  Þ: 'th',
  ı: 'i',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLD).join('')}]`, 'g');
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

/**
 * Lower case, without diacritics, apostrophes dropped ("People’s" → "peoples"),
 * any other run of punctuation or space turned into one space.
 */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(FOLDABLE, (c) => FOLD[c] ?? c)
    .toLowerCase()
    .replace(/['’ʼ`]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

// A field ranks below the places and above their bodies: "security" lists the field before the
// many ministries of public security.
const KIND_RANK: Readonly<Record<SearchKind, number>> = { country: 0, organization: 0, field: 1, body: 2, official: 3 };

function uniqueNormalised(names: readonly (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    if (!name) continue;
    const n = normalizeForSearch(name);
    if (n && !out.includes(n)) out.push(n);
  }
  return out;
}

const KIND_DETAIL: Readonly<Record<Place['kind'], Bilingual>> = {
  country: { en: 'Country', zh: '国家' },
  organization: { en: 'International organisation', zh: '国际组织' },
};

/** A dataset name with an optional Chinese twin, as shown in `lang` (English where there is no twin). */
function shown(en: string, zh: string | null | undefined, lang: Lang): SearchText {
  const text = localized(en, zh, lang);
  return { text, lang: lang !== 'en' && text !== en ? lang : 'en' };
}

/** The same display in every language, built per language. */
function perLang(build: (lang: Lang) => SearchDisplay): Record<Lang, SearchDisplay> {
  return Object.fromEntries(LANGS.map((lang) => [lang, build(lang)])) as Record<Lang, SearchDisplay>;
}

function labelsOf(display: Readonly<Record<Lang, SearchDisplay>>): string[] {
  return uniqueNormalised(LANGS.map((lang) => display[lang].label.text));
}

export function buildSearchIndex(places: readonly Place[], aliases: SearchAliases = new Map()): PlaceSearchEntry[] {
  const entries: PlaceSearchEntry[] = [];
  const seen = new Set<string>();
  const add = (entry: PlaceSearchEntry) => {
    // Two bodies of one place with the same name would read as one suggestion twice.
    const identity = `${entry.kind}\u0000${entry.placeKey}\u0000${entry.label}\u0000${entry.detail}`;
    if (seen.has(identity)) return;
    seen.add(identity);
    entries.push(entry);
  };

  for (const place of places) {
    const first = place.senders[0];
    if (!first) continue;
    const base = place.order * 1000;
    const placeNames = uniqueNormalised([
      place.name,
      ...place.senders.map((s) => s.name_zh),
      ...(aliases.get(place.key) ?? []),
    ]);
    const placeName = (lang: Lang) => shown(place.name, place.names.zh, lang);
    const placeDisplay = perLang((lang) => ({
      label: placeName(lang),
      detail: [{ text: KIND_DETAIL[place.kind][lang], lang }],
    }));
    add({
      id: `place-${place.key}`,
      placeKey: place.key,
      senderId: first.id,
      kind: place.kind,
      label: place.name,
      detail: KIND_DETAIL[place.kind].en,
      display: placeDisplay,
      shownLabels: labelsOf(placeDisplay),
      terms: placeNames,
      context: [],
      order: base,
    });

    let sub = 1;
    for (const sender of place.senders) {
      const body = sender.body;
      if (body) {
        const display = perLang((lang) => ({ label: shown(body, sender.body_zh, lang), detail: [placeName(lang)] }));
        add({
          id: `body-${sender.id}`,
          placeKey: place.key,
          senderId: sender.id,
          kind: 'body',
          label: body,
          detail: place.name,
          display,
          shownLabels: labelsOf(display),
          terms: uniqueNormalised([sender.body, sender.body_zh]),
          context: placeNames,
          order: base + sub++,
        });
      }
      sender.officials.forEach((official, i) => {
        // An official's name and title are the article's words: English in either interface.
        const display = perLang((lang) => ({
          label: { text: official.name, lang: 'en' },
          detail: [{ text: official.title, lang: 'en' }, placeName(lang)],
        }));
        add({
          id: `official-${sender.id}-${i}`,
          placeKey: place.key,
          senderId: sender.id,
          kind: 'official',
          label: official.name,
          detail: `${official.title} · ${place.name}`,
          display,
          shownLabels: labelsOf(display),
          terms: uniqueNormalised([official.name, official.rank ? `${official.rank} ${official.name}` : null]),
          context: [...uniqueNormalised([official.title, sender.body, sender.body_zh]), ...placeNames],
          order: base + sub++,
        });
      });
    }
  }
  return entries;
}

const FIELD_DETAIL: Readonly<Record<Lang, (count: number) => string>> = {
  en: (count) => `Field of cooperation · ${count} place${count === 1 ? '' : 's'}`,
  zh: (count) => `合作领域 · ${count} 个国家或组织`,
};

/**
 * A description's first sentence: the codebook's says what a field covers
 * ("Statements that name drug control, narcotics, …"); a later one may say
 * what it does not ("Drug trafficking is not this field"), which must not
 * make "drug" find human trafficking.
 */
function firstSentence(text: string | null): string | null {
  return text === null ? null : (text.split(/(?<=[.。])\s*(?=["“‘']?[A-Z\p{Script=Han}])/u)[0] ?? text);
}

/**
 * The legend's fields of cooperation that some place names, found by their
 * label in either language or by a word of what they cover (which ranks
 * lower): "narcotics" finds the drugs field.
 */
export function buildFieldSearchEntries(legend: readonly LegendEntry[]): FieldSearchEntry[] {
  return legend
    .filter((entry) => entry.kind === 'theme' && entry.count > 0)
    .map((entry, i) => {
      const display = perLang((lang) => ({
        label: shown(entry.label, entry.label_zh, lang),
        detail: [{ text: FIELD_DETAIL[lang](entry.count), lang }],
      }));
      return {
        id: `field-${entry.id}`,
        kind: 'field',
        themeId: entry.id,
        colour: entry.colour,
        label: entry.label,
        detail: FIELD_DETAIL.en(entry.count),
        display,
        shownLabels: labelsOf(display),
        terms: uniqueNormalised([entry.label, entry.label_zh]),
        context: uniqueNormalised([firstSentence(entry.description), firstSentence(entry.description_zh)]),
        order: i,
      };
    });
}

/** How well a piece of the query matches; lower is better. */
const Quality = { OwnPrefix: 0, OwnSubstring: 1, ContextPrefix: 2, ContextSubstring: 3, None: 4 } as const;
type Quality = (typeof Quality)[keyof typeof Quality];

const compact = (s: string) => s.replace(/ /g, '');

/** 0 for a match at the start of a word (anywhere, for Han script), 1 inside a word, 2 none. */
function matchIn(names: readonly string[], token: string): 0 | 1 | 2 {
  const anywhereIsPrefix = CJK.test(token);
  let best: 0 | 1 | 2 = 2;
  for (const name of names) {
    const squeezed = compact(name);
    if (name.startsWith(token) || squeezed.startsWith(token) || name.includes(` ${token}`)) return 0;
    if (name.includes(token) || squeezed.includes(token)) {
      if (anywhereIsPrefix) return 0;
      best = 1;
    }
  }
  return best;
}

function quality(entry: SearchEntry, token: string): Quality {
  const own = matchIn(entry.terms, token);
  if (own === 0) return Quality.OwnPrefix;
  if (own === 1) return Quality.OwnSubstring;
  const around = matchIn(entry.context, token);
  if (around === 0) return Quality.ContextPrefix;
  if (around === 1) return Quality.ContextSubstring;
  return Quality.None;
}

/**
 * The best `limit` entries for a query: each word of the query must match a
 * name of the entry or its context. Ranked by the worst-matching word (start
 * of a word beats inside one, own names beat context), then by all of them,
 * then labels that begin with the query, then places before bodies before
 * officials, then article order.
 */
export function searchPlaces<Entry extends SearchEntry>(index: readonly Entry[], query: string, limit = 8): Entry[] {
  const normalised = normalizeForSearch(query);
  if (!normalised || limit <= 0) return [];
  const tokens = [...new Set(normalised.split(' '))];
  // The query without spaces also counts as one word, so "viet nam" finds "Vietnam".
  const whole = compact(normalised);

  const scored: { entry: Entry; worst: number; total: number; lead: number }[] = [];
  for (const entry of index) {
    let worst: number = Quality.OwnPrefix;
    let total = 0;
    for (const token of tokens) {
      const q = quality(entry, token);
      worst = Math.max(worst, q);
      total += q;
      if (q === Quality.None) break;
    }
    if (tokens.length > 1) {
      const q = quality(entry, whole);
      if (q < worst) {
        worst = q;
        total = q * tokens.length;
      }
    }
    if (worst === Quality.None) continue;
    // Among equals, a label that begins with the query comes first ("a": Argentina before United Arab Emirates).
    const lead = entry.shownLabels.some((label) => label.startsWith(normalised) || compact(label).startsWith(whole)) ? 0 : 1;
    scored.push({ entry, worst, total, lead });
  }

  scored.sort(
    (a, b) =>
      a.worst - b.worst ||
      a.total - b.total ||
      a.lead - b.lead ||
      KIND_RANK[a.entry.kind] - KIND_RANK[b.entry.kind] ||
      a.entry.order - b.entry.order,
  );

  const out: Entry[] = [];
  const ids = new Set<string>();
  for (const { entry } of scored) {
    if (ids.has(entry.id)) continue;
    ids.add(entry.id);
    out.push(entry);
    if (out.length >= limit) break;
  }
  return out;
}

type CountryNames = Record<string, string | string[]>;

function namesOf(table: CountryNames, iso2: string): string[] {
  const names = table[iso2];
  return names === undefined ? [] : Array.isArray(names) ? names : [names];
}

/**
 * Other names of each country place, from i18n-iso-countries (English short
 * and official forms such as "UK", "USA", "Türkiye"; Simplified Chinese) and
 * the platform's Chinese region names, which may differ ("阿联酋" and
 * "阿拉伯联合酋长国"), including the name the Chinese interface shows.
 * Organisations bring theirs through the dataset (`name_zh`).
 */
export function countryNameAliases(places: readonly Place[]): Map<string, string[]> {
  const aliases = new Map<string, string[]>();
  for (const place of places) {
    if (!place.iso3) continue;
    const iso2 = iso3ToIso2(place.iso3);
    if (!iso2) continue;
    const names = [
      ...namesOf(enCountryNames.countries as CountryNames, iso2),
      ...namesOf(zhCountryNames.countries as CountryNames, iso2),
      countryName(place.iso3, LANG_TAGS.zh),
      place.names.zh,
    ].filter((name) => name !== place.name && name !== place.iso3);
    aliases.set(place.key, [...new Set(names)]);
  }
  return aliases;
}
