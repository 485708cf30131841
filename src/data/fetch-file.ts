/**
 * Fetching a file the app needs, with errors that say which file and what went
 * wrong, in words a person can act on. In the offline single file, the files
 * it carries are read from inside it instead (embedded-assets.ts).
 */
import { embeddedFile, isEmbeddedBuild } from './embedded-assets';

export class LoadError extends Error {
  constructor(
    /** What the file is, for people: "the dataset", "the source article", "the map shapes". */
    readonly what: string,
    readonly url: string,
    readonly reason: string,
    readonly details: readonly string[] = [],
  ) {
    super(`Could not load ${what} (${url}): ${reason}`);
    this.name = 'LoadError';
  }
}

const TIMEOUT_MS = 15_000;

function appBaseUrl(): string {
  return new URL(import.meta.env.BASE_URL, document.baseURI).href;
}

export function resolveAssetUrl(path: string): string {
  return new URL(path, appBaseUrl()).href;
}

/** The file's content when the offline single file carries it, else undefined. */
function lookupEmbedded(url: string): unknown {
  return isEmbeddedBuild() ? embeddedFile(url, appBaseUrl()) : undefined;
}

export async function fetchText(what: string, url: string, signal?: AbortSignal): Promise<string> {
  const embedded = lookupEmbedded(url);
  if (embedded !== undefined) return typeof embedded === 'string' ? embedded : JSON.stringify(embedded);
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await fetch(url, { signal: combined });
  } catch (error) {
    if (timeout.aborted) throw new LoadError(what, url, `no answer within ${TIMEOUT_MS / 1000} seconds`);
    if (signal?.aborted) throw error;
    // The browser hides why a cross-origin request failed; a refusal by CORS is
    // by far the likeliest reason when the same link opens in a tab.
    const origin = crossOrigin(url);
    if (origin) {
      throw new LoadError(
        what,
        url,
        `the server at ${origin} does not allow loading its data from here (CORS), or it cannot be reached. Its owner can allow it (Access-Control-Allow-Origin), or you can download the file and open it with "Open data"`,
      );
    }
    throw new LoadError(what, url, `the request failed (${error instanceof Error ? error.message : String(error)})`);
  }
  if (!response.ok) {
    const reason = response.status === 404 ? 'the file was not found (HTTP 404)' : `the server answered HTTP ${response.status}`;
    throw new LoadError(what, url, reason);
  }
  try {
    return await response.text();
  } catch {
    throw new LoadError(what, url, 'the download was interrupted');
  }
}

export async function fetchJson(what: string, url: string, signal?: AbortSignal): Promise<unknown> {
  const embedded = lookupEmbedded(url);
  // Embedded JSON files are stored as values: no second parse.
  if (embedded !== undefined && typeof embedded !== 'string') return embedded;
  const text = await fetchText(what, url, signal);
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const hint = text.trimStart().startsWith('<') ? 'it is an HTML page, not JSON' : 'it is not valid JSON';
    throw new LoadError(what, url, `${hint} (${error instanceof Error ? error.message : 'parse error'})`);
  }
}

/** The origin of `url` when it is not this page's, else null. */
export function crossOrigin(url: string): string | null {
  try {
    const target = new URL(url, document.baseURI);
    return target.origin === new URL(document.baseURI).origin ? null : target.origin;
  } catch {
    return null;
  }
}
