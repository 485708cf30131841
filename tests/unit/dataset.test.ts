/**
 * The shipped dataset against its contract and its source: every sender,
 * official and statement of the article, nothing invented, misquoted or missing.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { parseDataset, checkAgainstSource, formatProblem } from '../../src/domain/dataset-validation';
import { unionThemes, type Dataset } from '../../src/domain/dataset-schema';
import { isKnownIso3 } from '../../src/domain/iso-codes';
import { renderJsonSchema } from '../../scripts/generate-schema';

const DATASET_PATH = resolve(process.cwd(), 'public/data/atlas.json');
const SCHEMA_PATH = resolve(process.cwd(), 'public/data/atlas.schema.json');
const SHIPPED_ARTICLE_PATH = resolve(process.cwd(), 'public/data/source/article.txt');
const SHARED_ARTICLE_PATH = resolve(process.cwd(), '../shared/source/article.txt');

const raw: unknown = JSON.parse(readFileSync(DATASET_PATH, 'utf8'));
const article = readFileSync(SHIPPED_ARTICLE_PATH, 'utf8');

function loadDataset(): Dataset {
  const result = parseDataset(raw);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}
const dataset = loadDataset();
const statements = dataset.senders.flatMap((sender) => sender.statements.map((statement) => ({ sender, statement })));

const CODEBOOK = [
  'counter_terrorism',
  'drug_control',
  'human_trafficking',
  'transnational_crime',
  'joint_patrols',
  'citizen_protection',
  'border_security',
  'capacity_building',
  'pandemic_response',
  'multilateral',
  'public_security',
];

/** Every sending body the article names, in article order: [id, iso3 or null, body]. */
const EXPECTED_BODIES: [string, string | null, string][] = [
  ['vnm-ministry-of-public-security', 'VNM', 'Ministry of Public Security'],
  ['srb-ministry-of-interior', 'SRB', 'Ministry of Interior'],
  ['interpol-general-secretariat', null, 'General Secretariat'],
  ['khm-ministry-of-interior-affairs', 'KHM', 'Ministry of Interior Affairs'],
  ['lao-ministry-of-national-defense', 'LAO', 'Ministry of National Defense'],
  ['lao-ministry-of-public-security', 'LAO', 'Ministry of Public Security'],
  ['arg-ministry-of-security', 'ARG', 'Ministry of Security'],
  ['blr-ministry-of-internal-affairs', 'BLR', 'Ministry of Internal Affairs'],
  ['pak-ministry-of-interior', 'PAK', 'Ministry of Interior'],
  ['tjk-ministry-of-internal-affairs', 'TJK', 'Ministry of Internal Affairs'],
  ['are-dubai-police', 'ARE', 'Dubai Police'],
  ['dji-national-police', 'DJI', 'National Police'],
  ['irn-ministry-of-interior', 'IRN', 'Ministry of Interior'],
  ['kor-korean-national-police-agency', 'KOR', 'Korean National Police Agency'],
  ['mng-national-police-agency', 'MNG', 'National Police Agency'],
  ['nzl-new-zealand-police', 'NZL', 'New Zealand Police'],
  ['nga-nigerian-police-force', 'NGA', 'Nigerian Police Force'],
  ['phl-national-police', 'PHL', 'National Police'],
  ['pan-national-police', 'PAN', 'National Police'],
  ['tur-turkish-national-police', 'TUR', 'Turkish National Police'],
  ['gbr-national-crime-agency', 'GBR', 'National Crime Agency'],
  ['gbr-national-police-chiefs-council', 'GBR', 'National Police Chiefs Council'],
  ['aus-australian-federal-police', 'AUS', 'Australian Federal Police'],
  ['ita-italian-police-of-state', 'ITA', 'Italian Police of State'],
  ['are-ministry-of-interior', 'ARE', 'Ministry of Interior'],
  ['un-police-division', null, 'Police Division'],
  ['hrv-embassy-in-china', 'HRV', 'Embassy of Croatia in China'],
  ['mmr-embassy-in-china', 'MMR', 'Embassy of Myanmar in China'],
  ['tha-embassy-in-china', 'THA', 'Embassy of Thailand in China'],
  ['rus-international-cooperation-department', 'RUS', 'International Cooperation Department of Ministry of Internal Affairs'],
  ['usa-drug-enforcement-administration', 'USA', 'Drug Enforcement Administration'],
];

/** "Congratulatory letters were also received from … including …", in the article's order. */
const LISTED: [string, string][] = [
  ['Afghanistan', 'AFG'],
  ['Andorra', 'AND'],
  ['Denmark', 'DNK'],
  ['Brazil', 'BRA'],
  ['Canada', 'CAN'],
  ['Central African Republic', 'CAF'],
  ['Ethiopia', 'ETH'],
  ['Finland', 'FIN'],
  ['Germany', 'DEU'],
  ['Jordan', 'JOR'],
  ['Kazakhstan', 'KAZ'],
  ['Lesotho', 'LSO'],
  ['Kyrgyzstan', 'KGZ'],
  ['Malaysia', 'MYS'],
  ['Netherlands', 'NLD'],
  ['Singapore', 'SGP'],
  ['Spain', 'ESP'],
  ['South Africa', 'ZAF'],
  ['Trinidad and Tobago', 'TTO'],
  ['Uzbekistan', 'UZB'],
];

/** Every official the article names (name as written, without rank). */
const EXPECTED_OFFICIALS = [
  'To Lam',
  'Aleksandar Vulin',
  'Jürgen Stock',
  'Sar Kheng',
  'Chansamone Chanyalath',
  'Vilay Lakhamphong',
  'Sabina Frederic',
  'Kubrakov',
  'Sheikh Rashid Ahmed',
  'Rahimzoda',
  'Abdullah Khalifa Al Marri',
  'Abdillahi Abdi Farah',
  'Hussein Zolfaghari',
  'Kim Chang-yong',
  'J.Bold',
  'Glenn Dunbier',
  'Muhammed Adamu',
  'Debold Sinas',
  'Jorge Miranda Molina',
  'Mehmet Aktas',
  'Lynne Owens',
  'Richard Martin',
  'Michael Pennett',
  'Vittorio Rizzi',
  'Dana Humaid',
  'Luis Carrilho',
  'Dario Mihailin',
  'U Myo Thant Pe',
  'Arthayudh Srisamoot',
  'Popov',
  'Matthew G. Donahue',
];

function senderById(id: string) {
  const sender = dataset.senders.find((s) => s.id === id);
  if (!sender) throw new Error(`no sender "${id}"`);
  return sender;
}

/** Double-quoted passages of the article: curly “…” pairs and straight "…" pairs (inner text and its start). */
function quotedPassages(text: string): { text: string; offset: number }[] {
  const found: { text: string; offset: number }[] = [];
  // An opening “ up to the next ”: the stray ” of the Panama paragraph has no opening mark and is skipped.
  for (const m of text.matchAll(/“([^“”]*)”/g)) found.push({ text: m[1] ?? '', offset: (m.index ?? 0) + 1 });
  // Straight double quotes pair up in order; single quotes (nested, or apostrophes) are not double quotes.
  for (const m of text.matchAll(/"([^"]*)"/g)) found.push({ text: m[1] ?? '', offset: (m.index ?? 0) + 1 });
  return found.sort((a, b) => a.offset - b.offset);
}

describe('the shipped dataset', () => {
  it('parses with the zod schema', () => {
    const result = parseDataset(raw);
    expect(result.ok ? [] : result.problems.map(formatProblem)).toEqual([]);
  });

  it('validates against atlas.schema.json', () => {
    const schema = JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as Record<string, unknown>;
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    const valid = validate(raw);
    expect(valid ? [] : validate.errors).toEqual([]);
  });

  it('atlas.schema.json is up to date with the zod schema (npm run schema)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(renderJsonSchema());
  });

  it('describes the event honestly: date, recipient, a source without invented publisher or url', () => {
    expect(dataset.schemaVersion).toBe(1);
    expect(dataset.date).toBe('2021-01-10');
    expect(dataset.recipient.iso3).toBe('CHN');
    expect(dataset.source.file).toBe('source/article.txt');
    expect(dataset.source.publisher ?? null).toBeNull();
    expect(dataset.source.url ?? null).toBeNull();
    expect(dataset.source.published ?? null).toBeNull();
  });

  it('has exactly the codebook themes, in its order, with labels and descriptions in both languages', () => {
    expect(dataset.themes.map((t) => t.id)).toEqual(CODEBOOK);
    for (const theme of dataset.themes) {
      expect(theme.label.length, theme.id).toBeGreaterThan(0);
      expect(theme.description.length, theme.id).toBeGreaterThan(0);
      expect(theme.label_zh ?? '', theme.id).not.toBe('');
      expect(theme.description_zh ?? '', theme.id).not.toBe('');
    }
  });

  it('every statement text equals the article at its offset', () => {
    expect(checkAgainstSource(dataset, article).map(formatProblem)).toEqual([]);
    for (const { sender, statement } of statements) {
      expect(statement.offset, `${sender.id}: offset`).toEqual(expect.any(Number));
      const at = article.slice(statement.offset ?? -1, (statement.offset ?? -1) + statement.text.length);
      expect(at, `${sender.id}: text at offset`).toBe(statement.text);
    }
  });

  it('every evidence is inside its own statement text', () => {
    for (const { sender, statement } of statements) {
      for (const theme of statement.themes) {
        expect(statement.text.includes(theme.evidence), `${sender.id} ${theme.id}: "${theme.evidence}"`).toBe(true);
      }
    }
  });

  it('no statement text appears under two senders, and no two statements overlap in the article', () => {
    const owner = new Map<string, string>();
    for (const { sender, statement } of statements) {
      const first = owner.get(statement.text);
      expect(first === undefined || first === sender.id, `"${statement.text.slice(0, 50)}…" under ${first} and ${sender.id}`).toBe(true);
      owner.set(statement.text, sender.id);
    }
    const spans = statements
      .map(({ sender, statement }) => ({ id: sender.id, start: statement.offset ?? 0, end: (statement.offset ?? 0) + statement.text.length }))
      .sort((a, b) => a.start - b.start);
    spans.slice(1).forEach((span, i) => {
      const before = spans[i];
      expect(before && before.end <= span.start, `${before?.id} overlaps ${span.id}`).toBe(true);
    });
  });

  it('every official name and title occurs in the article, and every official speaks', () => {
    for (const sender of dataset.senders) {
      sender.officials.forEach((official, i) => {
        expect(article.includes(official.name), `${sender.id}: name "${official.name}"`).toBe(true);
        expect(article.includes(official.title), `${sender.id}: title "${official.title}"`).toBe(true);
        if (official.rank) expect(article.includes(`${official.rank} ${official.name}`), official.name).toBe(true);
        expect(sender.statements.some((s) => s.official === i), `${official.name} has a statement`).toBe(true);
      });
    }
  });

  it('every official the article names is present, once', () => {
    const names = dataset.senders.flatMap((s) => s.officials.map((o) => o.name));
    expect(names).toEqual(EXPECTED_OFFICIALS);
  });

  it('every sending body the article names is present, once, in article order', () => {
    const bodies = dataset.senders.filter((s) => s.body !== null).map((s) => [s.id, s.iso3, s.body]);
    expect(bodies).toEqual(EXPECTED_BODIES);
    for (const [id] of EXPECTED_BODIES) expect(senderById(id).statements.length, id).toBeGreaterThan(0);
  });

  it('all list-only countries are present, without body, officials, statements or themes', () => {
    for (const [name, iso3] of LISTED) {
      const matches = dataset.senders.filter((s) => s.iso3 === iso3);
      expect(matches.map((s) => s.id), name).toEqual([`${iso3.toLowerCase()}-listed`]);
      const [sender] = matches;
      expect(sender?.name).toBe(name);
      expect(article.includes(name), name).toBe(true);
      expect(sender).toMatchObject({ kind: 'country', body: null, officials: [], statements: [], themes: [], primaryTheme: null });
    }
    expect(dataset.senders.filter((s) => s.body === null)).toHaveLength(LISTED.length);
  });

  it('senders are in article order', () => {
    const listStart = article.indexOf('Congratulatory letters were also received from');
    const anchor = (sender: Dataset['senders'][number]): number =>
      sender.statements.length > 0
        ? Math.min(...sender.statements.map((s) => s.offset ?? Infinity))
        : article.indexOf(sender.name, listStart);
    const anchors = dataset.senders.map(anchor);
    expect(anchors.every((a) => a >= 0)).toBe(true);
    expect([...anchors].sort((a, b) => a - b)).toEqual(anchors);
  });

  it('country codes are real ISO 3166-1 alpha-3; organisations have none and a headquarters location', () => {
    for (const sender of dataset.senders) {
      if (sender.kind === 'country') {
        expect(sender.iso3 !== null && isKnownIso3(sender.iso3), `${sender.id}: ${sender.iso3}`).toBe(true);
        expect(sender.id.startsWith(`${sender.iso3?.toLowerCase()}-`), sender.id).toBe(true);
      } else {
        expect(sender.iso3, sender.id).toBeNull();
        expect(sender.location, sender.id).toHaveLength(2);
      }
    }
    expect(isKnownIso3(dataset.recipient.iso3)).toBe(true);
  });

  it('sender ids are unique and lower-kebab-case', () => {
    const ids = dataset.senders.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
  });

  it("themes are the codebook's, a sender's themes are the union of its statements', and primaryTheme follows the rule", () => {
    const order = dataset.themes.map((t) => t.id);
    for (const sender of dataset.senders) {
      for (const statement of sender.statements) {
        for (const theme of statement.themes) expect(order, `${sender.id}`).toContain(theme.id);
        const ids = statement.themes.map((t) => t.id);
        expect(new Set(ids).size, `${sender.id}: a theme coded twice on one statement`).toBe(ids.length);
      }
      const union = unionThemes(sender.statements, order);
      expect(sender.themes, sender.id).toEqual(union);
      expect(sender.primaryTheme, sender.id).toBe(order.find((id) => union.includes(id)) ?? null);
    }
  });

  it('codes the fields the article names for the e2e facts (drugs, Vietnam, Mongolia)', () => {
    const withDrugs = dataset.senders.filter((s) => s.themes.includes('drug_control')).map((s) => s.iso3);
    expect(withDrugs).toEqual(['VNM', 'AUS', 'MMR', 'USA']);
    expect(senderById('vnm-ministry-of-public-security').themes).toEqual([
      'counter_terrorism',
      'drug_control',
      'human_trafficking',
      'transnational_crime',
      'border_security',
      'public_security',
    ]);
    expect(senderById('mng-national-police-agency').themes).toEqual(['pandemic_response']);
  });

  it('every double-quoted passage of the article is a quote statement, and every quote statement is one', () => {
    const passages = quotedPassages(article);
    expect(passages).toHaveLength(10);
    const quotes = statements
      .filter(({ statement }) => statement.kind === 'quote')
      .map(({ statement }) => ({ text: statement.text, offset: statement.offset }))
      .sort((a, b) => (a.offset ?? 0) - (b.offset ?? 0));
    expect(quotes).toEqual(passages);
  });

  it('the shipped article equals ../shared/source/article.txt byte for byte', () => {
    if (!existsSync(SHARED_ARTICLE_PATH)) {
      throw new Error(
        `The reference article ${SHARED_ARTICLE_PATH} is missing: run the tests from the repository root with ../shared/source/article.txt beside it.`,
      );
    }
    const shipped = readFileSync(SHIPPED_ARTICLE_PATH);
    const reference = readFileSync(SHARED_ARTICLE_PATH);
    expect(shipped.equals(reference), 'public/data/source/article.txt differs from ../shared/source/article.txt').toBe(true);
    expect(article.length).toBe(16035);
  });
});
