/**
 * The data block of the offline single file: one
 * `<script type="application/json" id="atlas-embedded">` element holding the
 * dataset, the source article and the map geometry, keyed by their path
 * relative to the app (as the hosted build serves them), plus the view the
 * file opens with.
 *
 * It is data, not script: browsers never run it, so the file's
 * Content-Security-Policy hashes only the app's one inline module script,
 * and a copy with other data keeps the same hashes.
 *
 * Pure (no DOM): the build (vite.config.ts), the app and the tests share it.
 */

export const EMBEDDED_BLOCK_ID = 'atlas-embedded';

/** The asset paths the single file carries, relative to the app. */
export const EMBEDDED_PATHS = {
  dataset: 'data/atlas.json',
  sourceText: 'data/source/article.txt',
  worldShapes: 'geo/world-shapes.json',
  countries: 'geo/countries.geojson',
  borders: 'geo/borders.geojson',
} as const;

export interface EmbeddedPayload {
  version: 1;
  /**
   * The view (a URL search string such as `?sender=…`) the file opens with when
   * its own address has none; '' for the default view.
   */
  initialSearch: string;
  /** File contents by path relative to the app: JSON files as values, text files as strings. */
  files: Record<string, unknown>;
}

const OPEN_TAG = `<script type="application/json" id="${EMBEDDED_BLOCK_ID}">`;
const ID_ATTRIBUTE = new RegExp(`\\bid=["']?${EMBEDDED_BLOCK_ID}["'\\s>]`, 'i');

/**
 * Where the block is: the last `<script` of the page (the build and
 * `replaceEmbeddedBlock` put it just before `</body>`, after the app's own
 * inline script, whose code may well contain the same tag as a string), up to
 * the first `</script` after it (its JSON has no `<`).
 */
function locateBlock(html: string): { start: number; contentStart: number; contentEnd: number; end: number } | null {
  const start = html.toLowerCase().lastIndexOf('<script');
  if (start < 0) return null;
  const tagEnd = html.indexOf('>', start);
  if (tagEnd < 0 || !ID_ATTRIBUTE.test(html.slice(start, tagEnd + 1))) return null;
  const close = /<\/script\s*>/gi;
  close.lastIndex = tagEnd;
  const closeMatch = close.exec(html);
  if (!closeMatch) return null;
  return { start, contentStart: tagEnd + 1, contentEnd: closeMatch.index, end: closeMatch.index + closeMatch[0].length };
}

/**
 * JSON that is safe between `<script>` and `</script>`: every `<` (which can
 * only occur inside a JSON string) becomes `\u003c`, so neither `</script`
 * nor `<!--` can end or confuse the element. JSON.parse reads it back unchanged.
 */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function serializeEmbeddedBlock(payload: EmbeddedPayload): string {
  return `${OPEN_TAG}${scriptSafeJson(payload)}</script>`;
}

/** The payload of the block in a page's HTML, or null when there is none or it is not a payload. */
export function readEmbeddedBlock(html: string): EmbeddedPayload | null {
  const place = locateBlock(html);
  return place ? parseEmbeddedPayload(html.slice(place.contentStart, place.contentEnd)) : null;
}

export function parseEmbeddedPayload(json: string): EmbeddedPayload | null {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  const { version, initialSearch, files } = value as Record<string, unknown>;
  if (version !== 1 || typeof files !== 'object' || files === null || Array.isArray(files)) return null;
  return { version: 1, initialSearch: typeof initialSearch === 'string' ? initialSearch : '', files: files as Record<string, unknown> };
}

/** The page with its block replaced by `payload` (or, if it has none, the block added at the end of the body). */
export function replaceEmbeddedBlock(html: string, payload: EmbeddedPayload): string {
  const block = serializeEmbeddedBlock(payload);
  const place = locateBlock(html);
  if (place && parseEmbeddedPayload(html.slice(place.contentStart, place.contentEnd))) {
    return `${html.slice(0, place.start)}${block}${html.slice(place.end)}`;
  }
  const bodyEnd = html.lastIndexOf('</body>');
  return bodyEnd < 0 ? `${html}${block}` : `${html.slice(0, bodyEnd)}${block}${html.slice(bodyEnd)}`;
}
