/**
 * The benchmark's large dataset: every country that has a shape (less the
 * recipient), 5,000 sending bodies and 20,000 statements, with a source text
 * that contains every statement at its offset. It goes through the app's own
 * validation (`parseDataset`, and `checkAgainstSource` as the import dialog
 * would) before it is written, so a bench run never measures a dataset the
 * atlas would reject.
 *
 * Deterministic: the same files every run, so runs on different days compare.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkAgainstSource, formatProblem, parseDataset } from '../../src/domain/dataset-validation.ts';
import { unionThemes, type Dataset, type OfficialLevel, type Sender, type Statement } from '../../src/domain/dataset-schema.ts';
import { countryName, isKnownIso3 } from '../../src/domain/iso-codes.ts';

export const LARGE_BODIES = 5_000;
export const LARGE_STATEMENTS = 20_000;
export const LARGE_DATASET_FILE = 'atlas-large.json';
const SOURCE_FILE = 'large-source.txt';

/** Words that name each field of the shipped codebook, used as each statement's evidence. */
const EVIDENCE: Record<string, string> = {
  counter_terrorism: 'counter-terrorism',
  drug_control: 'drug control',
  human_trafficking: 'human trafficking',
  transnational_crime: 'transnational crime',
  joint_patrols: 'joint patrols',
  citizen_protection: 'protection of citizens abroad',
  border_security: 'border security',
  capacity_building: 'training courses',
  pandemic_response: 'pandemic response',
  multilateral: 'INTERPOL',
  public_security: 'public security',
};
const BODY_KINDS = ['Ministry of Interior', 'National Police', 'Border Guard Service', 'Customs Service', 'Embassy in Beijing', 'Anti-Drug Agency'];
const LEVELS: readonly OfficialLevel[] = ['minister', 'deputy_minister', 'police_chief', 'senior_officer', 'ambassador'];

/** A small deterministic generator (mulberry32), so the dataset is the same every run (and a test's alterations too). */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface LargeDatasetInfo {
  file: string;
  countries: number;
  bodies: number;
  statements: number;
  datasetBytes: number;
  sourceBytes: number;
}

/** Writes the dataset and its source text into `dir`; returns what was written. */
export function writeLargeDataset(projectRoot: string, dir: string): LargeDatasetInfo {
  const shipped = JSON.parse(readFileSync(join(projectRoot, 'public/data/atlas.json'), 'utf8')) as Dataset;
  const geo = JSON.parse(readFileSync(join(projectRoot, 'public/geo/countries.geojson'), 'utf8')) as {
    features: { properties: { iso3: string | null } }[];
  };
  const recipientIso3 = shipped.recipient.iso3;
  const iso3s = [...new Set(geo.features.map((f) => f.properties.iso3))]
    .filter((c): c is string => c !== null && isKnownIso3(c) && c !== recipientIso3)
    .sort();
  const themeIds = shipped.themes.map((t) => t.id);
  for (const id of themeIds) if (!EVIDENCE[id]) throw new Error(`large dataset: no evidence words for theme "${id}"`);

  const next = seededRandom(20210110);
  const pick = <T,>(items: readonly T[]) => items[Math.floor(next() * items.length)]!;
  const statementsPerBody = LARGE_STATEMENTS / LARGE_BODIES;

  let source = 'Messages of congratulation (generated for the benchmark; not a real event).\n\n';
  const senders: Sender[] = [];
  for (let b = 0; b < LARGE_BODIES; b++) {
    // Round-robin over the countries: each gets about the same number of bodies.
    const iso3 = iso3s[b % iso3s.length]!;
    const unit = Math.floor(b / iso3s.length) + 1;
    const name = countryName(iso3, 'en');
    const body = `${BODY_KINDS[b % BODY_KINDS.length]} (unit ${unit})`;
    const officials = [0, 1].map((k) => ({
      name: `Official ${b}-${k}`,
      rank: k === 0 ? null : 'Colonel',
      title: `${k === 0 ? 'Head' : 'Deputy Head'} of the ${body}`,
      level: LEVELS[(b + k) % LEVELS.length]!,
    }));
    source += `${name}, ${body}: `;
    const statements: Statement[] = [];
    for (let k = 0; k < statementsPerBody; k++) {
      // 0 to 3 fields per statement; about one in eight names none (goodwill only).
      const count = next() < 0.125 ? 0 : 1 + Math.floor(next() * 3);
      const themes = [...new Set(Array.from({ length: count }, () => pick(themeIds)))];
      const fields = themes.map((id) => EVIDENCE[id]!);
      const text =
        fields.length > 0
          ? `statement ${b}.${k}: the ${body} of ${name} looked forward to closer cooperation in ${fields.join(', ')} in the coming year`
          : `statement ${b}.${k}: the ${body} of ${name} sent warm congratulations on the first Police Day`;
      const quote = k % 2 === 0;
      // A quote sits inside quotation marks in the source; its text is what is between them.
      source += quote ? '“' : '';
      const offset = source.length;
      source += text;
      source += quote ? '.” ' : '. ';
      statements.push({
        kind: quote ? 'quote' : 'paraphrase',
        text,
        offset,
        official: k === 3 ? null : k % 2,
        themes: themes.map((id) => ({ id, evidence: EVIDENCE[id]! })),
      });
    }
    source += '\n\n';
    const senderThemes = unionThemes(statements, themeIds);
    senders.push({
      id: `${iso3.toLowerCase()}-body-${unit}`,
      kind: 'country',
      iso3,
      name,
      body,
      officials,
      statements,
      themes: senderThemes,
      primaryTheme: senderThemes[0] ?? null,
    });
  }

  const dataset: Dataset = {
    schemaVersion: 1,
    title: `Benchmark dataset: ${LARGE_BODIES.toLocaleString('en')} bodies in ${iso3s.length} countries (generated)`,
    date: shipped.date,
    source: { title: 'Generated source text for the benchmark', file: SOURCE_FILE },
    recipient: shipped.recipient,
    themes: shipped.themes,
    senders,
  };

  const parsed = parseDataset(dataset);
  if (!parsed.ok) {
    throw new Error(`large dataset fails validation:\n${parsed.problems.slice(0, 10).map(formatProblem).join('\n')}`);
  }
  const sourceProblems = checkAgainstSource(parsed.dataset, source);
  if (sourceProblems.length > 0) {
    throw new Error(`large dataset does not match its source:\n${sourceProblems.slice(0, 10).map(formatProblem).join('\n')}`);
  }

  mkdirSync(dir, { recursive: true });
  const json = JSON.stringify(dataset);
  writeFileSync(join(dir, LARGE_DATASET_FILE), json);
  writeFileSync(join(dir, SOURCE_FILE), source);
  return {
    file: LARGE_DATASET_FILE,
    countries: iso3s.length,
    bodies: LARGE_BODIES,
    statements: senders.reduce((n, s) => n + s.statements.length, 0),
    datasetBytes: Buffer.byteLength(json),
    sourceBytes: Buffer.byteLength(source),
  };
}
