/**
 * Reading a user's files off the main thread: bytes → text (UTF-8 only) →
 * CSV rows (Papa Parse) or JSON → a checked dataset, or every problem found.
 *
 * The same module runs in a Web Worker (import-dialog.tsx starts it with
 * `new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' })`)
 * and, where no worker can start (the offline single file, which has no
 * separate script files), on the main thread through `runImport`.
 */
import Papa from 'papaparse';
import { csvToDataset, type EventDetails, type EventForm } from '../../domain/csv-dataset';
import type { Dataset, LngLat } from '../../domain/dataset-schema';
import { checkAgainstSource, parseDataset, withOffsets, type DatasetProblem } from '../../domain/dataset-validation';
import {
  decodeText,
  describeFound,
  importProblem,
  lineOf,
  sortProblems,
  type ImportProblem,
  type TextKind,
} from '../../domain/import-problems';

export interface InputFile {
  name: string;
  bytes: ArrayBuffer;
}

export interface ImportRequest {
  /** The data: a dataset in the atlas's JSON format, or a CSV. */
  data: InputFile;
  /** For a CSV: the companion JSON with the event's details… */
  companion?: InputFile | null;
  /** …or the dialog's form, when there is no companion file. */
  form?: EventForm | null;
  /** The source text, to check quotes against and compute offsets. */
  source?: InputFile | null;
  /** Label points of countries (iso3 → [lng, lat]) for a recipient given without location. */
  locations?: Readonly<Record<string, LngLat>>;
}

export type ImportOutcome =
  | { ok: true; dataset: Dataset; sourceText: string | null; origin: string; rows: number }
  | { ok: false; problems: ImportProblem[] };

export type WorkerMessage =
  | { type: 'progress'; rows: number; fraction: number }
  | { type: 'done'; outcome: ImportOutcome };

export type ProgressListener = (rows: number, fraction: number) => void;

const PROGRESS_EVERY_ROWS = 1000;

export function runImport(request: ImportRequest, onProgress: ProgressListener = () => {}): ImportOutcome {
  const problems: ImportProblem[] = [];
  const decode = (file: InputFile, what: TextKind): string | null => {
    const decoded = decodeText(new Uint8Array(file.bytes), file.name, what);
    if (!decoded.ok) {
      problems.push(decoded.problem);
      return null;
    }
    return decoded.text;
  };

  const sourceText = request.source ? decode(request.source, 'text') : null;
  const source = request.source && sourceText !== null ? { file: request.source.name, text: sourceText } : null;
  const data = request.data;
  const kind = dataKind(data);
  if (kind === 'binary') {
    problems.push(
      importProblem(
        { file: data.name, field: '' },
        { en: 'a .csv or .json file', zh: '.csv 或 .json 文件' },
        /\.(xlsx|xls|ods|numbers)$/i.test(data.name)
          ? { en: 'a spreadsheet file', zh: '电子表格文件' }
          : { en: 'a zip or binary file', zh: 'zip 压缩包或二进制文件' },
        {
          en: 'this is a spreadsheet or zip file, not CSV: in your spreadsheet choose "Save as" → "CSV UTF-8", then open that file',
          zh: '这是电子表格或 zip 文件，不是 CSV：请在电子表格软件中选择“另存为”→“CSV UTF-8”，再打开另存的文件',
        },
      ),
    );
    return { ok: false, problems: sortProblems(problems) };
  }
  const text = decode(data, kind === 'json' ? 'JSON' : 'CSV');
  if (text === null) return { ok: false, problems: sortProblems(problems) };
  if (looksLikeHtml(text)) {
    problems.push(
      importProblem(
        { file: data.name, field: '' },
        kind === 'json' ? { en: 'a dataset in JSON', zh: 'JSON 格式的数据集' } : { en: 'CSV text', zh: 'CSV 文本' },
        { en: 'an HTML page', zh: 'HTML 网页' },
        {
          en: 'the file is an HTML web page, not data: download the data file itself (for a spreadsheet, "CSV UTF-8")',
          zh: '该文件是 HTML 网页，不是数据：请下载数据文件本身（电子表格请存为“CSV UTF-8”）',
        },
      ),
    );
    return { ok: false, problems: sortProblems(problems) };
  }

  if (kind === 'json' || (kind === 'unknown' && /^\s*[{[]/.test(text))) {
    const raw = parseJson(text, data.name, problems);
    if (raw === undefined) return { ok: false, problems: sortProblems(problems) };
    if (isCompanionLike(raw)) {
      problems.push(
        importProblem(
          { file: data.name, field: 'senders' },
          { en: 'a dataset with "senders"', zh: '含有“senders”的数据集' },
          { en: 'a companion file (event details without senders)', zh: '配套文件（只有活动信息，没有来函方）' },
          {
            en: 'this looks like a companion file: choose the CSV with the rows as the data file, and this file as its companion',
            zh: '这似乎是配套文件：请选择含数据行的 CSV 作为数据文件，并把此文件作为其配套文件',
          },
        ),
      );
      return { ok: false, problems: sortProblems(problems) };
    }
    const result = parseDataset(raw, { madeByJsonParse: true });
    if (!result.ok) {
      problems.push(...result.problems.map((p) => jsonProblem(p, data.name)));
      return { ok: false, problems: sortProblems(problems) };
    }
    if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
    let dataset = result.dataset;
    if (source) {
      const mismatches = checkAgainstSource(dataset, source.text);
      if (mismatches.length > 0) {
        return {
          ok: false,
          problems: mismatches.map((p) => {
            const problem = jsonProblem(p, data.name);
            return {
              ...problem,
              expected: `words copied exactly from ${source.file}`,
              zh: { ...problem.zh, expected: `从 ${source.file} 中原样复制的词语` },
            };
          }),
        };
      }
      dataset = withOffsets(dataset, source.text);
    }
    onProgress(dataset.senders.length, 1);
    return { ok: true, dataset, sourceText: source?.text ?? null, origin: data.name, rows: dataset.senders.length };
  }

  // CSV
  let details: EventDetails | null = null;
  if (request.companion) {
    const companionText = decode(request.companion, 'JSON');
    if (companionText !== null) {
      const value = parseJson(companionText, request.companion.name, problems);
      if (value !== undefined) details = { kind: 'companion', file: request.companion.name, value };
    }
  } else if (request.form) {
    details = { kind: 'form', form: request.form };
  } else {
    problems.push(
      importProblem(
        { file: data.name, field: '' },
        { en: 'a companion .json file, or the form filled in', zh: '配套的 .json 文件，或填好的表单' },
        { en: 'neither', zh: '两者都没有' },
        {
          en: "a CSV needs the event's details: choose its companion .json file, or fill in title, date and recipient",
          zh: 'CSV 需要活动信息：请选择其配套的 .json 文件，或填写标题、日期和收信方',
        },
      ),
    );
  }

  const table = parseCsv(text, data.name, problems, onProgress);
  if (details === null) return { ok: false, problems: sortProblems(problems) };
  const locations = request.locations;
  const result = csvToDataset({
    csv: table,
    details,
    source,
    ...(locations ? { locate: (iso3: string) => locations[iso3] } : {}),
  });
  if (!result.ok) return { ok: false, problems: sortProblems([...problems, ...result.problems]) };
  if (problems.length > 0) return { ok: false, problems: sortProblems(problems) };
  return { ok: true, dataset: result.dataset, sourceText: source?.text ?? null, origin: data.name, rows: table.rows.length };
}

function dataKind(file: InputFile): 'json' | 'csv' | 'binary' | 'unknown' {
  const head = new Uint8Array(file.bytes, 0, Math.min(4, file.bytes.byteLength));
  // "PK\x03\x04": xlsx, ods and zip files; a CSV or JSON never starts so.
  if (head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04) return 'binary';
  if (/\.json$/i.test(file.name)) return 'json';
  if (/\.(csv|tsv|txt)$/i.test(file.name)) return 'csv';
  if (/\.(xlsx|xls|ods|numbers|zip)$/i.test(file.name)) return 'binary';
  return 'unknown';
}

function looksLikeHtml(text: string): boolean {
  return /^\s*(<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text);
}

function parseJson(text: string, file: string, problems: ImportProblem[]): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof Error ? error.message : 'syntax error';
    const position = /position (\d+)/.exec(detail);
    const line = /line (\d+)/.exec(detail);
    const row = line?.[1] ? Number(line[1]) : position?.[1] ? lineOf(text, Number(position[1])) : undefined;
    problems.push(
      importProblem(
        { file, row, field: '' },
        { en: 'valid JSON', zh: '有效的 JSON' },
        { en: detail.replace(/^JSON\.parse: /, ''), zh: detail.replace(/^JSON\.parse: /, '') },
        {
          en: `the file is not valid JSON${row !== undefined ? ` (near line ${row})` : ''}: look for a missing comma, quote or bracket`,
          zh: `该文件不是有效的 JSON${row !== undefined ? `（第 ${row} 行附近）` : ''}：请检查是否缺少逗号、引号或括号`,
        },
      ),
    );
    return undefined;
  }
}

function isCompanionLike(raw: unknown): boolean {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw) && !('senders' in raw) && 'recipient' in raw && 'themes' in raw;
}

function jsonProblem(p: DatasetProblem, file: string): ImportProblem {
  const inner = p.field ? `${p.field.startsWith('[') ? '' : '.'}${p.field}` : '';
  const message = { en: p.message, zh: p.zh.message };
  return importProblem(
    { file, sender: p.sender?.id, field: p.sender ? `senders[${p.sender.index}]${inner}` : p.field },
    p.expected && p.found ? p.expected : message,
    p.expected && p.found ? p.found : describeFound(undefined),
    message,
  );
}

interface ParsedTable {
  file: string;
  columns: string[];
  rows: Record<string, string | undefined>[];
  lines: number[];
}

function parseCsv(text: string, file: string, problems: ImportProblem[], onProgress: ProgressListener): ParsedTable {
  // One kind of line break: Papa guesses it from the first one, and spreadsheets
  // sometimes mix them (a cell typed with Alt+Enter holds a bare \n).
  const normalised = text.replace(/\r\n?/g, '\n');
  const rows: Record<string, string | undefined>[] = [];
  const lines: number[] = [];
  let columns: string[] | null = null;
  let keys: string[] = [];
  // Rows come as arrays, empty lines included, so the line of each row is
  // known exactly: one more than the last, plus the line breaks inside its
  // quoted cells. (Papa's per-row `step` would give positions too, at three
  // times the cost.)
  let line = 1;
  const extraCells = (cells: readonly string[]) => cells.slice(keys.length).some((c) => c.trim() !== '');
  Papa.parse<string[]>(normalised, {
    header: false,
    skipEmptyLines: false,
    newline: '\n',
    delimitersToGuess: [',', ';', '\t'],
    chunkSize: 1024 * 1024,
    // A string is parsed synchronously, chunk after chunk (Papa's StringStreamer): the chunks are only for progress.
    complete: () => {},
    chunk: (result: Papa.ParseResult<string[]>) => {
      const errorRows = new Map<number, string>();
      for (const error of result.errors) if (error.row !== undefined && error.row !== null) errorRows.set(error.row, error.code);
      result.data.forEach((cells, i) => {
        const rowLine = line;
        for (const cell of cells) for (let k = cell.indexOf('\n'); k >= 0; k = cell.indexOf('\n', k + 1)) line += 1;
        line += 1;
        if (columns === null) {
          if (cells.every((c) => c.trim() === '')) return;
          columns = cells;
          // Papa names a repeated header "text_1"; here the first one wins and csvToDataset reports the repeat.
          keys = cells.map((c) => c.trim().toLowerCase());
          return;
        }
        const code = errorRows.get(i);
        if (code === 'MissingQuotes') {
          problems.push(
            importProblem(
              { file, row: rowLine, field: '' },
              { en: 'a closing quotation mark (")', zh: '配对的右引号（"）' },
              { en: 'a quotation mark that never closes', zh: '没有配对的引号' },
              {
                en: 'a quotation mark opens a cell but never closes it: the rest of the file would be one cell',
                zh: '单元格以引号开头，但引号没有闭合：文件其余部分会被当作同一个单元格',
              },
            ),
          );
        }
        if (cells.every((c) => c.trim() === '')) return; // blank lines and rows of empty cells
        if (cells.length > keys.length && extraCells(cells)) {
          problems.push(
            importProblem(
              { file, row: rowLine, field: '' },
              { en: `at most ${keys.length} cells, one per column`, zh: `最多 ${keys.length} 个单元格，每列一个` },
              { en: `${cells.length} cells`, zh: `${cells.length} 个单元格` },
              {
                en: 'the row has more cells than there are columns: a comma inside a cell that is not in quotation marks?',
                zh: '该行的单元格比列多：是否有单元格内含逗号却没有加引号？',
              },
            ),
          );
        }
        const record: Record<string, string | undefined> = {};
        keys.forEach((key, k) => {
          if (!(key in record)) record[key] = cells[k];
        });
        rows.push(record);
        lines.push(rowLine);
        if (rows.length % PROGRESS_EVERY_ROWS === 0) onProgress(rows.length, Math.min(1, (result.meta.cursor || 0) / normalised.length));
      });
    },
  });
  onProgress(rows.length, 1);
  return { file, columns: columns ?? [], rows, lines };
}

/** An error the import did not foresee, as a problem of the file. */
export function unexpectedProblem(file: string, detail: string): ImportProblem {
  return importProblem(
    { file, field: '' },
    { en: 'a file the atlas can read', zh: '本图集能读取的文件' },
    { en: detail, zh: detail },
    {
      en: 'the file could not be read (an unexpected error): please report it with the file',
      zh: '无法读取该文件（发生意外错误）：请连同文件一起报告此问题',
    },
  );
}

// In a worker: answer one request per message. On the main thread (tests, the
// fallback) importing this module only defines runImport.
declare const WorkerGlobalScope: { prototype: object } | undefined;
if (typeof WorkerGlobalScope !== 'undefined' && globalThis instanceof (WorkerGlobalScope as unknown as new () => object)) {
  const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
  scope.onmessage = (event: MessageEvent<ImportRequest>) => {
    let outcome: ImportOutcome;
    try {
      outcome = runImport(event.data, (rows, fraction) => scope.postMessage({ type: 'progress', rows, fraction } satisfies WorkerMessage));
    } catch (error) {
      outcome = {
        ok: false,
        problems: [unexpectedProblem(event.data.data.name, error instanceof Error ? error.message : String(error))],
      };
    }
    scope.postMessage({ type: 'done', outcome } satisfies WorkerMessage);
  };
}
