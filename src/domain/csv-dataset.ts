/**
 * The spreadsheet form of the dataset: one CSV row per statement, plus the
 * event's details (title, date, recipient, codebook) from a companion JSON
 * file or the import form. Both directions live here, so the round trip
 * (dataset → CSV + companion → dataset) can be tested as one unit.
 *
 * Rows arrive already split into string records (Papa Parse, in a worker);
 * this module only maps them, checks them in the file's own terms (line,
 * column, what was expected, what was found) and hands the result to
 * `parseDataset`, the one validating boundary, whose problems are mapped back
 * to lines and columns.
 *
 * Pure: no React, no DOM, no CSV parser.
 */
import countries from 'i18n-iso-countries';
import english from 'i18n-iso-countries/langs/en.json';
import {
  officialLevels,
  unionThemes,
  type Dataset,
  type LngLat,
  type Official,
  type OfficialLevel,
  type Sender,
  type Statement,
} from './dataset-schema';
import { checkAgainstSource, parseDataset, withOffsets, type DatasetProblem } from './dataset-validation';
import { isKnownIso3 } from './iso-codes';
import { clip, describeFound, type ImportProblem } from './import-problems';

countries.registerLocale(english);

/** The documented columns, in the order a download writes them. */
export const CSV_COLUMNS = [
  'sender_id',
  'kind',
  'country',
  'organization',
  'body',
  'lng',
  'lat',
  'official',
  'rank',
  'title',
  'level',
  'statement_kind',
  'text',
  'themes',
  'evidence',
] as const;
/** Optional columns: Chinese names of the sender and its body (written only when a dataset has them). */
export const OPTIONAL_CSV_COLUMNS = ['name_zh', 'body_zh'] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number] | (typeof OPTIONAL_CSV_COLUMNS)[number];

export interface CsvTable {
  /** File name, for the report. */
  file: string;
  /** The header row as written (duplicates included). */
  columns: readonly string[];
  rows: readonly Readonly<Record<string, string | undefined>>[];
  /** lines[i]: the 1-based line of the file where rows[i] starts (header = line 1); default i + 2. */
  lines?: readonly number[];
}

/** The import dialog's minimal form, used when there is no companion file. */
export interface EventForm {
  title: string;
  date: string;
  recipientName: string;
  /** A country name or ISO code, resolved like the CSV's `country` cells. */
  recipientCountry: string;
}

export type EventDetails = { kind: 'companion'; file: string; value: unknown } | { kind: 'form'; form: EventForm };

export interface CsvImportInput {
  csv: CsvTable;
  details: EventDetails;
  /** The source text, when given: quotes are checked against it and offsets filled in. */
  source?: { file: string; text: string } | null;
  /** A point for a country (e.g. its label point on the map), for a recipient given without `location`. */
  locate?: (iso3: string) => LngLat | undefined;
}

export type ImportResult = { ok: true; dataset: Dataset } | { ok: false; problems: ImportProblem[] };

/** The companion file: everything about the event that is not a row. */
export interface Companion {
  schemaVersion?: 1;
  title: string;
  title_zh?: string | null;
  date: string;
  source?: Dataset['source'];
  recipient: {
    name: string;
    name_zh?: string | null;
    iso3?: string;
    country?: string;
    location?: LngLat;
  };
  themes: Dataset['themes'];
}

// ---------------------------------------------------------------------------
// Country names

export type CountryMatch =
  | { ok: true; iso3: string; name: string }
  | { ok: false; reason: 'unknown' | 'ambiguous'; candidates: string[] };

/**
 * Short names people write that the library does not list (it knows "Vietnam"
 * but not "Laos", "Burma" or "Cabo Verde"). Everything else comes from
 * i18n-iso-countries' official and alternative English names.
 */
const EXTRA_NAMES: Readonly<Record<string, string>> = {
  laos: 'LAO',
  burma: 'MMR',
  'east timor': 'TLS',
  swaziland: 'SWZ',
  macedonia: 'MKD',
  holland: 'NLD',
  britain: 'GBR',
  vatican: 'VAT',
  'dr congo': 'COD',
  drc: 'COD',
  dprk: 'PRK',
  'cabo verde': 'CPV',
  'congo brazzaville': 'COG',
  'congo kinshasa': 'COD',
};

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  pdr: 'peoples democratic republic',
  rep: 'republic',
  dem: 'democratic',
  st: 'saint',
  fed: 'federal',
};

function normaliseName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[’‘`´]/g, "'")
    .replace(/&/g, ' and ')
    .replace(/'/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean)
    .map((w) => ABBREVIATIONS[w] ?? w);
  if (words[0] === 'the') words.shift();
  return words.join(' ');
}

let nameIndex: Map<string, Set<string>> | null = null;

/** normalised name (and its space-free form, and "B A" for "A, B") → alpha-3 codes. */
function getNameIndex(): Map<string, Set<string>> {
  if (nameIndex) return nameIndex;
  const index = new Map<string, Set<string>>();
  const add = (key: string, iso3: string) => {
    if (!key) return;
    const set = index.get(key) ?? new Set<string>();
    set.add(iso3);
    index.set(key, set);
  };
  const all = countries.getNames('en', { select: 'all' }) as Record<string, string[]>;
  for (const [alpha2, names] of Object.entries(all)) {
    const iso3 = countries.alpha2ToAlpha3(alpha2);
    if (!iso3) continue;
    for (const name of names) {
      const variants = [name];
      const comma = name.split(',');
      if (comma.length === 2) variants.push(`${comma[1] ?? ''} ${comma[0] ?? ''}`, comma[0] ?? '');
      for (const v of variants) {
        const key = normaliseName(v);
        add(key, iso3);
        add(key.replace(/ /g, ''), iso3);
      }
    }
  }
  for (const [name, iso3] of Object.entries(EXTRA_NAMES)) add(name, iso3);
  nameIndex = index;
  return index;
}

function englishName(iso3: string): string {
  return countries.getName(iso3, 'en') ?? iso3;
}

/**
 * A country as people write it → ISO 3166-1 alpha-3. Accepts names in English
 * with their common variants ("Viet Nam", "UK", "Türkiye", "Republic of
 * Korea", "Lao PDR"), an alpha-3 or alpha-2 code, or "Name (ISO3)" to keep a
 * display name the library does not know.
 */
export function resolveCountry(cell: string): CountryMatch {
  // The library scans every name on each lookup; a 20,000-row file repeats a few dozen countries.
  const cached = resolved.get(cell);
  if (cached) return cached;
  const match = resolveUncached(cell);
  if (resolved.size > 5000) resolved.clear();
  resolved.set(cell, match);
  return match;
}

const resolved = new Map<string, CountryMatch>();

function resolveUncached(cell: string): CountryMatch {
  const text = cell.trim().replace(/\s+/g, ' ');
  if (!text) return { ok: false, reason: 'unknown', candidates: [] };
  const withCode = /^(.+?)\s*\(([A-Za-z]{3})\)$/.exec(text);
  if (withCode?.[1] && withCode[2] && isKnownIso3(withCode[2].toUpperCase())) {
    return { ok: true, iso3: withCode[2].toUpperCase(), name: withCode[1].trim() };
  }
  if (/^[A-Z]{3}$/.test(text) && isKnownIso3(text)) return { ok: true, iso3: text, name: englishName(text) };

  const direct = countries.getAlpha3Code(text, 'en') ?? countries.alpha2ToAlpha3(countries.getAlpha2Code(text, 'en') ?? '');
  if (direct) return { ok: true, iso3: direct, name: text };

  if (/^[A-Za-z]{2,3}$/.test(text)) {
    const upper = text.toUpperCase();
    if (upper.length === 3 && isKnownIso3(upper)) return { ok: true, iso3: upper, name: englishName(upper) };
    const fromAlpha2 = upper.length === 2 ? countries.alpha2ToAlpha3(upper) : undefined;
    if (fromAlpha2) return { ok: true, iso3: fromAlpha2, name: englishName(fromAlpha2) };
  }

  const index = getNameIndex();
  const key = normaliseName(text);
  const exact = index.get(key) ?? index.get(key.replace(/ /g, ''));
  if (exact?.size === 1) return { ok: true, iso3: [...exact][0] ?? '', name: text };
  if (exact && exact.size > 1) return { ok: false, reason: 'ambiguous', candidates: [...exact].sort() };

  // "Syria" → "Syrian Arab Republic", "Brunei" → "Brunei Darussalam": a unique start of a known name.
  if (key.length >= 4) {
    const found = new Set<string>();
    for (const [name, codes] of index) if (name.startsWith(key)) codes.forEach((c) => found.add(c));
    if (found.size === 1) return { ok: true, iso3: [...found][0] ?? '', name: text };
    if (found.size > 1 && found.size <= 4) return { ok: false, reason: 'ambiguous', candidates: [...found].sort() };
  }
  return { ok: false, reason: 'unknown', candidates: [] };
}

function describeCandidates(codes: readonly string[]): string {
  return codes.map((c) => `${englishName(c)} (${c})`).join(' or ');
}

// ---------------------------------------------------------------------------
// CSV → dataset

interface SenderDraft {
  id: string;
  firstLine: number;
  lastLine: number;
  values: Partial<Record<CsvColumn, { value: string; line: number }>>;
  officials: { official: Official; line: number }[];
  statements: { statement: Statement; line: number }[];
}

const SENDER_COLUMNS = ['kind', 'country', 'organization', 'body', 'lng', 'lat', 'name_zh', 'body_zh'] as const;
const LEVEL_LIST = officialLevels.join(', ');
const THEME_ID = /^[a-z][a-z0-9_]*$/;

/** Splits a `;`-separated cell; `\;` is a literal semicolon, `\\` a backslash. */
export function splitList(cell: string): string[] {
  if (cell.trim() === '') return [];
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i += 1) {
    const ch = cell[i];
    const next = cell[i + 1];
    if (ch === '\\' && (next === ';' || next === '\\')) {
      current += next;
      i += 1;
    } else if (ch === ';') {
      items.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current.trim());
  return items;
}

export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join(';');
}

/** "drug_control" → "Drug control": a label for a theme that came without a codebook. */
export function labelFromId(id: string): string {
  const words = id.replace(/_/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function csvToDataset(input: CsvImportInput): ImportResult {
  const { csv, details } = input;
  const problems: ImportProblem[] = [];
  const detailsFile = details.kind === 'companion' ? details.file : 'the form';
  const lineOfRow = (i: number) => csv.lines?.[i] ?? i + 2;

  // Columns
  const header = csv.columns.map((c) => c.trim().toLowerCase());
  const known = new Set<string>([...CSV_COLUMNS, ...OPTIONAL_CSV_COLUMNS]);
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !known.has(c));
  if (missing.length > 0) {
    const hint = unknown.length > 0 ? ` The first line also has columns the atlas does not read: ${unknown.map((c) => `"${clip(c, 40)}"`).join(', ')} — is one of them misspelt?` : '';
    problems.push({
      file: csv.file,
      row: 1,
      field: missing.join(', '),
      expected: `the columns ${CSV_COLUMNS.join(', ')}`,
      found: header.length ? header.map((c) => clip(c, 40)).join(', ') : 'no columns',
      message: `missing column${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}. The first line must name these columns: ${CSV_COLUMNS.join(', ')}.${hint}`,
    });
  }
  const seen = new Set<string>();
  for (const c of header) {
    if (known.has(c) && seen.has(c)) {
      problems.push({
        file: csv.file,
        row: 1,
        field: c,
        expected: 'each column once',
        found: `column "${c}" twice`,
        message: `the column "${c}" appears more than once in the first line; keep one`,
      });
    }
    seen.add(c);
  }
  if (csv.rows.length === 0 && problems.length === 0) {
    problems.push({
      file: csv.file,
      field: '',
      expected: 'one row per statement below the header',
      found: 'only the header',
      message: 'the file has a header line but no rows',
    });
  }

  const codebook = readCodebook(details, csv, problems, detailsFile);
  const recipient = readRecipient(details, problems, detailsFile, input.locate);
  if (problems.some((p) => p.file === csv.file && p.row === 1)) return { ok: false, problems };

  // Rows, grouped by consecutive sender_id
  const headerKey = new Map<string, string>();
  csv.columns.forEach((raw) => headerKey.set(raw.trim().toLowerCase(), raw));
  const cell = (row: Readonly<Record<string, string | undefined>>, column: CsvColumn): string =>
    (row[headerKey.get(column) ?? column] ?? '').trim();

  const drafts: SenderDraft[] = [];
  const firstLineOfId = new Map<string, { first: number; last: number }>();
  const codebookIds = codebook ? new Set(codebook.map((t) => t.id)) : null;
  csv.rows.forEach((row, i) => {
    const line = lineOfRow(i);
    const id = cell(row, 'sender_id');
    const at = (field: string, expected: string, found: string, message: string): void => {
      problems.push({ file: csv.file, row: line, ...(id ? { sender: id } : {}), field, expected, found, message });
    };
    if (!id) {
      at('sender_id', 'a sender id such as "vnm-ministry-of-public-security"', 'an empty cell', 'every row needs the sender_id of the body that wrote');
      return;
    }
    let draft = drafts[drafts.length - 1];
    if (!draft || draft.id !== id) {
      const earlier = firstLineOfId.get(id);
      if (earlier) {
        at(
          'sender_id',
          'the rows of one sender next to each other',
          `"${clip(id, 60)}" again after other senders`,
          `the sender id "${clip(id, 60)}" was already used on line${earlier.first === earlier.last ? ` ${earlier.first}` : `s ${earlier.first}–${earlier.last}`}: keep a sender's rows together, or give this sender another id`,
        );
      }
      draft = { id, firstLine: line, lastLine: line, values: {}, officials: [], statements: [] };
      drafts.push(draft);
    }
    draft.lastLine = line;
    const span = firstLineOfId.get(id);
    firstLineOfId.set(id, { first: span?.first ?? line, last: line });

    for (const column of SENDER_COLUMNS) {
      const value = cell(row, column);
      if (!value) continue;
      const before = draft.values[column];
      if (!before) draft.values[column] = { value, line };
      else if (before.value !== value) {
        at(
          column,
          `the same ${column} on every row of this sender (line ${before.line} has ${JSON.stringify(clip(before.value, 60))})`,
          describeFound(value),
          `this sender's ${column} differs from line ${before.line}: use one value for all its rows (or leave the cell empty)`,
        );
      }
    }

    // The official of this row
    const officialName = cell(row, 'official');
    const rank = cell(row, 'rank');
    const title = cell(row, 'title');
    const levelCell = cell(row, 'level');
    let officialIndex: number | null = null;
    if (!officialName) {
      const stray = (['rank', 'title', 'level'] as const).filter((c) => cell(row, c));
      if (stray.length > 0) {
        at('official', `the official's name (the row has a ${stray.join(' and ')})`, 'an empty cell', `the row gives a ${stray.join(' and ')} but no official's name`);
      }
    } else {
      const level = levelCell.toLowerCase().replace(/[\s-]+/g, '_');
      if (!title) at('title', "the official's title, exactly as the source writes it", 'an empty cell', `the official "${clip(officialName, 60)}" needs a title`);
      if (!(officialLevels as readonly string[]).includes(level)) {
        at('level', `one of ${LEVEL_LIST}`, describeFound(levelCell), `the level must be one of: ${LEVEL_LIST}`);
      }
      const existing = draft.officials.findIndex((o) => o.official.name === officialName && o.official.title === title);
      if (existing >= 0) {
        officialIndex = existing;
        const first = draft.officials[existing];
        if (first && (first.official.level !== level || (first.official.rank ?? '') !== rank)) {
          const which = first.official.level !== level ? 'level' : 'rank';
          at(
            which,
            `the same ${which} as line ${first.line} for this official (${JSON.stringify(which === 'level' ? first.official.level : (first.official.rank ?? ''))})`,
            describeFound(which === 'level' ? levelCell : rank),
            `"${clip(officialName, 60)}" has another ${which} on line ${first.line}: one official has one ${which}`,
          );
        }
      } else {
        officialIndex = draft.officials.length;
        draft.officials.push({
          line,
          official: { name: officialName, ...(rank ? { rank } : {}), title, level: level as OfficialLevel },
        });
      }
    }

    // The statement of this row
    const text = cell(row, 'text');
    const kindCell = cell(row, 'statement_kind');
    const themeIds = splitList(cell(row, 'themes'));
    const evidence = splitList(cell(row, 'evidence'));
    if (!text) {
      const stray = (['statement_kind', 'themes', 'evidence'] as const).filter((c) => cell(row, c));
      if (stray.length > 0) {
        at('text', `the statement's text (the row has ${stray.join(' and ')})`, 'an empty cell', `the row has ${stray.join(' and ')} but no text: add the text, or empty those cells for a sender that only wrote`);
      }
      return;
    }
    const kind = kindCell.toLowerCase();
    if (kind !== 'quote' && kind !== 'paraphrase') {
      at('statement_kind', 'quote or paraphrase', describeFound(kindCell), 'statement_kind must be "quote" (words in quotation marks) or "paraphrase" (reported speech)');
    }
    if (themeIds.length !== evidence.length) {
      at(
        'evidence',
        `one evidence per theme, in the same order (${themeIds.length} theme${themeIds.length === 1 ? '' : 's'})`,
        `${evidence.length} evidence item${evidence.length === 1 ? '' : 's'}`,
        `the row lists ${themeIds.length} theme${themeIds.length === 1 ? '' : 's'} and ${evidence.length} evidence item${evidence.length === 1 ? '' : 's'}: give each theme the words of the text that show it, separated by ";"`,
      );
    }
    const themes = themeIds.map((themeId, j) => {
      const ev = evidence[j] ?? '';
      if (!themeId) {
        at('themes', 'theme ids separated by ";"', describeFound(cell(row, 'themes')), `theme ${j + 1} of this row is empty (two ";" in a row, or one at the end?)`);
      } else if (!THEME_ID.test(themeId)) {
        at('themes', 'a theme id in lower_snake_case, e.g. drug_control', describeFound(themeId), `"${clip(themeId, 60)}" is not a theme id: use the codebook's ids (lower_snake_case)`);
      } else if (codebookIds && !codebookIds.has(themeId)) {
        at('themes', `a theme of the codebook: ${[...codebookIds].join(', ')}`, describeFound(themeId), `unknown theme "${clip(themeId, 60)}": add it to the companion file's themes, or use one of: ${[...codebookIds].join(', ')}`);
      }
      if (ev && !text.includes(ev)) {
        at('evidence', "words copied exactly from this row's text", describeFound(ev), `the evidence "${clip(ev, 60)}" for theme ${themeId || j + 1} is not in this row's text`);
      } else if (!ev && j < evidence.length) {
        at('evidence', 'the words of the text that show the theme', 'an empty item', `the evidence for theme ${themeId || j + 1} is empty`);
      }
      return { id: themeId, evidence: ev };
    });
    draft.statements.push({
      line,
      statement: { kind: kind as Statement['kind'], text, official: officialIndex, themes },
    });
  });

  const order = codebook?.map((t) => t.id) ?? [];
  const senders = drafts.map((draft) => buildSender(draft, order, csv.file, problems));

  const companion = details.kind === 'companion' && isObject(details.value) ? details.value : {};
  const title = details.kind === 'form' ? details.form.title.trim() : companion.title;
  const candidate: Record<string, unknown> = {
    schemaVersion: details.kind === 'companion' ? (companion.schemaVersion ?? 1) : 1,
    title,
    ...(details.kind === 'companion' && 'title_zh' in companion ? { title_zh: companion.title_zh } : {}),
    date: details.kind === 'form' ? details.form.date.trim() : companion.date,
    source:
      details.kind === 'companion' && companion.source !== undefined
        ? companion.source
        : { title: input.source ? input.source.file : 'Not given' },
    recipient,
    themes: codebook ?? (details.kind === 'companion' ? companion.themes : []),
    senders,
  };

  const parsed = parseDataset(candidate);
  if (!parsed.ok) {
    // A cell this module already reported is not reported again in the schema's words.
    const key = (q: ImportProblem) => `${q.file}\u0000${q.row ?? ''}\u0000${q.field}`;
    const reported = new Set(problems.map(key));
    for (const p of parsed.problems) {
      const mapped = mapDatasetProblem(p, drafts, candidate, csv.file, detailsFile);
      if (!reported.has(key(mapped))) problems.push(mapped);
    }
  }
  if (problems.length > 0 || !parsed.ok) return { ok: false, problems };

  let dataset = parsed.dataset;
  if (input.source) {
    const sourceProblems = checkAgainstSource(dataset, input.source.text);
    if (sourceProblems.length > 0) {
      const loose = looseText(input.source.text);
      return {
        ok: false,
        problems: sourceProblems.map((p) => mapSourceProblem(p, drafts, dataset, csv.file, input.source?.file ?? 'the source text', loose)),
      };
    }
    dataset = withOffsets(dataset, input.source.text);
  }
  return { ok: true, dataset };
}

function buildSender(draft: SenderDraft, codebookOrder: readonly string[], file: string, problems: ImportProblem[]): Record<string, unknown> {
  const value = (c: CsvColumn) => draft.values[c]?.value ?? '';
  const lineOf = (c: CsvColumn) => draft.values[c]?.line ?? draft.firstLine;
  const at = (field: string, line: number, expected: string, found: string, message: string) =>
    problems.push({ file, row: line, sender: draft.id, field, expected, found, message });

  const kindCell = value('kind').toLowerCase();
  let kind: string;
  if (!kindCell) kind = value('organization') && !value('country') ? 'organization' : 'country';
  else if (kindCell === 'organisation') kind = 'organization';
  else kind = kindCell;
  if (kind !== 'country' && kind !== 'organization') {
    at('kind', lineOf('kind'), 'country or organization', describeFound(value('kind')), 'kind must be "country" (a body of a state) or "organization" (an international organization)');
  }

  let iso3: string | null = null;
  let name = '';
  if (kind === 'organization') {
    name = value('organization');
    if (!name) at('organization', draft.firstLine, 'the name of the organization, e.g. INTERPOL', 'an empty cell', 'an organization needs its name in the organization column');
    if (value('country')) {
      at('country', lineOf('country'), 'an empty cell for an organization', describeFound(value('country')), 'an organization belongs to no country: leave country empty (its headquarters go in lng and lat)');
    }
  } else {
    const country = value('country');
    if (!country) {
      at('country', draft.firstLine, 'a country name or ISO code, e.g. Viet Nam or VNM', 'an empty cell', 'a country sender needs its country');
    } else {
      const match = resolveCountry(country);
      if (match.ok) {
        iso3 = match.iso3;
        name = match.name;
      } else {
        name = country;
        at(
          'country',
          lineOf('country'),
          match.reason === 'ambiguous' ? `one of ${describeCandidates(match.candidates)}` : 'a country name in English or an ISO 3166-1 code (e.g. Viet Nam or VNM)',
          describeFound(country),
          match.reason === 'ambiguous'
            ? `"${clip(country, 60)}" could be ${describeCandidates(match.candidates)}: write the full name or the three-letter code`
            : `unknown country "${clip(country, 60)}": write its English name or its three-letter ISO code (e.g. VNM), or "Name (VNM)" to keep your own name`,
        );
      }
    }
    if (value('organization')) {
      at('organization', lineOf('organization'), 'an empty cell for a country sender', describeFound(value('organization')), 'this sender is a country: leave organization empty (or set kind to organization)');
    }
  }

  let location: LngLat | undefined;
  const lng = value('lng');
  const lat = value('lat');
  if (lng || lat) {
    const x = parseCoordinate(lng);
    const y = parseCoordinate(lat);
    if (!lng || !lat) {
      at(lng ? 'lat' : 'lng', lineOf(lng ? 'lng' : 'lat'), 'both lng and lat, or neither', 'only one of them', 'give both longitude (lng) and latitude (lat), or leave both empty');
    } else if (x === null || y === null) {
      const bad = x === null ? 'lng' : 'lat';
      at(bad, lineOf(bad), 'a number in degrees with a decimal point, e.g. 116.4', describeFound(value(bad)), `${bad} must be a number in degrees, such as 116.4 (a point, not a comma)`);
    } else if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      const swapped = Math.abs(y) <= 180 && Math.abs(x) <= 90;
      at(
        Math.abs(x) > 180 ? 'lng' : 'lat',
        lineOf('lat'),
        'lng between -180 and 180, lat between -90 and 90',
        `lng ${x}, lat ${y}`,
        `the position is off the globe${swapped ? ': are lng and lat swapped?' : ''}`,
      );
    } else {
      location = [x, y];
    }
  }
  if (kind === 'organization' && !lng && !lat) {
    at('lng', draft.firstLine, "the organization's headquarters as lng and lat", 'empty cells', 'an organization needs a position (lng and lat of its headquarters) to be shown on the map');
  }

  const statements = draft.statements.map((s) => s.statement);
  const themes = unionThemes(statements, codebookOrder);
  return {
    id: draft.id,
    kind,
    iso3,
    name,
    ...(value('name_zh') ? { name_zh: value('name_zh') } : {}),
    body: value('body') || null,
    ...(value('body_zh') ? { body_zh: value('body_zh') } : {}),
    ...(location ? { location } : {}),
    officials: draft.officials.map((o) => o.official),
    statements,
    themes,
    primaryTheme: themes[0] ?? null,
  };
}

function parseCoordinate(cell: string): number | null {
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cell)) return null;
  const n = Number(cell);
  return Number.isFinite(n) ? n : null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The codebook: the companion's themes, or one theme per id the CSV uses (form). */
function readCodebook(details: EventDetails, csv: CsvTable, problems: ImportProblem[], file: string): { id: string }[] | null {
  if (details.kind === 'form') {
    const column = csv.columns.find((c) => c.trim().toLowerCase() === 'themes');
    const ids: string[] = [];
    if (column) {
      for (const row of csv.rows) {
        for (const id of splitList(row[column] ?? '')) if (id && THEME_ID.test(id) && !ids.includes(id)) ids.push(id);
      }
    }
    if (ids.length === 0) {
      problems.push({
        file: csv.file,
        field: 'themes',
        expected: 'at least one theme id in the themes column',
        found: 'no themes',
        message: 'no statement names a theme: add theme ids to the themes column, or choose a companion file with a codebook',
      });
      return null;
    }
    return ids.map((id) => {
      const label = labelFromId(id);
      return { id, label, description: `Statements coded "${label}" (generated: the data came without a codebook).` };
    });
  }
  if (!isObject(details.value)) {
    problems.push({
      file,
      field: '',
      expected: 'a JSON object { title, date, recipient, themes }',
      found: describeFound(details.value),
      message: 'the companion file must hold one JSON object with title, date, recipient and themes',
    });
    return null;
  }
  const themes = details.value.themes;
  if (!Array.isArray(themes)) {
    problems.push({
      file,
      field: 'themes',
      expected: 'a list of themes [{ "id", "label", "description" }]',
      found: themes === undefined ? 'nothing (the field is missing)' : describeFound(themes),
      message: 'the companion file needs "themes": the codebook, a list of { id, label, description }',
    });
    return null;
  }
  return themes.filter((t): t is { id: string } => isObject(t) && typeof t.id === 'string');
}

function readRecipient(
  details: EventDetails,
  problems: ImportProblem[],
  file: string,
  locate: CsvImportInput['locate'],
): Record<string, unknown> | undefined {
  let raw: Record<string, unknown>;
  if (details.kind === 'form') {
    raw = { name: details.form.recipientName.trim(), country: details.form.recipientCountry };
  } else {
    if (!isObject(details.value)) return undefined;
    if (!isObject(details.value.recipient)) {
      problems.push({
        file,
        field: 'recipient',
        expected: 'an object { "name", "country" or "iso3", "location" }',
        found: details.value.recipient === undefined ? 'nothing (the field is missing)' : describeFound(details.value.recipient),
        message: 'the companion file needs "recipient": who received the messages (name, country, location)',
      });
      return undefined;
    }
    raw = details.value.recipient;
  }
  const { country, ...rest } = raw;
  let iso3 = rest.iso3;
  if (iso3 === undefined || iso3 === null || iso3 === '') {
    const field = details.kind === 'form' ? 'recipient country' : 'recipient.country';
    if (typeof country !== 'string' || country.trim() === '') {
      problems.push({
        file,
        field,
        expected: 'the recipient\'s country, e.g. "China" or "CHN"',
        found: describeFound(country),
        message: 'give the recipient\'s country (a name or ISO code)',
      });
    } else {
      const match = resolveCountry(country);
      if (match.ok) iso3 = match.iso3;
      else {
        problems.push({
          file,
          field,
          expected: match.reason === 'ambiguous' ? `one of ${describeCandidates(match.candidates)}` : 'a country name in English or an ISO 3166-1 code',
          found: describeFound(country),
          message: `unknown country "${clip(country, 60)}" for the recipient: write its English name or its three-letter ISO code`,
        });
      }
    }
  }
  let location = rest.location;
  if (location === undefined && typeof iso3 === 'string' && locate) location = locate(iso3);
  if (location === undefined && typeof iso3 === 'string' && !locate) {
    problems.push({
      file,
      field: details.kind === 'form' ? 'recipient country' : 'recipient.location',
      expected: 'the recipient\'s position [longitude, latitude], e.g. [116.4, 39.9]',
      found: 'nothing',
      message: 'the recipient needs a location [longitude, latitude]',
    });
  }
  return { ...rest, iso3, ...(location !== undefined ? { location } : {}) };
}

// ---------------------------------------------------------------------------
// parseDataset / checkAgainstSource problems → lines and columns

const SENDER_FIELD_COLUMN: Readonly<Record<string, string>> = {
  id: 'sender_id',
  kind: 'kind',
  iso3: 'country',
  body: 'body',
  name_zh: 'name_zh',
  body_zh: 'body_zh',
  location: 'lng, lat',
  themes: 'themes',
  primaryTheme: 'themes',
};
const OFFICIAL_FIELD_COLUMN: Readonly<Record<string, string>> = { name: 'official', rank: 'rank', title: 'title', level: 'level' };
const STATEMENT_FIELD_COLUMN: Readonly<Record<string, string>> = {
  kind: 'statement_kind',
  text: 'text',
  offset: 'text',
  official: 'official',
};

function senderIndexOf(where: string): number | null {
  const match = /#(\d+)\)?$/.exec(where);
  return match?.[1] ? Number(match[1]) - 1 : null;
}

function parsePath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(part[2] !== undefined ? Number(part[2]) : (part[1] ?? ''));
  return out;
}

function valueAt(root: unknown, path: readonly (string | number)[]): unknown {
  let node: unknown = root;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

/** "expected string, found null" → ["string", "null"]; other messages are the expectation as a whole. */
function splitMessage(message: string): { expected: string; found?: string } {
  const match = /^expected (.+?), found (.+)$/.exec(message);
  return match?.[1] && match[2] ? { expected: match[1], found: match[2] } : { expected: message };
}

function mapDatasetProblem(
  p: DatasetProblem,
  drafts: readonly SenderDraft[],
  candidate: Record<string, unknown>,
  csvFile: string,
  detailsFile: string,
): ImportProblem {
  const s = p.where === 'dataset' ? null : senderIndexOf(p.where);
  const path = parsePath(p.field);
  const { expected, found } = splitMessage(p.message);
  if (s === null || !drafts[s]) {
    const value = valueAt(candidate, path);
    const field = detailsFile === 'the form' ? formFieldName(p.field) : p.field;
    return { file: detailsFile, field, expected, found: found ?? describeFound(value), message: `${field || 'the file'}: ${p.message}` };
  }
  const draft = drafts[s];
  const senderValue = valueAt(valueAt(candidate, ['senders', s]), path);
  let row = draft.firstLine;
  let column = SENDER_FIELD_COLUMN[String(path[0])] ?? String(path[0] ?? '');
  if (path[0] === 'name') {
    column = valueAt(candidate, ['senders', s, 'kind']) === 'organization' ? 'organization' : 'country';
  } else if (path[0] === 'officials' && typeof path[1] === 'number') {
    row = draft.officials[path[1]]?.line ?? row;
    column = OFFICIAL_FIELD_COLUMN[String(path[2])] ?? 'official';
  } else if (path[0] === 'statements' && typeof path[1] === 'number') {
    row = draft.statements[path[1]]?.line ?? row;
    column = path[2] === 'themes' ? (path[4] === 'evidence' ? 'evidence' : 'themes') : (STATEMENT_FIELD_COLUMN[String(path[2])] ?? 'text');
  }
  return { file: csvFile, row, sender: draft.id, field: column, expected, found: found ?? describeFound(senderValue), message: p.message };
}

function formFieldName(field: string): string {
  if (field.startsWith('recipient.name')) return 'recipient name';
  if (field.startsWith('recipient')) return 'recipient country';
  return field;
}

/** Curly quotes, dashes and runs of spaces as their plain forms: to tell "almost" from "not at all". */
function looseText(text: string): string {
  return text
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ');
}

function mapSourceProblem(
  p: DatasetProblem,
  drafts: readonly SenderDraft[],
  dataset: Dataset,
  csvFile: string,
  sourceFile: string,
  looseSource: string,
): ImportProblem {
  const s = senderIndexOf(p.where) ?? -1;
  const k = Number(/statements\[(\d+)\]/.exec(p.field)?.[1] ?? -1);
  const draft = drafts[s];
  const text = dataset.senders[s]?.statements[k]?.text ?? '';
  const nearly = text !== '' && looseSource.includes(looseText(text));
  return {
    file: csvFile,
    ...(draft ? { row: draft.statements[k]?.line ?? draft.firstLine, sender: draft.id } : {}),
    field: 'text',
    expected: `words copied exactly from ${sourceFile}`,
    found: describeFound(text),
    message: nearly
      ? `the text differs from ${sourceFile} only in quotation marks, apostrophes, dashes or spaces: copy it exactly`
      : `the text is not in ${sourceFile}: copy the words exactly as the source writes them`,
  };
}

// ---------------------------------------------------------------------------
// Dataset → CSV + companion

/** One cell, quoted when it needs to be (RFC 4180). */
function csvCell(value: string): string {
  return /[",\r\n]/.test(value) || /^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

function countryCell(sender: Sender): string {
  if (!sender.iso3) return '';
  const match = resolveCountry(sender.name);
  return match.ok && match.iso3 === sender.iso3 && match.name === sender.name ? sender.name : `${sender.name} (${sender.iso3})`;
}

/**
 * The dataset as a CSV (one row per statement, one per official that made
 * none, one for a sender with neither) and its companion. Offsets are not
 * written: they are recomputed from the source text on import.
 */
export function datasetToCsv(dataset: Dataset): { csv: string; companion: Companion } {
  const withZh = dataset.senders.some((s) => s.name_zh || s.body_zh);
  const columns: CsvColumn[] = [...CSV_COLUMNS, ...(withZh ? OPTIONAL_CSV_COLUMNS : [])];
  const lines = [columns.join(',')];
  for (const sender of dataset.senders) {
    const senderCells: Partial<Record<CsvColumn, string>> = {
      sender_id: sender.id,
      kind: sender.kind,
      country: sender.kind === 'country' ? countryCell(sender) : '',
      organization: sender.kind === 'organization' ? sender.name : '',
      body: sender.body ?? '',
      lng: sender.location ? String(sender.location[0]) : '',
      lat: sender.location ? String(sender.location[1]) : '',
      name_zh: sender.name_zh ?? '',
      body_zh: sender.body_zh ?? '',
    };
    const officialCells = (index: number | null): Partial<Record<CsvColumn, string>> => {
      const official = index === null ? undefined : sender.officials[index];
      return official ? { official: official.name, rank: official.rank ?? '', title: official.title, level: official.level } : {};
    };
    const push = (cells: Partial<Record<CsvColumn, string>>) => lines.push(columns.map((c) => csvCell(cells[c] ?? '')).join(','));

    // Officials are numbered by first appearance: when the statements alone
    // would number them otherwise (or miss one), list them first, in order.
    const appearance: number[] = [];
    for (const st of sender.statements) if (st.official !== null && !appearance.includes(st.official)) appearance.push(st.official);
    const inOrder = appearance.length === sender.officials.length && appearance.every((o, i) => o === i);
    if (!inOrder) sender.officials.forEach((_, i) => push({ ...senderCells, ...officialCells(i) }));
    for (const st of sender.statements) {
      push({
        ...senderCells,
        ...officialCells(st.official),
        statement_kind: st.kind,
        text: st.text,
        themes: joinList(st.themes.map((t) => t.id)),
        evidence: joinList(st.themes.map((t) => t.evidence)),
      });
    }
    if (sender.statements.length === 0 && sender.officials.length === 0) push(senderCells);
  }
  const companion: Companion = {
    schemaVersion: 1,
    title: dataset.title,
    ...(dataset.title_zh !== undefined ? { title_zh: dataset.title_zh } : {}),
    date: dataset.date,
    source: dataset.source,
    recipient: { ...dataset.recipient },
    themes: dataset.themes,
  };
  return { csv: `${lines.join('\r\n')}\r\n`, companion };
}
