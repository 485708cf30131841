/**
 * "Download offline copy": the offline single file with the dataset and the
 * view the person has now, saved as one HTML file that opens from a folder
 * (or a USB stick) with no network.
 *
 * The template is the single file itself: the hosted build serves it as
 * `atlas-offline.html`; inside the single file, the page as it was parsed
 * (a file:// page cannot fetch itself). Only its JSON data block changes, so
 * the copy keeps the template's script and its CSP hash.
 */
import type { Dataset } from '../../domain/dataset-schema';
import { EMBEDDED_PATHS, readEmbeddedBlock, replaceEmbeddedBlock, type EmbeddedPayload } from '../../data/embedded-block';
import { embeddedPageHtml } from '../../data/embedded-assets';
import { fetchText, resolveAssetUrl } from '../../data/fetch-file';
import type { Bilingual, Lang } from '../../domain/lang';
import { offlineMessages } from './offline-messages';

export const OFFLINE_TEMPLATE_PATH = 'atlas-offline.html';
export const OFFLINE_COPY_FILENAME = 'police-cooperation-atlas-offline.html';

/** Where the dataset keeps its article inside the copy, relative to the dataset (data/atlas.json). */
const SOURCE_FILE_IN_COPY = 'source/article.txt';

export interface OfflineCopyContent {
  /** The dataset the app shows now (it may have come from elsewhere than the shipped file). */
  dataset: Dataset;
  /** The source article's text, or null if the app has none. */
  sourceText: string | null;
  /** The view to open with: a URL search string (`?sender=…&themes=…`), as the address bar has it. */
  search: string;
  /** The interface language shown now; the copy opens in it where `search` names none. */
  lang?: Lang;
}

/** A failure with its reason in both interface languages (the message is the English). */
export class OfflineCopyError extends Error {
  constructor(readonly text: Bilingual) {
    super(text.en);
    this.name = 'OfflineCopyError';
  }
}

/**
 * The view a copy opens with: the search string without what would point
 * outside the file (`data=`, a dataset elsewhere: the copy carries its own).
 * A copy is carried to another machine (a presenter's laptop, a USB stick), so
 * it keeps the language the person was reading, even where the address left
 * it to the browser: `lang` given here is added when `search` names none.
 */
export function initialSearchFor(search: string, lang?: Lang): string {
  const params = new URLSearchParams(search);
  params.delete('data');
  if (lang && !params.has('lang')) params.set('lang', lang);
  const rest = params.toString().replace(/%2C/gi, ',');
  return rest ? `?${rest}` : '';
}

/**
 * The copy's HTML: the template with its data block carrying `content`. The
 * template's geometry is kept; the dataset and article are replaced; the
 * dataset's `source.file` points at the article inside the copy.
 */
export function buildOfflineCopy(templateHtml: string, content: OfflineCopyContent): string {
  const template = readEmbeddedBlock(templateHtml);
  if (!template) throw new OfflineCopyError({ en: offlineMessages.en.noTemplate, zh: offlineMessages.zh.noTemplate });
  const files: Record<string, unknown> = { ...template.files };
  delete files[EMBEDDED_PATHS.sourceText];
  let dataset: Dataset = content.dataset;
  if (content.sourceText !== null) {
    files[EMBEDDED_PATHS.sourceText] = content.sourceText;
    dataset = { ...dataset, source: { ...dataset.source, file: SOURCE_FILE_IN_COPY } };
  } else {
    dataset = { ...dataset, source: { ...dataset.source, file: null } };
  }
  files[EMBEDDED_PATHS.dataset] = dataset;
  const payload: EmbeddedPayload = { version: 1, initialSearch: initialSearchFor(content.search, content.lang), files };
  return replaceEmbeddedBlock(templateHtml, payload);
}

/** The single file to copy: this page itself when it is the single file, else the hosted build's atlas-offline.html. */
export async function loadOfflineTemplate(signal?: AbortSignal): Promise<string> {
  return embeddedPageHtml() ?? (await fetchText('the offline version of the atlas', resolveAssetUrl(OFFLINE_TEMPLATE_PATH), signal));
}

/** Builds the copy and hands it to the browser as a download. */
export async function downloadOfflineCopy(content: OfflineCopyContent, signal?: AbortSignal): Promise<void> {
  const html = buildOfflineCopy(await loadOfflineTemplate(signal), content);
  const url = URL.createObjectURL(new Blob([html], { type: 'text/html;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = OFFLINE_COPY_FILENAME;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started reading the blob by now; give slow machines a minute.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
