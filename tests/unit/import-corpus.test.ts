// @vitest-environment node
/**
 * The corpus of broken inputs (tests/fixtures/import/, described in its
 * manifest.json): each must be refused with its expected words, on its line,
 * through the same `runImport` the parse worker runs — and the few good ones
 * must load. The 5 MB / 20,000-statement file is generated here.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, type EventForm } from '../../src/domain/csv-dataset';
import { formatImportProblem, formatImportProblemIn } from '../../src/domain/import-problems';
import { runImport, type ImportOutcome, type InputFile } from '../../src/features/import/parse-worker';

const DIR = resolve(process.cwd(), 'tests/fixtures/import');

interface Case {
  data?: string;
  companion?: string;
  source?: string;
  form?: EventForm;
  ok?: boolean;
  contains?: string;
  line?: number;
  expect?: string[];
}

const manifest = JSON.parse(readFileSync(resolve(DIR, 'manifest.json'), 'utf8')) as Record<string, Case | string>;
const cases = Object.entries(manifest).filter((entry): entry is [string, Case] => !entry[0].startsWith('_'));

function file(name: string): InputFile {
  const bytes = readFileSync(resolve(DIR, name));
  return { name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
}

function run(key: string, c: Case): ImportOutcome {
  return runImport({
    data: file(c.data ?? key),
    companion: c.companion ? file(c.companion) : null,
    source: c.source ? file(c.source) : null,
    form: c.form ?? null,
    locations: { KEN: [37.9, 0.2] },
  });
}

describe('the import corpus', () => {
  it('holds at least 30 broken inputs', () => {
    expect(cases.filter(([, c]) => !c.ok).length).toBeGreaterThanOrEqual(30);
  });

  it.each(cases)('%s', (key, c) => {
    const outcome = run(key, c);
    if (c.ok) {
      if (!outcome.ok) throw new Error(`${key} should load:\n${outcome.problems.map(formatImportProblem).join('\n')}`);
      if (c.contains) expect(JSON.stringify(outcome.dataset)).toContain(JSON.stringify(c.contains).slice(1, -1));
      return;
    }
    expect(outcome.ok, `${key} should be refused`).toBe(false);
    if (outcome.ok) return;
    const report = outcome.problems.map(formatImportProblem).join('\n');
    for (const expected of c.expect ?? []) expect(report).toContain(expected);
    if (c.line !== undefined) expect(outcome.problems.map((p) => p.row)).toContain(c.line);
    for (const p of outcome.problems) {
      expect(p.expected, `"expected" of: ${formatImportProblem(p)}`).not.toBe('');
      expect(p.found, `"found" of: ${formatImportProblem(p)}`).not.toBe('');
    }
  });
});

const CJK = /[\u4e00-\u9fff]/;

describe('the import corpus, in Chinese', () => {
  it.each(cases.filter(([, c]) => !c.ok))('%s: every problem reads in Chinese as well', (key, c) => {
    const outcome = run(key, c);
    if (outcome.ok) throw new Error(`${key} should be refused`);
    for (const p of outcome.problems) {
      const line = formatImportProblemIn(p, 'zh');
      expect(p.zh.message, line).toMatch(CJK);
      expect(p.zh.expected, line).not.toBe('');
      expect(p.zh.found, line).not.toBe('');
      // File, line, sender and column are the file's own; the framing is Chinese.
      expect(line.startsWith(p.file === 'the form' ? '表单' : p.file), line).toBe(true);
      if (p.row !== undefined) expect(line).toContain(`第 ${p.row} 行`);
      expect(line).not.toMatch(/\b(line|sender|column|field) /);
    }
  });

  it('names the line and the sender in Chinese words around the file\'s own values', () => {
    const outcome = run('duplicate-ids.csv', manifest['duplicate-ids.csv'] as Case);
    if (outcome.ok) throw new Error('duplicate-ids.csv should be refused');
    const line = formatImportProblemIn(outcome.problems[0]!, 'zh');
    expect(line).toMatch(/^duplicate-ids\.csv，第 \d+ 行，来函方“[^”]+”，列 sender_id：来函方标识“[^”]+”已在第 2 行使用过/);
  });
});

/** ~5 MB: 5,000 senders × 4 statements; `broken` rows get an unknown country. */
function bigCsv(broken: ReadonlySet<number> = new Set()): string {
  const countries = ['Kenya', 'Viet Nam', 'UK', 'Türkiye', 'Republic of Korea', 'Laos', 'USA', 'Russia', 'Brazil', 'FRA'];
  const lines = [CSV_COLUMNS.join(',')];
  const filler = 'and the cooperation between our services, which we value, continues in the coming year';
  for (let i = 0; i < 20_000; i += 1) {
    const s = Math.floor(i / 4);
    const country = broken.has(i) ? 'Atlantis' : (countries[s % countries.length] ?? 'Kenya');
    const text = `"Statement ${i}: we train our officers together against drugs, ${filler}."`;
    lines.push(
      [`sender-${s}`, 'country', `"${country}"`, '', 'National Police', '', '', `Official ${s}`, '', 'Inspector General', 'police_chief', 'quote', text, 'training;drugs', 'train;drugs'].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const companionFile = file('corpus.companion.json');
const encode = (text: string) => new TextEncoder().encode(text).buffer;

// Wall-clock timeouts are generous: on a loaded machine the wall time says little; the budget is checked in CPU time.
describe('a 5 MB CSV of 20,000 statements', { timeout: 60_000 }, () => {
  it('loads within 5 seconds, reporting progress', () => {
    const csv = bigCsv();
    expect(csv.length).toBeGreaterThan(5_000_000);
    const progress: number[] = [];
    const bytes = encode(csv);
    // CPU time, not wall time: the budget is the import's cost, which a busy
    // machine (parallel test files, other jobs) would otherwise inflate.
    const cpuBefore = process.cpuUsage();
    const started = performance.now();
    const outcome = runImport({ data: { name: 'big.csv', bytes }, companion: companionFile }, (rows) => progress.push(rows));
    const wall = performance.now() - started;
    const cpu = process.cpuUsage(cpuBefore);
    const elapsed = (cpu.user + cpu.system) / 1000;
    if (!outcome.ok) throw new Error(outcome.problems.slice(0, 5).map(formatImportProblem).join('\n'));
    expect(outcome.dataset.senders).toHaveLength(5000);
    expect(outcome.dataset.senders.reduce((n, s) => n + s.statements.length, 0)).toBe(20_000);
    expect(progress.length).toBeGreaterThanOrEqual(20);
    expect(progress.at(-1)).toBe(20_000);
    expect(elapsed).toBeLessThan(5000);
    console.info(`20,000-statement CSV (${(csv.length / 1e6).toFixed(1)} MB): parse + map + validate in ${elapsed.toFixed(0)} ms CPU (${wall.toFixed(0)} ms wall)`);
  });

  it('reports a bad row deep in the file on its own line', () => {
    const outcome = runImport({ data: { name: 'big.csv', bytes: encode(bigCsv(new Set([14_999]))) }, companion: companionFile });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems).toHaveLength(1);
    expect(outcome.problems[0]).toMatchObject({ row: 15_001, field: 'country', sender: 'sender-3749', found: '"Atlantis"' });
  });
});

describe('the README sample', () => {
  it('public/samples/sample-event.csv loads with its companion', () => {
    const sample = (name: string): InputFile => {
      const bytes = readFileSync(resolve(process.cwd(), 'public/samples', name));
      return { name, bytes: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) };
    };
    const outcome = runImport({ data: sample('sample-event.csv'), companion: sample('sample-event.companion.json') });
    if (!outcome.ok) throw new Error(outcome.problems.map(formatImportProblem).join('\n'));
    expect(outcome.dataset.title).toMatch(/^Sample \(fictional\)/);
    expect(outcome.dataset.senders.map((s) => [s.id, s.iso3])).toEqual([
      ['vnm-hanoi-police', 'VNM'],
      ['gbr-metro-police', 'GBR'],
      ['int-interpol', null],
      ['tur-istanbul-police', 'TUR'],
      ['lao-listed', 'LAO'],
    ]);
  });
});
