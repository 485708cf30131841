/**
 * The view in the URL. Each parameter parses to a valid value, or is ignored
 * with a notice that says why; only values that differ from the defaults are
 * written back, in a fixed order, so links stay short and stable.
 */

export type Scheme = 'light' | 'dark';
export type Mode = 'explore' | 'present';
export type Tour = 'senders' | 'themes';
export type Lang = 'en' | 'zh';

export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
}

export interface ViewState {
  sender: string | null;
  /** Selected legend ids (themes plus `goodwill` / `listed`), in the order given. */
  themes: string[];
  camera: Camera | null;
  /** null: follow the system's preference. */
  scheme: Scheme | null;
  embed: boolean;
  mode: Mode;
  tour: Tour;
  /** 1-based; null with mode=explore. */
  slide: number | null;
  /** null: follow the browser's language. */
  lang: Lang | null;
  /** A dataset to load instead of the shipped one. */
  data: string | null;
}

export const DEFAULT_VIEW: ViewState = {
  sender: null,
  themes: [],
  camera: null,
  scheme: null,
  embed: false,
  mode: 'explore',
  tour: 'senders',
  slide: null,
  lang: null,
  data: null,
};

export interface ParsedView {
  view: ViewState;
  /** Human-readable reasons some of the URL was ignored. */
  notices: string[];
}

const KNOWN = ['sender', 'themes', 'camera', 'scheme', 'embed', 'mode', 'tour', 'slide', 'lang', 'data'] as const;
const MAX_VALUE = 300;
const SENDER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const LEGEND_ID = /^[a-z][a-z0-9_]*$/;

export function parseViewState(search: string): ParsedView {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const view: ViewState = { ...DEFAULT_VIEW, themes: [] };

  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!(KNOWN as readonly string[]).includes(key)) {
      notices.push(`Ignored the unknown link parameter "${clip(key)}".`);
    } else if (params.getAll(key).length > 1) {
      notices.push(`The link gives "${key}" more than once; the first value was used.`);
    }
  }

  const get = (key: (typeof KNOWN)[number]): string | null => {
    const value = params.get(key);
    if (value === null) return null;
    if (value.length > MAX_VALUE) {
      notices.push(`Ignored "${key}": the value is too long (${value.length} characters).`);
      return null;
    }
    return value;
  };

  const sender = get('sender');
  if (sender !== null) {
    if (SENDER_ID.test(sender)) view.sender = sender;
    else notices.push(`Ignored sender "${clip(sender)}": not a sender id.`);
  }

  const themes = get('themes');
  if (themes !== null && themes !== '') {
    for (const id of themes.split(',')) {
      if (!LEGEND_ID.test(id)) notices.push(`Ignored theme "${clip(id)}": not a theme id.`);
      else if (!view.themes.includes(id)) view.themes.push(id);
    }
  }

  const camera = get('camera');
  if (camera !== null) {
    const parts = camera.split(',').map((p) => (p.trim() === '' ? NaN : Number(p)));
    const [lng, lat, zoom] = parts;
    if (
      parts.length === 3 &&
      lng !== undefined && lat !== undefined && zoom !== undefined &&
      Number.isFinite(lng) && Number.isFinite(lat) && Number.isFinite(zoom) &&
      Math.abs(lng) <= 180 && Math.abs(lat) <= 85 && zoom >= 0 && zoom <= 22
    ) {
      view.camera = roundCamera({ lng, lat, zoom });
    } else {
      notices.push(`Ignored camera "${clip(camera)}": expected longitude,latitude,zoom.`);
    }
  }

  const scheme = get('scheme');
  if (scheme !== null) {
    if (scheme === 'light' || scheme === 'dark') view.scheme = scheme;
    else notices.push(`Ignored scheme "${clip(scheme)}": expected light or dark.`);
  }

  const embed = get('embed');
  if (embed !== null) {
    if (embed === '1' || embed === 'true' || embed === '') view.embed = true;
    else if (embed !== '0' && embed !== 'false') notices.push(`Ignored embed "${clip(embed)}": expected 1.`);
  }

  const mode = get('mode');
  if (mode !== null) {
    if (mode === 'present' || mode === 'explore') view.mode = mode;
    else notices.push(`Ignored mode "${clip(mode)}": expected present.`);
  }

  const tour = get('tour');
  if (tour !== null) {
    if (tour === 'senders' || tour === 'themes') view.tour = tour;
    else notices.push(`Ignored tour "${clip(tour)}": expected senders or themes.`);
  }

  const slide = get('slide');
  if (slide !== null) {
    const n = /^\d{1,4}$/.test(slide) ? Number(slide) : NaN;
    if (n >= 1) view.slide = n;
    else notices.push(`Ignored slide "${clip(slide)}": expected a slide number from 1.`);
  }

  const lang = get('lang');
  if (lang !== null) {
    if (lang === 'en' || lang === 'zh') view.lang = lang;
    else notices.push(`Ignored language "${clip(lang)}": expected en or zh.`);
  }

  if (view.mode !== 'present') {
    if (params.has('slide') && view.slide !== null) notices.push('Ignored "slide": it only applies with mode=present.');
    if (params.has('tour') && params.get('tour') !== DEFAULT_VIEW.tour && view.tour !== DEFAULT_VIEW.tour) {
      notices.push('Ignored "tour": it only applies with mode=present.');
    }
    view.slide = null;
    view.tour = DEFAULT_VIEW.tour;
  }

  const data = get('data');
  if (data !== null && data !== '') view.data = data;

  return { view, notices };
}

/** Writes only what differs from the defaults, in a fixed order. */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.data) params.set('data', view.data);
  if (view.lang) params.set('lang', view.lang);
  if (view.mode !== 'explore') params.set('mode', view.mode);
  if (view.mode === 'present' && view.tour !== 'senders') params.set('tour', view.tour);
  if (view.mode === 'present' && view.slide !== null) params.set('slide', String(view.slide));
  if (view.sender) params.set('sender', view.sender);
  if (view.themes.length > 0) params.set('themes', view.themes.join(','));
  if (view.camera) {
    const c = roundCamera(view.camera);
    params.set('camera', `${c.lng},${c.lat},${c.zoom}`);
  }
  if (view.scheme) params.set('scheme', view.scheme);
  if (view.embed) params.set('embed', '1');
  const text = params.toString().replace(/%2C/g, ',');
  return text ? `?${text}` : '';
}

/**
 * Drops the parts of a parsed view that the loaded dataset does not know,
 * with a notice for each.
 */
export function resolveAgainstDataset(
  view: ViewState,
  senderIds: ReadonlySet<string>,
  legendIds: readonly string[],
): ParsedView {
  const notices: string[] = [];
  let sender = view.sender;
  if (sender !== null && !senderIds.has(sender)) {
    notices.push(`No sender "${clip(sender)}" in this dataset; the link's selection was ignored.`);
    sender = null;
  }
  const themes = view.themes.filter((id) => {
    if (legendIds.includes(id)) return true;
    notices.push(`No theme "${clip(id)}" in this dataset; it was left out of the filter.`);
    return false;
  });
  return { view: { ...view, sender, themes }, notices };
}

export function roundCamera(camera: Camera): Camera {
  const round = (v: number, digits: number) => Number(v.toFixed(digits));
  return { lng: round(camera.lng, 3), lat: round(camera.lat, 3), zoom: round(camera.zoom, 2) };
}

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
