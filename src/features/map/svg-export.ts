/**
 * The map as a standalone SVG document for export (SVG file, and the source
 * of the PNG at any scale). Pure string building: no DOM, no fonts or images
 * from outside, so it runs in the browser, in Node and offline.
 *
 * Layout: a header band (title, subtitle, the selected place), the map at the
 * exported view's pixel size, a footer band (legend, notice, source credit).
 * Text widths are estimated, not measured, since there is no DOM to measure in.
 */
import type { Borders, Countries } from '../../data/get-countries';
import { LANG_TAGS, type Lang } from '../../domain/lang';
import { countryNameIn } from '../../domain/localized-fields';
import { NEUTRALS, SCHEMES, type SchemeName } from '../../domain/palette';
import { countryFill, projectBorders, projectCountries, projectPoint, worldView, type MapViewState } from './svg-map-geometry';

export const EXPORT_FONT_FAMILY =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'PingFang SC', 'Microsoft YaHei', sans-serif";

/**
 * Chinese exports: the same Latin faces, then the system's Simplified Chinese
 * faces before the generic family, so Han glyphs never fall to a Japanese or
 * Traditional face (or to tofu). No web fonts: the SVG must stand alone.
 */
export const EXPORT_FONT_FAMILY_ZH =
  "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, 'Noto Sans CJK SC', 'Noto Sans SC', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Source Han Sans SC', sans-serif";

/** The few words the renderer writes itself; everything else comes in the options, already in the language. */
const WORDS = {
  en: { selected: 'Selected: ', count: (label: string, n: number) => `${label} (${n})` },
  zh: { selected: '当前选中：', count: (label: string, n: number) => `${label}（${n}）` },
} as const satisfies Record<Lang, unknown>;

export interface ExportLegendEntry {
  label: string;
  colour: string;
  count?: number;
}

export interface ExportMarker {
  label: string;
  kind: 'country' | 'organization';
  lngLat: [number, number];
  colour: string;
  matches: boolean;
  showLabel: boolean;
  selected?: boolean;
}

export interface MapSvgOptions {
  /**
   * The language of the texts passed in (title, legend, credit…): the
   * document's `xml:lang`, the words the renderer adds, the font stack, and
   * the countries' tooltips. English when not given.
   */
  lang?: Lang;
  /** The map's size in px (the on-screen map frame); bands are added above and below. */
  width: number;
  height: number;
  scheme: SchemeName;
  countries: Countries;
  /** Land borders as the map draws them; without them, country outlines are stroked instead. */
  borders?: Borders | null;
  colourByIso3: ReadonlyMap<string, string>;
  recipient: { iso3: string; name: string; location?: [number, number] };
  /** Text beside the recipient's dot, e.g. "China · recipient"; omitted when absent. */
  recipientLabel?: string;
  /** The camera to draw; defaults to the initial world view at this size. */
  view?: MapViewState;
  title: string;
  subtitle?: string;
  /** Only the entries to show (e.g. the active filter's). */
  legend: readonly ExportLegendEntry[];
  selected?: { name: string; iso3: string | null } | null;
  markers?: readonly ExportMarker[];
  /** Source credit line, drawn as given. */
  credit: string;
  /** An optional line such as "Data loaded from a user file". */
  notice?: string;
}

// eslint-disable-next-line no-control-regex -- stripping the control characters XML 1.0 forbids is the point
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text safe for XML content and attribute values (also drops characters XML 1.0 forbids). */
export function escapeXml(text: string): string {
  return text
    .replace(XML_INVALID, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const WIDE_CHARACTER = /[\u2E80-\u9FFF\uAC00-\uD7AF\uF900-\uFAFF\uFF00-\uFFEF]/;

/** Rough advance width of text in the system UI font: CJK is full width, the rest about 0.56 em. */
function textWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += WIDE_CHARACTER.test(ch) ? 1 : 0.56;
  return em * fontSize;
}

/**
 * Text broken into lines that fit `maxWidth` (by the estimate above): after a space, or
 * between two CJK characters; a word longer than a line stays whole. Each line but the last
 * keeps its trailing space, so the lines joined are the text.
 */
export function wrapText(text: string, fontSize: number, maxWidth: number): string[] {
  const words: string[] = [];
  let word = '';
  for (const ch of text) {
    if (WIDE_CHARACTER.test(ch) && word !== '') {
      words.push(word);
      word = '';
    }
    word += ch;
    if (/\s/.test(ch) || WIDE_CHARACTER.test(ch)) {
      words.push(word);
      word = '';
    }
  }
  if (word) words.push(word);
  const lines: string[] = [];
  let line = '';
  for (const next of words) {
    if (line !== '' && textWidth((line + next).trimEnd(), fontSize) > maxWidth) {
      lines.push(line);
      line = next;
    } else {
      line += next;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** A <text> of one or more lines (tspans), its first baseline at `y`. */
function textLines(lines: readonly string[], x: number, y: number, lineHeight: number, attributes: string): string {
  const spans = lines.map((line, i) => `<tspan x="${x}"${i === 0 ? '' : ` dy="${lineHeight}"`}>${escapeXml(line)}</tspan>`).join('');
  return `<text x="${x}" y="${y}" ${attributes}>${spans}</text>`;
}

function fmt(n: number): string {
  return String(Math.round(n * 10) / 10);
}

interface Band {
  height: number;
  body: string;
}

function headerBand(o: MapSvgOptions, base: number): Band {
  const s = SCHEMES[o.scheme];
  const pad = base;
  const titleSize = Math.round(base * 1.5);
  // Long lines wrap rather than run off the image (the subtitle at 1024 px, an edited title):
  // within the margins, less the estimate's error (the bold title at 1024 px: 914 px estimated,
  // 935 drawn).
  const room = (o.width - 2 * pad) / 1.06;
  let y = pad + titleSize;
  const titleLines = wrapText(o.title, titleSize, room);
  let body = textLines(titleLines, pad, y, Math.round(titleSize * 1.2), `font-size="${titleSize}" font-weight="700" fill="${s.text}" data-role="title"`);
  y += Math.round(titleSize * 1.2) * (titleLines.length - 1);
  if (o.subtitle) {
    y += Math.round(base * 1.5);
    const lines = wrapText(o.subtitle, base, room);
    body += textLines(lines, pad, y, Math.round(base * 1.3), `font-size="${base}" fill="${s.textMuted}" data-role="subtitle"`);
    y += Math.round(base * 1.3) * (lines.length - 1);
  }
  if (o.selected) {
    y += Math.round(base * 1.7);
    const label = WORDS[o.lang ?? 'en'].selected;
    const labelWidth = textWidth(label, base);
    const nameWidth = textWidth(o.selected.name, base) + base * 0.8;
    body +=
      `<text x="${pad}" y="${y}" font-size="${base}" fill="${s.textMuted}">${escapeXml(label)}</text>` +
      `<rect x="${fmt(pad + labelWidth)}" y="${fmt(y - base * 1.1)}" width="${fmt(nameWidth)}" height="${fmt(base * 1.5)}" rx="3" fill="${s.surfaceRaised}" stroke="${s.highlight}" stroke-width="1.5"/>` +
      `<text x="${fmt(pad + labelWidth + base * 0.4)}" y="${y}" font-size="${base}" font-weight="700" fill="${s.text}" data-role="selected">${escapeXml(o.selected.name)}</text>`;
  }
  return { height: y + Math.round(pad * 0.8), body };
}

function footerBand(o: MapSvgOptions, base: number): Band {
  const s = SCHEMES[o.scheme];
  const pad = base;
  const swatch = Math.round(base * 0.9);
  const rowHeight = Math.round(base * 1.6);
  const gap = base * 1.4;
  let x = pad;
  let y = pad;
  let body = '';
  let any = false;
  for (const entry of o.legend) {
    const text = entry.count === undefined ? entry.label : WORDS[o.lang ?? 'en'].count(entry.label, entry.count);
    const w = swatch + base * 0.4 + textWidth(text, base);
    if (any && x + w > o.width - pad) {
      x = pad;
      y += rowHeight;
    }
    any = true;
    body +=
      `<g data-role="legend-entry"><rect x="${fmt(x)}" y="${fmt(y)}" width="${swatch}" height="${swatch}" rx="2" fill="${escapeXml(entry.colour)}" stroke="${s.border}" stroke-width="1"/>` +
      `<text x="${fmt(x + swatch + base * 0.4)}" y="${fmt(y + swatch * 0.85)}" font-size="${base}" fill="${s.text}">${escapeXml(text)}</text></g>`;
    x += w + gap;
  }
  if (any) y += rowHeight + base * 0.4;
  const small = Math.max(10, Math.round(base * 0.8));
  if (o.notice) {
    y += small;
    body += `<text x="${pad}" y="${fmt(y)}" font-size="${small}" fill="${s.text}" data-role="notice">${escapeXml(o.notice)}</text>`;
    y += small * 0.6;
  }
  y += small * 1.2;
  body += `<text x="${pad}" y="${fmt(y)}" font-size="${small}" fill="${s.textMuted}" data-role="credit">${escapeXml(o.credit)}</text>`;
  return { height: Math.round(y + pad * 0.8), body };
}

function markerShape(m: ExportMarker, x: number, y: number, scheme: SchemeName): string {
  const s = SCHEMES[scheme];
  const opacity = m.matches ? '' : ' opacity="0.45"';
  const ring = m.selected ? ` stroke="${s.text}" stroke-width="2.5"` : ` stroke="${s.surface}" stroke-width="2"`;
  const shape =
    m.kind === 'organization'
      ? `<rect x="${fmt(x - 7)}" y="${fmt(y - 7)}" width="14" height="14" rx="2" transform="rotate(45 ${fmt(x)} ${fmt(y)})" fill="${escapeXml(m.colour)}"${ring}${opacity}/>`
      : `<circle cx="${fmt(x)}" cy="${fmt(y)}" r="8" fill="${escapeXml(m.colour)}"${ring}${opacity}/>`;
  const label = m.showLabel
    ? `<text x="${fmt(x + 12)}" y="${fmt(y + 4)}" font-size="12" font-weight="600" fill="${s.text}" stroke="${s.surface}" stroke-width="3" paint-order="stroke">${escapeXml(m.label)}</text>`
    : '';
  return `<g data-role="marker" data-label="${escapeXml(m.label)}">${shape}${label}</g>`;
}

/** The export as an SVG document string (with XML declaration), `width` × (header + `height` + footer) px. */
export function buildMapSvg(o: MapSvgOptions): string {
  const s = SCHEMES[o.scheme];
  const lang = o.lang ?? 'en';
  const tag = LANG_TAGS[lang];
  const fontFamily = lang === 'zh' ? EXPORT_FONT_FAMILY_ZH : EXPORT_FONT_FAMILY;
  // Han characters at the English base size are hard to read in a PNG: one step larger.
  const base = Math.max(lang === 'zh' ? 13 : 12, Math.min(20, Math.round(o.width / 64)));
  const view = o.view ?? worldView(o.width, o.height);
  const header = headerBand(o, base);
  const footer = footerBand(o, base);
  const mapTop = header.height;
  const total = header.height + o.height + footer.height;

  const countries = projectCountries(o.countries, o.width, o.height, view);
  // The shapes' own names are English; a Chinese export names them the platform's way.
  const nameOf = (c: { iso3: string | null; name: string }): string => {
    if (lang === 'en' || !c.iso3) return c.name;
    const name = countryNameIn(c.iso3, lang);
    return name === c.iso3 ? c.name : name;
  };
  const paths: string[] = [];
  const selectedPaths: string[] = [];
  for (const c of countries) {
    if (!c.d) continue;
    const fill = countryFill(c.iso3, o.colourByIso3, o.recipient.iso3, o.scheme);
    const iso = c.iso3 ? ` data-iso3="${escapeXml(c.iso3)}"` : '';
    paths.push(`<path d="${c.d}"${iso} fill="${escapeXml(fill)}"><title>${escapeXml(nameOf(c))}</title></path>`);
    if (o.selected?.iso3 && c.iso3 === o.selected.iso3) selectedPaths.push(`<path d="${c.d}"/>`);
  }

  let overlays = '';
  if (o.recipientLabel && o.recipient.location) {
    const [x, y] = projectPoint(o.recipient.location, view);
    const size = 13;
    const w = textWidth(o.recipientLabel, size) + 12;
    overlays +=
      `<g data-role="recipient"><circle cx="${fmt(x)}" cy="${fmt(y)}" r="5" fill="${NEUTRALS.recipient}" stroke="${s.surface}" stroke-width="2"/>` +
      `<rect x="${fmt(x + 12)}" y="${fmt(y - 10)}" width="${fmt(w)}" height="20" rx="4" fill="${s.surface}" fill-opacity="0.88" stroke="${NEUTRALS.recipient}"/>` +
      `<text x="${fmt(x + 18)}" y="${fmt(y + 4.5)}" font-size="${size}" font-weight="600" fill="${s.text}">${escapeXml(o.recipientLabel)}</text></g>`;
  }
  for (const m of o.markers ?? []) {
    const [x, y] = projectPoint(m.lngLat, view);
    if (x < -20 || y < -20 || x > o.width + 20 || y > o.height + 20) continue;
    overlays += markerShape(m, x, y, o.scheme);
  }

  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${o.width}" height="${total}" viewBox="0 0 ${o.width} ${total}" xml:lang="${tag}" lang="${tag}" font-family="${escapeXml(fontFamily)}">` +
    `<title>${escapeXml(o.title)}</title>` +
    `<rect width="${o.width}" height="${total}" fill="${s.surface}"/>` +
    `<g data-role="header">${header.body}</g>` +
    `<defs><clipPath id="atlas-map-clip"><rect width="${o.width}" height="${o.height}"/></clipPath></defs>` +
    `<g data-role="map" transform="translate(0 ${mapTop})" clip-path="url(#atlas-map-clip)">` +
    `<rect width="${o.width}" height="${o.height}" fill="${s.sea}" data-role="sea"/>` +
    (o.borders
      ? `<g data-role="countries">${paths.join('')}</g>` +
        `<path d="${projectBorders(o.borders, view)}" fill="none" stroke="${s.border}" stroke-width="0.7" stroke-linejoin="round" data-role="borders"/>`
      : `<g stroke="${s.border}" stroke-width="0.6" stroke-linejoin="round" data-role="countries">${paths.join('')}</g>`) +
    (selectedPaths.length
      ? `<g fill="none" stroke="${s.highlight}" stroke-width="2.4" stroke-linejoin="round" data-role="selected-outline">${selectedPaths.join('')}</g>`
      : '') +
    overlays +
    `</g>` +
    `<g data-role="footer" transform="translate(0 ${mapTop + o.height})">${footer.body}</g>` +
    `</svg>\n`
  );
}
