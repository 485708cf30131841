// @vitest-environment node
/**
 * The spreadsheet form of the dataset: rows → dataset (mapping, officials,
 * themes), country names → ISO codes, the validation report in the file's own
 * terms (line, column, expected, found), and the round trip of the shipped
 * dataset through CSV + companion.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CSV_COLUMNS,
  csvToDataset,
  datasetToCsv,
  joinList,
  resolveCountry,
  splitList,
  type CsvImportInput,
  type CsvTable,
  type EventDetails,
} from '../../src/domain/csv-dataset';
import type { Dataset } from '../../src/domain/dataset-schema';
import { parseDataset } from '../../src/domain/dataset-validation';
import { decodeText, formatImportProblem, type ImportProblem } from '../../src/domain/import-problems';
import { runImport } from '../../src/features/import/parse-worker';

const root = process.cwd();
const article = readFileSync(resolve(root, 'public/data/source/article.txt'), 'utf8');
const shipped = (() => {
  const result = parseDataset(JSON.parse(readFileSync(resolve(root, 'public/data/atlas.json'), 'utf8')));
  if (!result.ok) throw new Error('the shipped dataset does not parse');
  return result.dataset;
})();

const companion = {
  title: 'Sample event',
  date: '2024-05-01',
  recipient: { name: 'City Police Department', country: 'Kenya', location: [36.82, -1.29] },
  themes: [
    { id: 'training', label: 'Training', description: 'Names training.' },
    { id: 'drugs', label: 'Drugs', description: 'Names drugs.' },
  ],
};
const details: EventDetails = { kind: 'companion', file: 'event.json', value: companion };

type Row = Partial<Record<(typeof CSV_COLUMNS)[number], string>>;
function table(rows: Row[], file = 'messages.csv'): CsvTable {
  return { file, columns: [...CSV_COLUMNS], rows: rows.map((r) => ({ ...r })) };
}
function importRows(rows: Row[], extra: Partial<CsvImportInput> = {}) {
  return csvToDataset({ csv: table(rows), details, ...extra });
}
function problemsOf(rows: Row[], extra: Partial<CsvImportInput> = {}): ImportProblem[] {
  const result = importRows(rows, extra);
  if (result.ok) throw new Error('expected problems, the rows imported');
  return result.problems;
}
function okDataset(rows: Row[], extra: Partial<CsvImportInput> = {}): Dataset {
  const result = importRows(rows, extra);
  if (!result.ok) throw new Error(result.problems.map(formatImportProblem).join('\n'));
  return result.dataset;
}

const viet: Row = { sender_id: 'vnm-police', kind: 'country', country: 'Viet Nam', body: 'Police' };

describe('CSV rows → dataset', () => {
  it('groups consecutive rows into one sender, officials deduplicated by name and title in first-appearance order', () => {
    const dataset = okDataset([
      { ...viet, official: 'B', title: 'Deputy', level: 'senior_officer', statement_kind: 'quote', text: 'We train together.', themes: 'training', evidence: 'train' },
      { ...viet, official: 'A', title: 'Minister', level: 'minister', statement_kind: 'paraphrase', text: 'said drugs are bad', themes: 'drugs', evidence: 'drugs' },
      { ...viet, official: 'B', title: 'Deputy', level: 'senior_officer', statement_kind: 'quote', text: 'More training.', themes: '', evidence: '' },
      { ...viet, official: '', statement_kind: 'paraphrase', text: 'The ministry also wrote about drugs and training', themes: 'drugs;training', evidence: 'drugs;training' },
      { sender_id: 'afg-listed', kind: 'country', country: 'Afghanistan' },
    ]);
    expect(dataset.senders.map((s) => s.id)).toEqual(['vnm-police', 'afg-listed']);
    const [vnm, afg] = dataset.senders;
    expect(vnm?.iso3).toBe('VNM');
    expect(vnm?.name).toBe('Viet Nam');
    expect(vnm?.officials.map((o) => o.name)).toEqual(['B', 'A']);
    expect(vnm?.statements.map((s) => s.official)).toEqual([0, 1, 0, null]);
    expect(vnm?.statements[3]?.themes).toEqual([
      { id: 'drugs', evidence: 'drugs' },
      { id: 'training', evidence: 'training' },
    ]);
    // union in codebook order (training before drugs), not in order of appearance
    expect(vnm?.themes).toEqual(['training', 'drugs']);
    expect(vnm?.primaryTheme).toBe('training');
    expect(afg).toMatchObject({ iso3: 'AFG', body: null, officials: [], statements: [], themes: [], primaryTheme: null });
  });

  it('reads organizations with their headquarters, and kind from the cells when the kind cell is empty', () => {
    const dataset = okDataset([
      { sender_id: 'interpol', kind: '', organization: 'INTERPOL', lng: '4.85', lat: '45.78', official: 'J', title: 'SG', level: 'international', statement_kind: 'quote', text: 'Drugs.', themes: 'drugs', evidence: 'Drugs' },
    ]);
    expect(dataset.senders[0]).toMatchObject({ kind: 'organization', iso3: null, name: 'INTERPOL', location: [4.85, 45.78] });
  });

  it('lists are split on ";" with "\\;" for a semicolon inside an item', () => {
    expect(splitList('a; b ;c')).toEqual(['a', 'b', 'c']);
    expect(splitList('one\\; two;three')).toEqual(['one; two', 'three']);
    expect(splitList('')).toEqual([]);
    expect(splitList(joinList(['x;y', 'back\\slash', 'z']))).toEqual(['x;y', 'back\\slash', 'z']);
  });

  it('without a companion, the form gives the event and the CSV theme ids become the codebook', () => {
    const result = csvToDataset({
      csv: table([{ ...viet, statement_kind: 'quote', text: 'On drug_control and more.', themes: 'drug_control;border_security', evidence: 'drug_control;more' }]),
      details: { kind: 'form', form: { title: 'Greetings', date: '2024-01-10', recipientName: 'Police HQ', recipientCountry: 'Kenya' } },
      locate: (iso3) => (iso3 === 'KEN' ? [37.9, 0.2] : undefined),
    });
    if (!result.ok) throw new Error(result.problems.map(formatImportProblem).join('\n'));
    expect(result.dataset.themes.map((t) => [t.id, t.label])).toEqual([
      ['drug_control', 'Drug control'],
      ['border_security', 'Border security'],
    ]);
    expect(result.dataset.recipient).toMatchObject({ name: 'Police HQ', iso3: 'KEN', location: [37.9, 0.2] });
  });

  it('with a source text, offsets are computed and quotes not in it are reported by line', () => {
    const source = 'Intro. We train together. The end.';
    const dataset = okDataset([{ ...viet, statement_kind: 'quote', text: 'We train together.', themes: 'training', evidence: 'train' }], {
      source: { file: 'article.txt', text: source },
    });
    expect(dataset.senders[0]?.statements[0]?.offset).toBe(7);

    const problems = problemsOf(
      [
        { ...viet, statement_kind: 'quote', text: 'We train together.' },
        { ...viet, statement_kind: 'quote', text: 'We never said this.' },
        { ...viet, statement_kind: 'quote', text: 'The “end”.' },
      ],
      { source: { file: 'article.txt', text: 'We train together. The "end".' } },
    );
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ file: 'messages.csv', row: 3, sender: 'vnm-police', field: 'text', found: '"We never said this."' });
    expect(problems[0]?.message).toMatch(/not in article\.txt/);
    expect(problems[1]).toMatchObject({ row: 4, field: 'text' });
    expect(problems[1]?.message).toMatch(/only in quotation marks/);
  });
});

describe('country names', () => {
  it.each([
    ['Viet Nam', 'VNM'],
    ['Vietnam', 'VNM'],
    ['UK', 'GBR'],
    ['United Kingdom', 'GBR'],
    ['Türkiye', 'TUR'],
    ['Turkey', 'TUR'],
    ['Republic of Korea', 'KOR'],
    ['South Korea', 'KOR'],
    ['Laos', 'LAO'],
    ['Lao PDR', 'LAO'],
    ['USA', 'USA'],
    ['Russia', 'RUS'],
    ['VNM', 'VNM'],
    ['  united   kingdom ', 'GBR'],
    ['Syria', 'SYR'],
    ['Moldova', 'MDA'],
    ["Cote d'Ivoire", 'CIV'],
    ['The Netherlands', 'NLD'],
  ])('%s → %s', (name, iso3) => {
    const match = resolveCountry(name);
    expect(match.ok && match.iso3).toBe(iso3);
  });

  it('"Name (ISO3)" keeps a display name the library does not know', () => {
    expect(resolveCountry('Hong Kong SAR (HKG)')).toEqual({ ok: true, iso3: 'HKG', name: 'Hong Kong SAR' });
  });

  it('an ambiguous name names its candidates; an unknown one is refused', () => {
    expect(resolveCountry('Dominic')).toEqual({ ok: false, reason: 'ambiguous', candidates: ['DMA', 'DOM'] });
    expect(resolveCountry('Atlantis')).toMatchObject({ ok: false, reason: 'unknown' });
    expect(resolveCountry('')).toMatchObject({ ok: false });
  });

  it('an unknown country is reported by line, with what was found', () => {
    const problems = problemsOf([
      { ...viet, statement_kind: 'quote', text: 'Hello.' },
      { sender_id: 'atl-police', kind: 'country', country: 'Atlantis', statement_kind: 'quote', text: 'Hi.' },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ file: 'messages.csv', row: 3, sender: 'atl-police', field: 'country', found: '"Atlantis"' });
    expect(problems[0]?.message).toMatch(/unknown country "Atlantis"/);
  });
});

describe('the validation report', () => {
  it('lists every problem at once, each with file, line, sender, column, expected and found', () => {
    const problems = problemsOf([
      { ...viet, kind: 'state', official: 'A', title: '', level: 'boss', statement_kind: 'speech', text: 'We fight drugs.', themes: 'drugs;piracy', evidence: 'drugs' },
      { ...viet, lng: '105,8', lat: '21' },
      { sender_id: 'Bad Id!', country: 'Kenya' },
      { sender_id: 'vnm-police', country: 'Viet Nam' },
    ]);
    const summary = problems.map((p) => `${p.row}:${p.field}`);
    expect(summary).toEqual(
      expect.arrayContaining(['2:kind', '2:title', '2:level', '2:statement_kind', '2:evidence', '2:themes', '3:lng', '4:sender_id', '5:sender_id']),
    );
    for (const p of problems) {
      expect(p.file).toBe('messages.csv');
      expect(p.expected.length).toBeGreaterThan(0);
      expect(p.found.length).toBeGreaterThan(0);
      expect(p.message.length).toBeGreaterThan(0);
    }
    const level = problems.find((p) => p.field === 'level');
    expect(level).toMatchObject({ sender: 'vnm-police', found: '"boss"' });
    expect(level?.expected).toContain('police_chief');
    expect(problems.find((p) => p.field === 'themes')?.message).toMatch(/unknown theme "piracy"/);
    expect(problems.find((p) => p.row === 4)?.message).toMatch(/lower-kebab-case/);
    expect(problems.find((p) => p.row === 5)?.message).toMatch(/already used on lines 2–3/);
  });

  it('a conflicting sender cell points at the line it conflicts with', () => {
    const problems = problemsOf([viet, { ...viet, body: 'Army' }]);
    expect(problems).toEqual([
      expect.objectContaining({ row: 3, field: 'body', found: '"Army"', message: expect.stringMatching(/differs from line 2/) as unknown }),
    ]);
  });

  it('missing columns are named, together with likely misspellings', () => {
    const result = csvToDataset({
      csv: { file: 'm.csv', columns: [...CSV_COLUMNS.filter((c) => c !== 'lat' && c !== 'text'), 'latitude'], rows: [] },
      details,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems[0]).toMatchObject({ row: 1, field: 'lat, text' });
    expect(result.problems[0]?.message).toMatch(/missing columns: lat, text.*"latitude"/);
  });

  it('problems of the companion file name the companion and its field', () => {
    const result = csvToDataset({
      csv: table([viet]),
      details: { kind: 'companion', file: 'event.json', value: { ...companion, date: '1 May 2024', recipient: { name: 'X', country: 'Narnia' } } },
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const fields = result.problems.map((p) => `${p.file}:${p.field}`);
    expect(fields).toEqual(expect.arrayContaining(['event.json:date', 'event.json:recipient.country']));
  });

  it('decoding refuses text that is not UTF-8 and drops a byte-order mark', () => {
    const latin1 = Uint8Array.from([0x6e, 0x61, 0xef, 0x76, 0x65]); // "naïve" in Windows-1252
    const bad = decodeText(latin1, 'x.csv');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problem.message).toMatch(/not UTF-8 text/);
    const bom = decodeText(Uint8Array.from([0xef, 0xbb, 0xbf, 0x61]), 'x.csv');
    expect(bom).toEqual({ ok: true, text: 'a' });
  });
});

describe('round trip', () => {
  it('the shipped dataset → CSV + companion → the same dataset, offsets recomputed from the article', () => {
    const { csv, companion: shippedCompanion } = datasetToCsv(shipped);
    const encode = (text: string) => new TextEncoder().encode(text).buffer;
    const outcome = runImport({
      data: { name: 'atlas.csv', bytes: encode(csv) },
      companion: { name: 'atlas.companion.json', bytes: encode(JSON.stringify(shippedCompanion)) },
      source: { name: 'article.txt', bytes: encode(article) },
    });
    if (!outcome.ok) throw new Error(outcome.problems.map(formatImportProblem).join('\n'));
    expect(outcome.dataset).toEqual(shipped);
    // ids, order and offsets, spelled out
    expect(outcome.dataset.senders.map((s) => s.id)).toEqual(shipped.senders.map((s) => s.id));
    expect(outcome.dataset.senders.flatMap((s) => s.statements.map((t) => t.offset))).toEqual(
      shipped.senders.flatMap((s) => s.statements.map((t) => t.offset)),
    );
  });

  it('keeps officials that made no statement, and their order when statements cite them out of order', () => {
    const dataset = okDataset([
      { ...viet, official: 'A', title: 'Minister', level: 'minister', statement_kind: 'quote', text: 'One.' },
      { ...viet, official: 'B', title: 'Deputy', level: 'deputy_minister', statement_kind: 'quote', text: 'Two.' },
      { ...viet, official: 'C', title: 'Chief', level: 'police_chief', rank: 'General' },
    ]);
    const reordered: Dataset = {
      ...dataset,
      senders: dataset.senders.map((s) => ({ ...s, statements: [...s.statements].reverse() })),
    };
    for (const original of [dataset, reordered]) {
      const { csv, companion: c } = datasetToCsv(original);
      const parsed = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
      const back = csvToDataset({
        csv: { file: 'x.csv', columns: parsed.meta.fields ?? [], rows: parsed.data },
        details: { kind: 'companion', file: 'c.json', value: JSON.parse(JSON.stringify(c)) as unknown },
      });
      if (!back.ok) throw new Error(back.problems.map(formatImportProblem).join('\n'));
      expect(back.dataset).toEqual(original);
    }
  });

  it('a country name the library does not know is written as "Name (ISO3)" and comes back unchanged', () => {
    const dataset = okDataset([{ sender_id: 'hkg-police', country: 'Hong Kong SAR (HKG)', statement_kind: 'quote', text: 'Hi.' }]);
    const { csv } = datasetToCsv(dataset);
    expect(csv).toContain('Hong Kong SAR (HKG)');
    expect(dataset.senders[0]).toMatchObject({ name: 'Hong Kong SAR', iso3: 'HKG' });
  });
});
