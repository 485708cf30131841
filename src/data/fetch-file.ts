/**
 * Fetching a file the app needs, with errors that say which file and what went
 * wrong, in words a person can act on. In the offline single file, the files
 * it carries are read from inside it instead (embedded-assets.ts).
 */
import type { z } from 'zod';
import { BilingualError, type Bilingual, type Lang } from '../domain/lang';
import { isCheckedAtBuild } from './build-checked-files';
import { embeddedFile, isEmbeddedBuild } from './embedded-assets';
import { yieldToMain } from './yield-to-main';

/** The files the app loads, as people call them ("Could not load the dataset"). */
export const LOADED_FILES = {
  dataset: { en: 'the dataset', zh: '数据集' },
  sourceArticle: { en: 'the source article', zh: '新闻报道原文' },
  mapShapes: { en: 'the map shapes', zh: '地图轮廓数据' },
  mapBorders: { en: 'the map borders', zh: '国界线数据' },
  offlinePage: { en: 'the offline version of the atlas', zh: '图集离线版' },
} as const satisfies Record<string, Bilingual>;

/**
 * A file that could not be loaded: which, from where, and why, in both
 * interface languages (the error is made before anyone knows which one is on
 * screen). `what`, `reason`, `details` and `message` are the English words.
 */
export class LoadError extends Error {
  readonly what: string;
  readonly reason: string;
  readonly details: readonly string[];
  constructor(
    /** What the file is, for people: "the dataset", "the source article", "the map shapes". */
    readonly whatText: Bilingual,
    readonly url: string,
    readonly reasonText: Bilingual,
    readonly detailTexts: readonly Bilingual[] = [],
  ) {
    super(`Could not load ${whatText.en} (${url}): ${reasonText.en}`);
    this.name = 'LoadError';
    this.what = whatText.en;
    this.reason = reasonText.en;
    this.details = detailTexts.map((d) => d.en);
  }

  /** The one-line message in a language: "Could not load the dataset (…): …" / "无法加载数据集（…）：…". */
  messageIn(lang: Lang): string {
    return lang === 'zh' ? `无法加载${this.whatText.zh}（${this.url}）：${this.reasonText.zh}` : this.message;
  }
}

/**
 * Any error as a person reads it, in both languages: a LoadError says which
 * file and why; anything else (a bug) is framed in Chinese around the
 * program's own English message, which is all there is to show.
 */
export function describeError(error: unknown): Bilingual {
  if (error instanceof LoadError) return { en: error.messageIn('en'), zh: error.messageIn('zh') };
  if (error instanceof BilingualError) return { en: error.message, zh: error.zh };
  const detail = error instanceof Error ? error.message : String(error);
  return { en: detail, zh: `出现意外错误：${detail}` };
}

function asBilingual(text: string | Bilingual): Bilingual {
  return typeof text === 'string' ? { en: text, zh: text } : text;
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

const UTF8 = new TextDecoder('utf-8');

interface EarlyRequest {
  response: Promise<Response>;
  /** The body, already draining into a Blob while the app starts up. */
  body: Promise<Blob>;
  timeout: AbortSignal;
}
/** By URL; each is taken once. */
const earlyRequests = new Map<string, EarlyRequest>();

/**
 * Starts downloading `url` now, before the app has rendered; the next
 * download of the same URL (fetchText, fetchJson, fetchPreparedJson) takes
 * this request instead of making its own. For a `?data=` dataset, whose
 * download need not wait for the page's script to finish starting (its
 * failures are reported by that download, as usual).
 */
export function startEarlyRequest(url: string): void {
  // One download per address (a `?data=` link to the map shapes themselves, say).
  if (earlyRequests.has(url) || lookupEmbedded(url) !== undefined) return;
  const timeout = AbortSignal.timeout(TIMEOUT_MS);
  const response = fetch(url, { signal: timeout });
  // Read at once: the body then fills a Blob off the main thread while the page's script is
  // still starting, instead of once the app asks for it (see fetchBytes).
  const body = response.then((r) => r.blob());
  // Reported when taken; never an unhandled rejection if they are not.
  response.catch(() => undefined);
  body.catch(() => undefined);
  earlyRequests.set(url, { response, body, timeout });
}

function takeEarlyRequest(url: string): EarlyRequest | null {
  const taken = earlyRequests.get(url);
  if (!taken) return null;
  earlyRequests.delete(url);
  return taken;
}

/** `what`: one of LOADED_FILES (a plain string reads the same in both languages). */
export async function fetchText(whatText: Bilingual | string, url: string, signal?: AbortSignal): Promise<string> {
  const embedded = lookupEmbedded(url);
  if (embedded !== undefined) return typeof embedded === 'string' ? embedded : JSON.stringify(embedded);
  // UTF-8, a byte-order mark dropped (as response.text() would).
  return UTF8.decode(await fetchBytes(asBilingual(whatText), url, signal));
}

async function fetchBytes(what: Bilingual, url: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const early = takeEarlyRequest(url);
  const timeout = early?.timeout ?? AbortSignal.timeout(TIMEOUT_MS);
  const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await (early?.response ?? fetch(url, { signal: combined }));
  } catch (error) {
    if (timeout.aborted) {
      throw new LoadError(what, url, { en: `no answer within ${TIMEOUT_MS / 1000} seconds`, zh: `${TIMEOUT_MS / 1000} 秒内没有响应` });
    }
    if (signal?.aborted) throw error;
    // The browser hides why a cross-origin request failed; a refusal by CORS is
    // by far the likeliest reason when the same link opens in a tab.
    const origin = crossOrigin(url);
    if (origin) {
      throw new LoadError(what, url, {
        en: `the server at ${origin} does not allow loading its data from here (CORS), or it cannot be reached. Its owner can allow it (Access-Control-Allow-Origin), or you can download the file and open it with "Open data"`,
        zh: `${origin} 的服务器不允许从本页面加载其数据（CORS），或者无法访问。可请服务器管理者开放访问（Access-Control-Allow-Origin），也可以下载该文件，再用“打开数据”打开`,
      });
    }
    const detail = error instanceof Error ? error.message : String(error);
    throw new LoadError(what, url, { en: `the request failed (${detail})`, zh: `请求失败（${detail}）` });
  }
  if (!response.ok) {
    const reason =
      response.status === 404
        ? { en: 'the file was not found (HTTP 404)', zh: '找不到该文件（HTTP 404）' }
        : { en: `the server answered HTTP ${response.status}`, zh: `服务器返回 HTTP ${response.status}` };
    throw new LoadError(what, url, reason);
  }
  try {
    // Through a Blob. Chromium fills a Blob in its blob store, off the page's main thread;
    // response.arrayBuffer() pulls the body through the main thread in chunks (a 9 MB
    // dataset: 380–640 ms against 90–200 ms), and response.text() took longer still.
    const blob = await (early?.body ?? response.blob());
    return await blob.arrayBuffer();
  } catch {
    throw new LoadError(what, url, { en: 'the download was interrupted', zh: '下载中断' });
  }
}

export async function fetchJson(what: Bilingual | string, url: string, signal?: AbortSignal): Promise<unknown> {
  const embedded = lookupEmbedded(url);
  // Embedded JSON files are stored as values: no second parse.
  if (embedded !== undefined && typeof embedded !== 'string') return embedded;
  return parseJsonText(what, url, await fetchText(what, url, signal));
}

/**
 * A JSON file parsed, and whether it is the file the build validated at
 * `preparedPath` (the shipped dataset, the map shapes: see
 * build-checked-files.ts). `checkedAtBuild` says `url` is that file and its
 * bytes are exactly those the build validated, so the caller need not check
 * it again; any other file, or one changed since (or read where the digest
 * cannot be computed), must be checked as any other. `madeByJsonParse`: the
 * value is JSON.parse's result, as it made it (not so for a file the offline
 * single file carries, which comes as it was stored).
 */
export async function fetchPreparedJson(
  whatText: Bilingual | string,
  preparedPath: string,
  url: string,
  signal?: AbortSignal,
): Promise<{ value: unknown; checkedAtBuild: boolean; madeByJsonParse: boolean }> {
  const embedded = lookupEmbedded(url);
  // The offline single file may carry a dataset other than the shipped one: checked as any other.
  if (embedded !== undefined) return { value: await fetchJson(whatText, url, signal), checkedAtBuild: false, madeByJsonParse: false };
  const bytes = await fetchBytes(asBilingual(whatText), url, signal);
  const checkedAtBuild = await isCheckedAtBuild(preparedPath, url, bytes, resolveAssetUrl);
  return { value: await parseJsonText(whatText, url, UTF8.decode(bytes)), checkedAtBuild, madeByJsonParse: true };
}

/** A downloaded file's text parsed as JSON, in a task of its own; a LoadError if it is not JSON. */
async function parseJsonText(what: Bilingual | string, url: string, text: string): Promise<unknown> {
  // Decoding and parsing a large file are long tasks each: apart, the page can paint between them.
  await yieldToMain();
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const html = text.trimStart().startsWith('<');
    const detail = error instanceof Error ? error.message : 'parse error';
    throw new LoadError(asBilingual(what), url, {
      en: `${html ? 'it is an HTML page, not JSON' : 'it is not valid JSON'} (${detail})`,
      zh: `${html ? '这是一个 HTML 网页，不是 JSON' : '不是有效的 JSON'}（${detail}）`,
    });
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

/**
 * A fetched prepared file (the map shapes) checked against its schema: the
 * parsed value, or a LoadError giving `reason` and zod's first message (in
 * English in both languages: it is for whoever prepares the file).
 */
export function checkPreparedFile<T>(schema: z.ZodType<T>, raw: unknown, what: Bilingual, url: string, reason: Bilingual): T {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const detail = result.error.issues[0]?.message;
  throw new LoadError(what, url, reason, [detail ? { en: detail, zh: detail } : { en: 'unknown problem', zh: '未知问题' }]);
}
