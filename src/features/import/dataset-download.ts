/**
 * Downloads of the dataset on screen: as JSON (the atlas format), and as the
 * spreadsheet form — a CSV plus its companion JSON, two files, which the
 * import dialog reads back into an equal dataset (offsets come back from the
 * source text).
 */
import { datasetToCsv } from '../../domain/csv-dataset';
import { downloadBlob, slugify } from '../../components/download-file';
import type { Dataset } from '../../domain/dataset-schema';

/** Chromium asks before a page starts a second download at once; a short pause avoids the question. */
const SECOND_DOWNLOAD_DELAY_MS = 400;

/** "congratulations-from-abroad-on-…" from a title; "atlas-data" when nothing is left. */
export function datasetFileBase(title: string): string {
  return slugify(title, 'atlas-data');
}

export interface DownloadFile {
  name: string;
  type: string;
  text: string;
}

export function datasetJsonFile(dataset: Dataset): DownloadFile {
  return { name: `${datasetFileBase(dataset.title)}.json`, type: 'application/json', text: `${JSON.stringify(dataset, null, 2)}\n` };
}

/**
 * The CSV carries a byte-order mark so that Excel opens it as UTF-8 (names
 * with accents and Chinese characters intact); the importer drops it again.
 */
export function datasetCsvFiles(dataset: Dataset): [DownloadFile, DownloadFile] {
  const base = datasetFileBase(dataset.title);
  const { csv, companion } = datasetToCsv(dataset);
  return [
    { name: `${base}.csv`, type: 'text/csv;charset=utf-8', text: `\uFEFF${csv}` },
    { name: `${base}.companion.json`, type: 'application/json', text: `${JSON.stringify(companion, null, 2)}\n` },
  ];
}

function save(file: DownloadFile): void {
  downloadBlob(new Blob([file.text], { type: file.type }), file.name);
}

export function downloadDatasetJson(dataset: Dataset): void {
  save(datasetJsonFile(dataset));
}

/** Two files: the CSV now, its companion a moment later. */
export function downloadDatasetCsv(dataset: Dataset): Promise<void> {
  const [csv, companion] = datasetCsvFiles(dataset);
  save(csv);
  return new Promise((resolve) =>
    setTimeout(() => {
      save(companion);
      resolve();
    }, SECOND_DOWNLOAD_DELAY_MS),
  );
}
