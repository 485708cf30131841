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
import { officialLevels } from './official-levels';
import {
  unionThemes,
  type Dataset,
  type LngLat,
  type Official,
  type OfficialLevel,
  type Sender,
  type Statement,
} from './dataset-schema';
import { THEME_ID } from './dataset-patterns';
import { checkAgainstSource, parseDataset, withOffsets, type DatasetProblem } from './dataset-validation';
import { isKnownIso3 } from './iso-codes';
import { both, clip, describeFound, FORM_FILE, importProblem, MISSING_FIELD, type ImportProblem } from './import-problems';
import type { Bilingual } from './lang';
import { countryNameIn } from './localized-fields';

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

function describeCandidates(codes: readonly string[]): Bilingual {
  return {
    en: codes.map((c) => `${englishName(c)} (${c})`).join(' or '),
    zh: codes.map((c) => `${countryNameIn(c, 'zh')}（${c}）`).join('或'),
  };
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
  const detailsFile = details.kind === 'companion' ? details.file : FORM_FILE;
  const lineOfRow = (i: number) => csv.lines?.[i] ?? i + 2;

  // Columns
  const header = csv.columns.map((c) => c.trim().toLowerCase());
  const known = new Set<string>([...CSV_COLUMNS, ...OPTIONAL_CSV_COLUMNS]);
  const missing = CSV_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !known.has(c));
  if (missing.length > 0) {
    const hint = unknown.length > 0 ? ` The first line also has columns the atlas does not read: ${unknown.map((c) => `"${clip(c, 40)}"`).join(', ')} — is one of them misspelt?` : '';
    const hintZh = unknown.length > 0 ? `第一行还有本图集不读取的列：${unknown.map((c) => `“${clip(c, 40)}”`).join('、')}——是否有拼写错误？` : '';
    problems.push(
      importProblem(
        { file: csv.file, row: 1, field: missing.join(', ') },
        { en: `the columns ${CSV_COLUMNS.join(', ')}`, zh: `列 ${CSV_COLUMNS.join(', ')}` },
        header.length ? both(header.map((c) => clip(c, 40)).join(', ')) : { en: 'no columns', zh: '没有列' },
        {
          en: `missing column${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}. The first line must name these columns: ${CSV_COLUMNS.join(', ')}.${hint}`,
          zh: `缺少列：${missing.join(', ')}。第一行须写明以下各列：${CSV_COLUMNS.join(', ')}。${hintZh}`,
        },
      ),
    );
  }
  const seen = new Set<string>();
  for (const c of header) {
    if (known.has(c) && seen.has(c)) {
      problems.push(
        importProblem(
          { file: csv.file, row: 1, field: c },
          { en: 'each column once', zh: '每列只出现一次' },
          { en: `column "${c}" twice`, zh: `列“${c}”出现两次` },
          { en: `the column "${c}" appears more than once in the first line; keep one`, zh: `列“${c}”在第一行中出现了不止一次；请只保留一个` },
        ),
      );
    }
    seen.add(c);
  }
  if (csv.rows.length === 0 && problems.length === 0) {
    problems.push(
      importProblem(
        { file: csv.file, field: '' },
        { en: 'one row per statement below the header', zh: '表头下方每条表述一行' },
        { en: 'only the header', zh: '只有表头' },
        { en: 'the file has a header line but no rows', zh: '文件只有表头行，没有数据行' },
      ),
    );
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
    const at = (field: string, expected: Bilingual, found: Bilingual, message: Bilingual): void => {
      problems.push(importProblem({ file: csv.file, row: line, sender: id, field }, expected, found, message));
    };
    if (!id) {
      at(
        'sender_id',
        { en: 'a sender id such as "vnm-ministry-of-public-security"', zh: '来函方标识，如“vnm-ministry-of-public-security”' },
        describeFound(''),
        { en: 'every row needs the sender_id of the body that wrote', zh: '每一行都须填写来函机构的 sender_id' },
      );
      return;
    }
    let draft = drafts[drafts.length - 1];
    if (!draft || draft.id !== id) {
      const earlier = firstLineOfId.get(id);
      if (earlier) {
        const lines = earlier.first === earlier.last ? `${earlier.first}` : `${earlier.first}–${earlier.last}`;
        at(
          'sender_id',
          { en: 'the rows of one sender next to each other', zh: '同一来函方的各行相邻排列' },
          { en: `"${clip(id, 60)}" again after other senders`, zh: `其他来函方之后再次出现“${clip(id, 60)}”` },
          {
            en: `the sender id "${clip(id, 60)}" was already used on line${earlier.first === earlier.last ? ` ${earlier.first}` : `s ${earlier.first}–${earlier.last}`}: keep a sender's rows together, or give this sender another id`,
            zh: `来函方标识“${clip(id, 60)}”已在第 ${lines} 行使用过：请把同一来函方的各行放在一起，或给这个来函方另起一个标识`,
          },
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
          {
            en: `the same ${column} on every row of this sender (line ${before.line} has ${JSON.stringify(clip(before.value, 60))})`,
            zh: `该来函方每一行的 ${column} 相同（第 ${before.line} 行为 ${JSON.stringify(clip(before.value, 60))}）`,
          },
          describeFound(value),
          {
            en: `this sender's ${column} differs from line ${before.line}: use one value for all its rows (or leave the cell empty)`,
            zh: `该来函方的 ${column} 与第 ${before.line} 行不同：其所有行须使用同一个值（或留空）`,
          },
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
        const strayZh = stray.join('、');
        at(
          'official',
          { en: `the official's name (the row has a ${stray.join(' and ')})`, zh: `官员姓名（该行填写了 ${strayZh}）` },
          describeFound(''),
          { en: `the row gives a ${stray.join(' and ')} but no official's name`, zh: `该行填写了 ${strayZh}，但没有官员姓名` },
        );
      }
    } else {
      const level = levelCell.toLowerCase().replace(/[\s-]+/g, '_');
      if (!title) {
        at(
          'title',
          { en: "the official's title, exactly as the source writes it", zh: '官员职务，与原文写法完全一致' },
          describeFound(''),
          { en: `the official "${clip(officialName, 60)}" needs a title`, zh: `官员“${clip(officialName, 60)}”须填写职务` },
        );
      }
      if (!(officialLevels as readonly string[]).includes(level)) {
        at(
          'level',
          { en: `one of ${LEVEL_LIST}`, zh: `以下之一：${LEVEL_LIST}` },
          describeFound(levelCell),
          { en: `the level must be one of: ${LEVEL_LIST}`, zh: `level 须为以下之一：${LEVEL_LIST}` },
        );
      }
      const existing = draft.officials.findIndex((o) => o.official.name === officialName && o.official.title === title);
      if (existing >= 0) {
        officialIndex = existing;
        const first = draft.officials[existing];
        if (first && (first.official.level !== level || (first.official.rank ?? '') !== rank)) {
          const which = first.official.level !== level ? 'level' : 'rank';
          const firstValue = JSON.stringify(which === 'level' ? first.official.level : (first.official.rank ?? ''));
          at(
            which,
            {
              en: `the same ${which} as line ${first.line} for this official (${firstValue})`,
              zh: `该官员的 ${which} 与第 ${first.line} 行相同（${firstValue}）`,
            },
            describeFound(which === 'level' ? levelCell : rank),
            {
              en: `"${clip(officialName, 60)}" has another ${which} on line ${first.line}: one official has one ${which}`,
              zh: `“${clip(officialName, 60)}”在第 ${first.line} 行的 ${which} 不同：同一官员只能有一个 ${which}`,
            },
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
        const strayZh = stray.join('、');
        at(
          'text',
          { en: `the statement's text (the row has ${stray.join(' and ')})`, zh: `表述的文本（该行填写了 ${strayZh}）` },
          describeFound(''),
          {
            en: `the row has ${stray.join(' and ')} but no text: add the text, or empty those cells for a sender that only wrote`,
            zh: `该行填写了 ${strayZh}，但没有文本：请补上文本；如该来函方仅致贺信、未留下表述，请清空这些单元格`,
          },
        );
      }
      return;
    }
    const kind = kindCell.toLowerCase();
    if (kind !== 'quote' && kind !== 'paraphrase') {
      at(
        'statement_kind',
        { en: 'quote or paraphrase', zh: 'quote 或 paraphrase' },
        describeFound(kindCell),
        {
          en: 'statement_kind must be "quote" (words in quotation marks) or "paraphrase" (reported speech)',
          zh: 'statement_kind 须为“quote”（原话，引号内的话）或“paraphrase”（转述）',
        },
      );
    }
    if (themeIds.length !== evidence.length) {
      at(
        'evidence',
        {
          en: `one evidence per theme, in the same order (${themeIds.length} theme${themeIds.length === 1 ? '' : 's'})`,
          zh: `每个合作领域一条依据，顺序相同（${themeIds.length} 个合作领域）`,
        },
        { en: `${evidence.length} evidence item${evidence.length === 1 ? '' : 's'}`, zh: `${evidence.length} 条依据` },
        {
          en: `the row lists ${themeIds.length} theme${themeIds.length === 1 ? '' : 's'} and ${evidence.length} evidence item${evidence.length === 1 ? '' : 's'}: give each theme the words of the text that show it, separated by ";"`,
          zh: `该行列出 ${themeIds.length} 个合作领域、${evidence.length} 条依据：请为每个合作领域给出文本中体现它的原词，用“;”分隔`,
        },
      );
    }
    const themes = themeIds.map((themeId, j) => {
      const ev = evidence[j] ?? '';
      if (!themeId) {
        at(
          'themes',
          { en: 'theme ids separated by ";"', zh: '用“;”分隔的合作领域标识' },
          describeFound(cell(row, 'themes')),
          {
            en: `theme ${j + 1} of this row is empty (two ";" in a row, or one at the end?)`,
            zh: `该行第 ${j + 1} 个合作领域为空（是否连写了两个“;”，或末尾多了一个？）`,
          },
        );
      } else if (!THEME_ID.test(themeId)) {
        at(
          'themes',
          { en: 'a theme id in lower_snake_case, e.g. drug_control', zh: 'lower_snake_case 格式的合作领域标识，如 drug_control' },
          describeFound(themeId),
          {
            en: `"${clip(themeId, 60)}" is not a theme id: use the codebook's ids (lower_snake_case)`,
            zh: `“${clip(themeId, 60)}”不是合作领域标识：请使用编码表中的标识（lower_snake_case）`,
          },
        );
      } else if (codebookIds && !codebookIds.has(themeId)) {
        const ids = [...codebookIds].join(', ');
        at(
          'themes',
          { en: `a theme of the codebook: ${ids}`, zh: `编码表中的合作领域：${ids}` },
          describeFound(themeId),
          {
            en: `unknown theme "${clip(themeId, 60)}": add it to the companion file's themes, or use one of: ${ids}`,
            zh: `未知的合作领域“${clip(themeId, 60)}”：请将其加入配套文件的 themes，或使用以下之一：${ids}`,
          },
        );
      }
      if (ev && !text.includes(ev)) {
        at(
          'evidence',
          { en: "words copied exactly from this row's text", zh: '从该行文本中原样复制的词语' },
          describeFound(ev),
          {
            en: `the evidence "${clip(ev, 60)}" for theme ${themeId || j + 1} is not in this row's text`,
            zh: `合作领域 ${themeId || j + 1} 的依据“${clip(ev, 60)}”不在该行文本中`,
          },
        );
      } else if (!ev && j < evidence.length) {
        at(
          'evidence',
          { en: 'the words of the text that show the theme', zh: '文本中体现该合作领域的词语' },
          { en: 'an empty item', zh: '空项' },
          { en: `the evidence for theme ${themeId || j + 1} is empty`, zh: `合作领域 ${themeId || j + 1} 的依据为空` },
        );
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
        problems: sourceProblems.map((p) => mapSourceProblem(p, drafts, dataset, csv.file, input.source?.file ?? null, loose)),
      };
    }
    dataset = withOffsets(dataset, input.source.text);
  }
  return { ok: true, dataset };
}

function buildSender(draft: SenderDraft, codebookOrder: readonly string[], file: string, problems: ImportProblem[]): Record<string, unknown> {
  const value = (c: CsvColumn) => draft.values[c]?.value ?? '';
  const lineOf = (c: CsvColumn) => draft.values[c]?.line ?? draft.firstLine;
  const at = (field: string, line: number, expected: Bilingual, found: Bilingual, message: Bilingual) =>
    problems.push(importProblem({ file, row: line, sender: draft.id, field }, expected, found, message));

  const kindCell = value('kind').toLowerCase();
  let kind: string;
  if (!kindCell) kind = value('organization') && !value('country') ? 'organization' : 'country';
  else if (kindCell === 'organisation') kind = 'organization';
  else kind = kindCell;
  if (kind !== 'country' && kind !== 'organization') {
    at(
      'kind',
      lineOf('kind'),
      { en: 'country or organization', zh: 'country 或 organization' },
      describeFound(value('kind')),
      {
        en: 'kind must be "country" (a body of a state) or "organization" (an international organization)',
        zh: 'kind 须为“country”（国家机构）或“organization”（国际组织）',
      },
    );
  }

  let iso3: string | null = null;
  let name = '';
  if (kind === 'organization') {
    name = value('organization');
    if (!name) {
      at(
        'organization',
        draft.firstLine,
        { en: 'the name of the organization, e.g. INTERPOL', zh: '国际组织的名称，如 INTERPOL' },
        describeFound(''),
        { en: 'an organization needs its name in the organization column', zh: '国际组织须在 organization 列填写名称' },
      );
    }
    if (value('country')) {
      at(
        'country',
        lineOf('country'),
        { en: 'an empty cell for an organization', zh: '国际组织此处留空' },
        describeFound(value('country')),
        {
          en: 'an organization belongs to no country: leave country empty (its headquarters go in lng and lat)',
          zh: '国际组织不属于任何国家：country 请留空（总部位置填在 lng 和 lat）',
        },
      );
    }
  } else {
    const country = value('country');
    if (!country) {
      at(
        'country',
        draft.firstLine,
        { en: 'a country name or ISO code, e.g. Viet Nam or VNM', zh: '国家名称或 ISO 代码，如 Viet Nam 或 VNM' },
        describeFound(''),
        { en: 'a country sender needs its country', zh: '国家来函方须填写所属国家' },
      );
    } else {
      const match = resolveCountry(country);
      if (match.ok) {
        iso3 = match.iso3;
        name = match.name;
      } else {
        name = country;
        const candidates = describeCandidates(match.candidates);
        at(
          'country',
          lineOf('country'),
          match.reason === 'ambiguous'
            ? { en: `one of ${candidates.en}`, zh: `以下之一：${candidates.zh}` }
            : { en: 'a country name in English or an ISO 3166-1 code (e.g. Viet Nam or VNM)', zh: '英文国家名称或 ISO 3166-1 代码（如 Viet Nam 或 VNM）' },
          describeFound(country),
          match.reason === 'ambiguous'
            ? {
                en: `"${clip(country, 60)}" could be ${candidates.en}: write the full name or the three-letter code`,
                zh: `“${clip(country, 60)}”可能是${candidates.zh}：请写全称或三个字母的代码`,
              }
            : {
                en: `unknown country "${clip(country, 60)}": write its English name or its three-letter ISO code (e.g. VNM), or "Name (VNM)" to keep your own name`,
                zh: `未知的国家“${clip(country, 60)}”：请写英文名称或三个字母的 ISO 代码（如 VNM），如要保留自己的写法，可写成“名称 (VNM)”`,
              },
        );
      }
    }
    if (value('organization')) {
      at(
        'organization',
        lineOf('organization'),
        { en: 'an empty cell for a country sender', zh: '国家来函方此处留空' },
        describeFound(value('organization')),
        {
          en: 'this sender is a country: leave organization empty (or set kind to organization)',
          zh: '该来函方是国家：organization 请留空（或将 kind 改为 organization）',
        },
      );
    }
  }

  let location: LngLat | undefined;
  const lng = value('lng');
  const lat = value('lat');
  if (lng || lat) {
    const x = parseCoordinate(lng);
    const y = parseCoordinate(lat);
    if (!lng || !lat) {
      at(
        lng ? 'lat' : 'lng',
        lineOf(lng ? 'lng' : 'lat'),
        { en: 'both lng and lat, or neither', zh: 'lng 和 lat 都填，或都不填' },
        { en: 'only one of them', zh: '只填了其中一个' },
        { en: 'give both longitude (lng) and latitude (lat), or leave both empty', zh: '请同时填写经度（lng）和纬度（lat），或都留空' },
      );
    } else if (x === null || y === null) {
      const bad = x === null ? 'lng' : 'lat';
      at(
        bad,
        lineOf(bad),
        { en: 'a number in degrees with a decimal point, e.g. 116.4', zh: '以度为单位、用小数点的数字，如 116.4' },
        describeFound(value(bad)),
        { en: `${bad} must be a number in degrees, such as 116.4 (a point, not a comma)`, zh: `${bad} 须为以度为单位的数字，如 116.4（用小数点，不用逗号）` },
      );
    } else if (Math.abs(x) > 180 || Math.abs(y) > 90) {
      const swapped = Math.abs(y) <= 180 && Math.abs(x) <= 90;
      at(
        Math.abs(x) > 180 ? 'lng' : 'lat',
        lineOf('lat'),
        { en: 'lng between -180 and 180, lat between -90 and 90', zh: 'lng 在 -180 到 180 之间，lat 在 -90 到 90 之间' },
        both(`lng ${x}, lat ${y}`),
        { en: `the position is off the globe${swapped ? ': are lng and lat swapped?' : ''}`, zh: `该位置超出了地球范围${swapped ? '：lng 和 lat 是否填反了？' : ''}` },
      );
    } else {
      location = [x, y];
    }
  }
  if (kind === 'organization' && !lng && !lat) {
    at(
      'lng',
      draft.firstLine,
      { en: "the organization's headquarters as lng and lat", zh: '国际组织总部位置的 lng 和 lat' },
      { en: 'empty cells', zh: '空单元格' },
      {
        en: 'an organization needs a position (lng and lat of its headquarters) to be shown on the map',
        zh: '国际组织须有位置（其总部的 lng 和 lat）才能显示在地图上',
      },
    );
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
      problems.push(
        importProblem(
          { file: csv.file, field: 'themes' },
          { en: 'at least one theme id in the themes column', zh: 'themes 列中至少有一个合作领域标识' },
          { en: 'no themes', zh: '没有合作领域' },
          {
            en: 'no statement names a theme: add theme ids to the themes column, or choose a companion file with a codebook',
            zh: '没有一条表述标注了合作领域：请在 themes 列填写合作领域标识，或选择带有编码表的配套文件',
          },
        ),
      );
      return null;
    }
    return ids.map((id) => {
      const label = labelFromId(id);
      return {
        id,
        label,
        description: `Statements coded "${label}" (generated: the data came without a codebook).`,
        description_zh: `标注为“${label}”的表述（自动生成：数据未附编码表）。`,
      };
    });
  }
  if (!isObject(details.value)) {
    problems.push(
      importProblem(
        { file, field: '' },
        { en: 'a JSON object { title, date, recipient, themes }', zh: '一个 JSON 对象 { title, date, recipient, themes }' },
        describeFound(details.value),
        {
          en: 'the companion file must hold one JSON object with title, date, recipient and themes',
          zh: '配套文件须是一个包含 title、date、recipient 和 themes 的 JSON 对象',
        },
      ),
    );
    return null;
  }
  const themes = details.value.themes;
  if (!Array.isArray(themes)) {
    problems.push(
      importProblem(
        { file, field: 'themes' },
        { en: 'a list of themes [{ "id", "label", "description" }]', zh: '合作领域列表 [{ "id", "label", "description" }]' },
        themes === undefined ? MISSING_FIELD : describeFound(themes),
        {
          en: 'the companion file needs "themes": the codebook, a list of { id, label, description }',
          zh: '配套文件须有“themes”：即编码表，由 { id, label, description } 组成的列表',
        },
      ),
    );
    return null;
  }
  return themes.filter((t): t is { id: string } => isObject(t) && typeof t.id === 'string');
}

/** The form's fields, as a problem names them. */
const RECIPIENT_COUNTRY: Bilingual = { en: 'recipient country', zh: '收信方所属国家' };
const RECIPIENT_NAME: Bilingual = { en: 'recipient name', zh: '收信方名称' };

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
      problems.push(
        importProblem(
          { file, field: 'recipient' },
          { en: 'an object { "name", "country" or "iso3", "location" }', zh: '一个对象 { "name", "country" 或 "iso3", "location" }' },
          details.value.recipient === undefined ? MISSING_FIELD : describeFound(details.value.recipient),
          {
            en: 'the companion file needs "recipient": who received the messages (name, country, location)',
            zh: '配套文件须有“recipient”：即收信方（名称、国家、位置）',
          },
        ),
      );
      return undefined;
    }
    raw = details.value.recipient;
  }
  const { country, ...rest } = raw;
  let iso3 = rest.iso3;
  if (iso3 === undefined || iso3 === null || iso3 === '') {
    const field = details.kind === 'form' ? RECIPIENT_COUNTRY : 'recipient.country';
    if (typeof country !== 'string' || country.trim() === '') {
      problems.push(
        importProblem(
          { file, field },
          { en: 'the recipient\'s country, e.g. "China" or "CHN"', zh: '收信方所属国家，如“China”或“CHN”' },
          describeFound(country),
          { en: 'give the recipient\'s country (a name or ISO code)', zh: '请填写收信方所属国家（名称或 ISO 代码）' },
        ),
      );
    } else {
      const match = resolveCountry(country);
      if (match.ok) iso3 = match.iso3;
      else {
        const candidates = describeCandidates(match.candidates);
        problems.push(
          importProblem(
            { file, field },
            match.reason === 'ambiguous'
              ? { en: `one of ${candidates.en}`, zh: `以下之一：${candidates.zh}` }
              : { en: 'a country name in English or an ISO 3166-1 code', zh: '英文国家名称或 ISO 3166-1 代码' },
            describeFound(country),
            {
              en: `unknown country "${clip(country, 60)}" for the recipient: write its English name or its three-letter ISO code`,
              zh: `收信方的国家“${clip(country, 60)}”无法识别：请写英文名称或三个字母的 ISO 代码`,
            },
          ),
        );
      }
    }
  }
  let location = rest.location;
  if (location === undefined && typeof iso3 === 'string' && locate) location = locate(iso3);
  if (location === undefined && typeof iso3 === 'string' && !locate) {
    problems.push(
      importProblem(
        { file, field: details.kind === 'form' ? RECIPIENT_COUNTRY : 'recipient.location' },
        { en: 'the recipient\'s position [longitude, latitude], e.g. [116.4, 39.9]', zh: '收信方的位置 [经度, 纬度]，如 [116.4, 39.9]' },
        describeFound(undefined),
        { en: 'the recipient needs a location [longitude, latitude]', zh: '收信方须有位置 [经度, 纬度]' },
      ),
    );
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

/** "expected string, found null" → "string", "null"; other messages are the expectation as a whole. */
function splitMessage(p: DatasetProblem): { expected: Bilingual; found?: Bilingual } {
  return p.expected && p.found ? { expected: p.expected, found: p.found } : { expected: { en: p.message, zh: p.zh.message } };
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
  const { expected, found } = splitMessage(p);
  if (s === null || !drafts[s]) {
    const value = valueAt(candidate, path);
    const field = detailsFile === FORM_FILE ? formFieldName(p.field) : both(p.field);
    return importProblem({ file: detailsFile, field }, expected, found ?? describeFound(value), {
      en: `${field.en || 'the file'}: ${p.message}`,
      zh: `${field.zh ? `${field.zh}：` : ''}${p.zh.message}`,
    });
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
  return importProblem({ file: csvFile, row, sender: draft.id, field: column }, expected, found ?? describeFound(senderValue), {
    en: p.message,
    zh: p.zh.message,
  });
}

function formFieldName(field: string): Bilingual {
  if (field.startsWith('recipient.name')) return RECIPIENT_NAME;
  if (field.startsWith('recipient')) return RECIPIENT_COUNTRY;
  // The form's other fields, by their labels in the Chinese form (English keeps the field's name).
  if (field === 'title') return { en: field, zh: '标题' };
  if (field === 'date') return { en: field, zh: '活动日期' };
  return both(field);
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
  sourceFile: string | null,
  looseSource: string,
): ImportProblem {
  const s = senderIndexOf(p.where) ?? -1;
  const k = Number(/statements\[(\d+)\]/.exec(p.field)?.[1] ?? -1);
  const draft = drafts[s];
  const text = dataset.senders[s]?.statements[k]?.text ?? '';
  const nearly = text !== '' && looseSource.includes(looseText(text));
  const source: Bilingual = sourceFile === null ? { en: 'the source text', zh: '来源文本' } : both(sourceFile);
  return importProblem(
    { file: csvFile, row: draft ? (draft.statements[k]?.line ?? draft.firstLine) : undefined, sender: draft?.id, field: 'text' },
    { en: `words copied exactly from ${source.en}`, zh: `从 ${source.zh} 中原样复制的词语` },
    describeFound(text),
    nearly
      ? {
          en: `the text differs from ${source.en} only in quotation marks, apostrophes, dashes or spaces: copy it exactly`,
          zh: `该文本与 ${source.zh} 只在引号、撇号、破折号或空格上有差别：请原样复制`,
        }
      : {
          en: `the text is not in ${source.en}: copy the words exactly as the source writes them`,
          zh: `该文本不在 ${source.zh} 中：请按原文原样复制`,
        },
  );
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
