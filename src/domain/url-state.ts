/**
 * The view in the URL. Each parameter parses to a valid value, or is ignored
 * with a notice that says why; only values that differ from the defaults are
 * written back, in a fixed order, so links stay short and stable.
 */
import { SENDER_ID } from './dataset-patterns';
import { isLang, type Bilingual, type Lang } from './lang';

export type Scheme = 'light' | 'dark';
export type Mode = 'explore' | 'present';
export type Tour = 'senders' | 'themes';

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
  /** The list view instead of the map (`view=list`). */
  list: boolean;
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
  list: false,
};

export interface ParsedView {
  view: ViewState;
  /** Human-readable reasons some of the URL was ignored, in both interface languages. */
  notices: Bilingual[];
}

const KNOWN = ['sender', 'themes', 'camera', 'scheme', 'embed', 'mode', 'tour', 'slide', 'lang', 'data', 'view'] as const;
const MAX_VALUE = 300;
const LEGEND_ID = /^[a-z][a-z0-9_]*$/;

export function parseViewState(search: string): ParsedView {
  const params = new URLSearchParams(search);
  const notices: Bilingual[] = [];
  const view: ViewState = { ...DEFAULT_VIEW, themes: [] };

  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key)) continue;
    seen.add(key);
    if (!(KNOWN as readonly string[]).includes(key)) {
      notices.push({ en: `Ignored the unknown link parameter "${clip(key)}".`, zh: `已忽略未知的链接参数“${clip(key)}”。` });
    } else if (params.getAll(key).length > 1) {
      notices.push({ en: `The link gives "${key}" more than once; the first value was used.`, zh: `链接中“${key}”出现了不止一次，已采用第一个值。` });
    }
  }

  const get = (key: (typeof KNOWN)[number]): string | null => {
    const value = params.get(key);
    if (value === null) return null;
    if (value.length > MAX_VALUE) {
      notices.push({ en: `Ignored "${key}": the value is too long (${value.length} characters).`, zh: `已忽略“${key}”：取值过长（${value.length} 个字符）。` });
      return null;
    }
    return value;
  };

  const sender = get('sender');
  if (sender !== null) {
    if (SENDER_ID.test(sender)) view.sender = sender;
    else notices.push({ en: `Ignored sender "${clip(sender)}": not a sender id.`, zh: `已忽略来函方“${clip(sender)}”：不是有效的来函方标识。` });
  }

  const themes = get('themes');
  if (themes !== null && themes !== '') {
    for (const id of themes.split(',')) {
      if (!LEGEND_ID.test(id)) notices.push({ en: `Ignored theme "${clip(id)}": not a theme id.`, zh: `已忽略合作领域“${clip(id)}”：不是有效的合作领域标识。` });
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
      notices.push({ en: `Ignored camera "${clip(camera)}": expected longitude,latitude,zoom.`, zh: `已忽略视角“${clip(camera)}”：应为“经度,纬度,缩放级别”。` });
    }
  }

  const shown = get('view');
  if (shown !== null) {
    if (shown === 'list' || shown === 'map') view.list = shown === 'list';
    else notices.push({ en: `Ignored view "${clip(shown)}": expected list or map.`, zh: `已忽略视图“${clip(shown)}”：应为 list 或 map。` });
  }

  const scheme = get('scheme');
  if (scheme !== null) {
    if (scheme === 'light' || scheme === 'dark') view.scheme = scheme;
    else notices.push({ en: `Ignored scheme "${clip(scheme)}": expected light or dark.`, zh: `已忽略配色“${clip(scheme)}”：应为 light 或 dark。` });
  }

  const embed = get('embed');
  if (embed !== null) {
    if (embed === '1' || embed === 'true' || embed === '') view.embed = true;
    else if (embed !== '0' && embed !== 'false') notices.push({ en: `Ignored embed "${clip(embed)}": expected 1.`, zh: `已忽略 embed 参数“${clip(embed)}”：应为 1。` });
  }

  const mode = get('mode');
  if (mode !== null) {
    if (mode === 'present' || mode === 'explore') view.mode = mode;
    else notices.push({ en: `Ignored mode "${clip(mode)}": expected present.`, zh: `已忽略模式“${clip(mode)}”：应为 present。` });
  }

  const tour = get('tour');
  if (tour !== null) {
    if (tour === 'senders' || tour === 'themes') view.tour = tour;
    else notices.push({ en: `Ignored tour "${clip(tour)}": expected senders or themes.`, zh: `已忽略导览“${clip(tour)}”：应为 senders 或 themes。` });
  }

  const slide = get('slide');
  if (slide !== null) {
    const n = /^\d{1,4}$/.test(slide) ? Number(slide) : NaN;
    if (n >= 1) view.slide = n;
    else notices.push({ en: `Ignored slide "${clip(slide)}": expected a slide number from 1.`, zh: `已忽略幻灯片“${clip(slide)}”：应为从 1 开始的页码。` });
  }

  const lang = get('lang');
  if (lang !== null) {
    if (isLang(lang)) view.lang = lang;
    else notices.push({ en: `Ignored language "${clip(lang)}": expected en or zh.`, zh: `已忽略语言“${clip(lang)}”：应为 en 或 zh。` });
  }

  if (view.mode !== 'present') {
    if (params.has('slide') && view.slide !== null) notices.push({ en: 'Ignored "slide": it only applies with mode=present.', zh: '已忽略“slide”：仅在 mode=present 时有效。' });
    if (params.has('tour') && params.get('tour') !== DEFAULT_VIEW.tour && view.tour !== DEFAULT_VIEW.tour) {
      notices.push({ en: 'Ignored "tour": it only applies with mode=present.', zh: '已忽略“tour”：仅在 mode=present 时有效。' });
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
  if (view.list) params.set('view', 'list');
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
  const notices: Bilingual[] = [];
  let sender = view.sender;
  if (sender !== null && !senderIds.has(sender)) {
    notices.push({ en: `No sender "${clip(sender)}" in this dataset; the link's selection was ignored.`, zh: `此数据集中没有来函方“${clip(sender)}”，已忽略链接中的选择。` });
    sender = null;
  }
  const themes = view.themes.filter((id) => {
    if (legendIds.includes(id)) return true;
    notices.push({ en: `No theme "${clip(id)}" in this dataset; it was left out of the filter.`, zh: `此数据集中没有合作领域“${clip(id)}”，已将其移出筛选。` });
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
