/**
 * The files the offline single file carries inside itself (see
 * embedded-block.ts). The hosted app has no such block: every lookup here
 * answers "not embedded" and the app fetches as usual.
 *
 * Evaluated before the app renders (fetch-file.ts imports it), it also
 * - keeps the page's HTML as it was parsed, before React touches the DOM, so
 *   "Download offline copy" can write a copy of this very file (re-fetching
 *   a file:// page is refused), and
 * - applies the view the file was saved with, when its address has none.
 */
import { EMBEDDED_BLOCK_ID, parseEmbeddedPayload, type EmbeddedPayload } from './embedded-block';

interface Embedded {
  payload: EmbeddedPayload;
  /** The whole page as parsed (doctype included), before the app changed anything. */
  pristineHtml: string;
}

function readEmbedded(): Embedded | null {
  if (typeof document === 'undefined') return null;
  const element = document.getElementById(EMBEDDED_BLOCK_ID);
  if (!(element instanceof HTMLScriptElement) || element.type !== 'application/json') return null;
  const payload = parseEmbeddedPayload(element.textContent ?? '');
  if (!payload) return null;
  return { payload, pristineHtml: `<!doctype html>\n${document.documentElement.outerHTML}` };
}

const embedded = readEmbedded();

if (embedded && embedded.payload.initialSearch && window.location.search === '') {
  const search = embedded.payload.initialSearch.startsWith('?') ? embedded.payload.initialSearch : `?${embedded.payload.initialSearch}`;
  try {
    window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
  } catch {
    // A browser that refuses to change a file:// address: the file opens with the default view.
  }
}

/** True in the offline single file (or a copy of it). */
export function isEmbeddedBuild(): boolean {
  return embedded !== null;
}

/** The pristine HTML of this single file, or null in the hosted app. */
export function embeddedPageHtml(): string | null {
  return embedded?.pristineHtml ?? null;
}

/**
 * The embedded content for an absolute asset URL (resolved against the app's
 * base, as resolveAssetUrl does), or undefined when it is not embedded.
 */
export function embeddedFile(url: string, appBase: string): unknown {
  if (!embedded) return undefined;
  const clean = url.split(/[?#]/, 1)[0] ?? url;
  if (!clean.startsWith(appBase)) return undefined;
  let key: string;
  try {
    key = decodeURI(clean.slice(appBase.length));
  } catch {
    return undefined;
  }
  return Object.hasOwn(embedded.payload.files, key) ? embedded.payload.files[key] : undefined;
}
