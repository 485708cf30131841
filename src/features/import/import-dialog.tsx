/**
 * "Open data": choose or drop a dataset (.json, or a .csv with its companion
 * .json or a short form) and an optional source text; the files are read in a
 * worker, and either the whole dataset is handed to `onLoad` or every problem
 * is listed — nothing on screen changes until the data is sound.
 * Loaded on first use.
 */
import { useEffect, useId, useMemo, useRef, useState, type DragEvent } from 'react';
import { ModalDialog } from '../../components/modal-dialog';
import { useLang, useMessages } from '../../components/use-lang';
import { useCountries } from '../../data/get-countries';
import { CSV_COLUMNS, type EventForm } from '../../domain/csv-dataset';
import type { Dataset, LngLat } from '../../domain/dataset-schema';
import { formatImportProblemIn, importProblem, problemIn, type ImportProblem } from '../../domain/import-problems';
import { importMessages } from './import-messages';
import type { ImportOutcome, ImportRequest, InputFile, WorkerMessage } from './parse-worker';
import './import-dialog.css';

export interface LoadedData {
  dataset: Dataset;
  /** The source text the quotes were checked against, or null (the quotes are unverified). */
  sourceText: string | null;
  /** The data file's name, for the notice "Data from <origin>, not published by this atlas". */
  origin: string;
}

export interface ImportDialogProps {
  onLoad: (loaded: LoadedData) => void;
  onClose: () => void;
  /** Files dropped on the page, to start with. */
  initialFiles?: readonly File[];
}

/** Problems shown in the table; the full list is a download away. */
const SHOWN_PROBLEMS = 500;

interface Chosen {
  data: File | null;
  companion: File | null;
  source: File | null;
}

type Status =
  | { kind: 'idle' }
  | { kind: 'reading'; rows: number; fraction: number }
  | { kind: 'problems'; problems: ImportProblem[] };

const isCsv = (f: File) => /\.(csv|tsv)$/i.test(f.name);
const isJson = (f: File) => /\.json$/i.test(f.name);
const isText = (f: File) => /\.txt$/i.test(f.name);

/** Sorts dropped files into data, companion and source by their names. */
export function sortFiles(files: readonly File[], current: Chosen): Chosen {
  const next = { ...current };
  const csv = files.find(isCsv);
  const jsons = files.filter(isJson);
  if (csv) next.data = csv;
  for (const json of jsons) {
    const dataIsCsv = next.data ? isCsv(next.data) : false;
    if (/companion/i.test(json.name) || dataIsCsv || (csv && json !== csv)) next.companion = json;
    else next.data = json;
  }
  const text = files.find(isText);
  if (text) next.source = text;
  const other = files.find((f) => !isCsv(f) && !isJson(f) && !isText(f));
  if (other && !next.data) next.data = other;
  return next;
}

export function ImportDialog({ onLoad, onClose, initialFiles = [] }: ImportDialogProps) {
  const [chosen, setChosen] = useState<Chosen>(() => sortFiles(initialFiles, { data: null, companion: null, source: null }));
  const [form, setForm] = useState<EventForm>({ title: '', date: '', recipientName: '', recipientCountry: '' });
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const [dragging, setDragging] = useState(false);
  const t = useMessages(importMessages);
  const cancel = useRef<(() => void) | null>(null);
  const countries = useCountries();
  const locations = useMemo(() => {
    const out: Record<string, LngLat> = {};
    for (const feature of countries.data?.features ?? []) {
      if (feature.properties.iso3) out[feature.properties.iso3] = feature.properties.labelPoint;
    }
    return out;
  }, [countries.data]);
  useEffect(() => () => cancel.current?.(), []);

  const needsDetails = chosen.data !== null && isCsv(chosen.data) && chosen.companion === null;
  const reading = status.kind === 'reading';

  const open = async () => {
    if (!chosen.data) return;
    setStatus({ kind: 'reading', rows: 0, fraction: 0 });
    const request: ImportRequest = {
      data: await readFile(chosen.data),
      companion: chosen.companion && !isJson(chosen.data) ? await readFile(chosen.companion) : null,
      form: needsDetails ? form : null,
      source: chosen.source ? await readFile(chosen.source) : null,
      locations,
    };
    const { promise, abort } = parseOffThread(request, (rows, fraction) => setStatus({ kind: 'reading', rows, fraction }));
    cancel.current = abort;
    const outcome = await promise;
    cancel.current = null;
    if (outcome === null) return;
    if (outcome.ok) {
      setStatus({ kind: 'idle' });
      onLoad({ dataset: outcome.dataset, sourceText: outcome.sourceText, origin: outcome.origin });
    } else {
      setStatus({ kind: 'problems', problems: outcome.problems });
    }
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const files = [...event.dataTransfer.files];
    if (files.length > 0) {
      setChosen((c) => sortFiles(files, c));
      setStatus({ kind: 'idle' });
    }
  };

  return (
    <ModalDialog title={t.title} onClose={onClose} className="import">
      <div
        className={`import__drop${dragging ? ' import__drop--over' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p className="import__intro">
          {t.introBeforeColumns}
          <code>{CSV_COLUMNS.join(', ')}</code>
          {t.introAfterColumns}
        </p>
        <FilePicker
          label={t.dataFile}
          accept=".csv,.tsv,.json,text/csv,application/json"
          file={chosen.data}
          onChange={(data) => {
            setChosen((c) => ({ ...c, data }));
            setStatus({ kind: 'idle' });
          }}
        />
        {chosen.data && isCsv(chosen.data) && (
          <FilePicker
            label={t.companionFile}
            hint={t.companionHint}
            accept=".json,application/json"
            file={chosen.companion}
            onChange={(companion) => setChosen((c) => ({ ...c, companion }))}
          />
        )}
        {needsDetails && <EventFields form={form} onChange={setForm} />}
        <FilePicker
          label={t.sourceFile}
          hint={t.sourceHint}
          accept=".txt,text/plain"
          file={chosen.source}
          onChange={(source) => setChosen((c) => ({ ...c, source }))}
        />
      </div>

      {reading && (
        <div className="import__progress" role="status">
          <progress max={1} value={status.fraction} aria-label={t.readingLabel} />
          <span>{status.rows > 0 ? t.rowsRead(status.rows) : t.reading}</span>
        </div>
      )}
      {status.kind === 'problems' && <ProblemReport problems={status.problems} />}

      <div className="import__actions">
        <button type="button" className="import__secondary" onClick={onClose}>
          {t.cancel}
        </button>
        <button type="button" className="import__primary" disabled={!chosen.data || reading} onClick={() => void open()}>
          {reading ? t.checking : t.open}
        </button>
      </div>
    </ModalDialog>
  );
}

function FilePicker(props: { label: string; hint?: string; accept: string; file: File | null; onChange: (file: File | null) => void }) {
  const id = useId();
  return (
    <div className="import__field">
      <label htmlFor={id}>{props.label}</label>
      {props.hint && <p className="import__hint">{props.hint}</p>}
      <div className="import__file">
        <input id={id} type="file" accept={props.accept} onChange={(e) => props.onChange(e.currentTarget.files?.[0] ?? null)} />
        {props.file && (
          <span className="import__chosen">
            {props.file.name} ({formatSize(props.file.size)})
          </span>
        )}
      </div>
    </div>
  );
}

function EventFields({ form, onChange }: { form: EventForm; onChange: (form: EventForm) => void }) {
  const id = useId();
  const t = useMessages(importMessages);
  const field = (key: keyof EventForm, label: string, placeholder: string, type = 'text') => (
    <div className="import__field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type={type}
        value={form[key]}
        placeholder={placeholder}
        onChange={(e) => onChange({ ...form, [key]: e.currentTarget.value })}
      />
    </div>
  );
  return (
    <fieldset className="import__form">
      <legend>{t.eventDetails}</legend>
      {field('title', t.eventTitle, t.eventTitlePlaceholder)}
      {field('date', t.eventDate, t.eventDatePlaceholder, 'date')}
      {field('recipientName', t.recipient, t.recipientPlaceholder)}
      {field('recipientCountry', t.recipientCountry, t.recipientCountryPlaceholder)}
      <p className="import__hint">{t.formHint}</p>
    </fieldset>
  );
}

function ProblemReport({ problems }: { problems: readonly ImportProblem[] }) {
  const lang = useLang();
  const t = useMessages(importMessages);
  const shown = problems.slice(0, SHOWN_PROBLEMS);
  const download = () => {
    const cell = (v: string | number | undefined) => `"${String(v ?? '').replace(/"/g, '""')}"`;
    const lines = problems.map((p) => {
      const w = problemIn(p, lang);
      return [w.file, p.row, p.sender, w.field, w.expected, w.found, w.message].map(cell).join(',');
    });
    const url = URL.createObjectURL(new Blob([`\uFEFF${[t.problemsCsvHeader, ...lines].join('\r\n')}\r\n`], { type: 'text/csv' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = t.problemsCsvName;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 30_000);
  };
  return (
    <section className="import__problems" aria-labelledby="import-problems-heading">
      <h3 id="import-problems-heading" role="alert">
        {t.problemsHeading(problems.length)}
      </h3>
      {problems.length > shown.length && (
        <p>
          {t.firstListed(shown.length)}{' '}
          <button type="button" className="import__link" onClick={download}>
            {t.downloadAll(problems.length)}
          </button>
        </p>
      )}
      <div className="import__table-wrap">
        <table className="import__table">
          <thead>
            <tr>
              <th scope="col">{t.columnFile}</th>
              <th scope="col">{t.columnLine}</th>
              <th scope="col">{t.columnSender}</th>
              <th scope="col">{t.columnField}</th>
              <th scope="col">{t.columnExpected}</th>
              <th scope="col">{t.columnFound}</th>
              <th scope="col">{t.columnMessage}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p, i) => {
              const w = problemIn(p, lang);
              return (
                <tr key={i} title={formatImportProblemIn(p, lang)}>
                  <td>{w.file}</td>
                  <td>{p.row ?? ''}</td>
                  <td>{p.sender ?? ''}</td>
                  <td>{w.field}</td>
                  <td>{w.expected}</td>
                  <td>{w.found}</td>
                  <td>{w.message}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

async function readFile(file: File): Promise<InputFile> {
  return { name: file.name, bytes: await file.arrayBuffer() };
}

/**
 * Runs the import in a Web Worker; where none can start (the offline single
 * file carries no separate script, jsdom has no Worker) it runs here instead,
 * after yielding once so the progress indicator is painted.
 * Resolves null when aborted.
 */
export function parseOffThread(
  request: ImportRequest,
  onProgress: (rows: number, fraction: number) => void,
): { promise: Promise<ImportOutcome | null>; abort: () => void } {
  let aborted = false;
  let worker: Worker | null = null;
  const inThread = async (): Promise<ImportOutcome | null> => {
    await new Promise((r) => setTimeout(r, 0));
    const { runImport } = await import('./parse-worker');
    return aborted ? null : runImport(request, onProgress);
  };
  const promise = new Promise<ImportOutcome | null>((resolve) => {
    try {
      if (typeof Worker === 'undefined') throw new Error('no workers');
      worker = new Worker(new URL('./parse-worker.ts', import.meta.url), { type: 'module' });
    } catch {
      void inThread().then(resolve);
      return;
    }
    let started = false;
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      started = true;
      if (event.data.type === 'progress') onProgress(event.data.rows, event.data.fraction);
      else {
        worker?.terminate();
        resolve(aborted ? null : event.data.outcome);
      }
    };
    worker.onerror = (event) => {
      // A worker that cannot load its script (blocked, or missing in a single-file copy): read here instead.
      event.preventDefault();
      worker?.terminate();
      if (!started) void inThread().then(resolve);
      else resolve({ ok: false, problems: [workerFailure(request.data.name, event.message)] });
    };
    worker.postMessage(request);
  });
  return {
    promise,
    abort: () => {
      aborted = true;
      worker?.terminate();
    },
  };
}

/** The worker stopped partway: a problem of the file, in both languages. */
function workerFailure(file: string, detail: string): ImportProblem {
  return importProblem(
    { file, field: '' },
    { en: 'a readable file', zh: '可读取的文件' },
    detail ? { en: detail, zh: detail } : { en: 'an error', zh: '出错' },
    {
      en: 'reading the file failed unexpectedly: try again, or report it with the file',
      zh: '读取文件时意外失败：请重试，或连同文件一起报告此问题',
    },
  );
}

export default ImportDialog;
