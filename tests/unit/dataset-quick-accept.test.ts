// @vitest-environment node
/**
 * The quick yes (src/domain/dataset-quick-accept.ts) says yes only where zod
 * accepts the dataset and returns an equal copy of it. It repeats the
 * schema's rules by hand, so each rule is checked here against zod's own
 * answer, on targeted changes to the shipped dataset and on hundreds of
 * random ones, and a change to the schema's file fails a test until the quick
 * yes has been checked against it.
 */
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { describe, expect, it } from 'vitest';
import '../../src/domain/zod-jitless';
import { z } from 'zod';
import { acceptsDatasetAsItIs } from '../../src/domain/dataset-quick-accept';
import { datasetSchema } from '../../src/domain/dataset-schema';
import { parseDataset } from '../../src/domain/dataset-validation';
import { seededRandom } from '../../scripts/bench/large-dataset';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Fields = Record<string, Json>;
type Dataset = Fields & {
  title: string;
  source: Fields;
  recipient: Fields;
  themes: Fields[];
  senders: (Fields & { id: string; officials: Fields[]; statements: (Fields & { text: string; themes: (Fields & { evidence: string })[] })[]; themes: string[] })[];
};

const shipped = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as Dataset;

/** What the quick yes may say: yes only when zod accepts and its copy equals the input. */
function zodKeepsAsItIs(input: unknown): boolean {
  const result = datasetSchema.safeParse(input);
  return result.success && isDeepStrictEqual(result.data, input);
}

/** The quick yes on the value as given and, when JSON can hold it, as JSON.parse makes it. */
function quickYes(input: unknown): boolean {
  const asGiven = acceptsDatasetAsItIs(input);
  const text = JSON.stringify(input);
  if (text !== undefined && isDeepStrictEqual(JSON.parse(text), input)) {
    expect(acceptsDatasetAsItIs(JSON.parse(text), { madeByJsonParse: true }), 'the same answer for the JSON.parse copy').toBe(asGiven);
  }
  return asGiven;
}

function changed(change: (d: Dataset) => void): Dataset {
  const copy = structuredClone(shipped);
  change(copy);
  return copy;
}

const country = (d: Dataset) => d.senders.find((s) => s.kind === 'country' && s.statements.length > 0 && s.officials.length > 0)!;
const organization = (d: Dataset) => d.senders.find((s) => s.kind === 'organization')!;
const themed = (d: Dataset) => d.senders.find((s) => s.themes.length >= 2)!;

describe('the quick yes on each rule of the dataset format, against zod', () => {
  it('says yes to the shipped dataset, which zod keeps as it is', () => {
    expect(quickYes(shipped)).toBe(true);
    expect(zodKeepsAsItIs(shipped)).toBe(true);
  });

  const cases: [string, (d: Dataset) => void][] = [
    // The dataset's own fields.
    ['schemaVersion 2', (d) => (d.schemaVersion = 2)],
    ['a title with a space at its end', (d) => (d.title = `${d.title} `)],
    ['an empty title', (d) => (d.title = '')],
    ['no title_zh', (d) => delete d.title_zh],
    ['title_zh null', (d) => (d.title_zh = null)],
    ['title_zh a number', (d) => (d.title_zh = 1)],
    ['a leap day', (d) => (d.date = '2024-02-29')],
    ['29 February of a year that is not a leap year', (d) => (d.date = '2021-02-29')],
    ['29 February 1900 (not a leap year)', (d) => (d.date = '1900-02-29')],
    ['29 February 2000 (a leap year)', (d) => (d.date = '2000-02-29')],
    ['day 31 of a 30-day month', (d) => (d.date = '2021-04-31')],
    ['a date with a time', (d) => (d.date = '2021-01-10T00:00:00Z')],
    ['a date in another form', (d) => (d.date = '10/01/2021')],
    ['the source with a URL', (d) => (d.source.url = 'https://example.org/news/1')],
    ['the source with a URL and spaces', (d) => (d.source.url = ' https://example.org/news/1')],
    ['the source with a URL holding a line break', (d) => (d.source.url = 'https://example.org/ne\nws')],
    ['the source with a URL without a scheme', (d) => (d.source.url = 'example.org/news')],
    ['the source with a mailto: URL', (d) => (d.source.url = 'mailto:press@example.org')],
    ['the source with a URL null', (d) => (d.source.url = null)],
    ['the source published on a day', (d) => (d.source.published = '2021-01-11')],
    ['the source published on no day', (d) => (d.source.published = '2021-01-32')],
    ['the source with a publisher', (d) => (d.source.publisher = 'A publisher')],
    ['the source with a key it does not know', (d) => (d.source.author = 'x')],
    ['the source without a title', (d) => delete d.source.title],
    ['the recipient with an unknown country code', (d) => (d.recipient.iso3 = 'ZZZ')],
    ['the recipient with a lowercase code', (d) => (d.recipient.iso3 = 'chn')],
    ['the recipient at a longitude out of range', (d) => (d.recipient.location = [181, 30])],
    ['the recipient at a latitude out of range', (d) => (d.recipient.location = [116, -91])],
    ['the recipient at three coordinates', (d) => (d.recipient.location = [116, 39, 0])],
    ['the recipient at a place given as text', (d) => (d.recipient.location = ['116', 39])],
    ['no themes', (d) => (d.themes = [])],
    ["a key beside the dataset's fields", (d) => (d.extra = 1)],
    // The codebook.
    ['a theme with a colour', (d) => (d.themes[0]!.color = '#a1B2c3')],
    ['a theme with a short colour', (d) => (d.themes[0]!.color = '#abc')],
    ['a theme with colour null', (d) => (d.themes[0]!.color = null)],
    ['a theme id in capitals', (d) => (d.themes[0]!.id = 'Drugs')],
    ['a theme with a reserved id', (d) => (d.themes[0]!.id = 'goodwill')],
    ['a theme with the other reserved id', (d) => (d.themes[0]!.id = 'listed')],
    ['a theme without a description', (d) => delete d.themes[0]!.description],
    ['a theme with label_zh null', (d) => (d.themes[0]!.label_zh = null)],
    ['a duplicate theme id', (d) => d.themes.push(structuredClone(d.themes[0]!))],
    ['a theme no statement names', (d) => d.themes.push({ id: 'unused_theme', label: 'Unused', description: 'Named by no one.' })],
    // A sender.
    ['a sender id in capitals', (d) => (country(d).id = 'Aus-Police')],
    ['a duplicate sender id', (d) => (d.senders[1]!.id = d.senders[0]!.id)],
    ['a sender of another kind', (d) => (country(d).kind = 'city')],
    ['a country without a code', (d) => (country(d).iso3 = null)],
    ['a country with an unknown code', (d) => (country(d).iso3 = 'XKX')],
    ['an organization with a country code', (d) => (organization(d).iso3 = 'FRA')],
    ['an organization without a location', (d) => delete organization(d).location],
    ['an organization with location null', (d) => (organization(d).location = null)],
    ['a country with a location', (d) => (country(d).location = [10, 10])],
    ['a sender without body', (d) => delete country(d).body],
    ['a sender with body null', (d) => (country(d).body = null)],
    ['a sender with name_zh null', (d) => (country(d).name_zh = null)],
    ['a sender with an empty name', (d) => (country(d).name = '')],
    ['a sender with a key it does not know', (d) => (country(d).notes = 'x')],
    ['a sender whose themes miss one', (d) => themed(d).themes.pop()],
    ['a sender whose themes are out of codebook order', (d) => themed(d).themes.reverse()],
    ['a sender whose themes hold one twice', (d) => themed(d).themes.push(themed(d).themes[0]!)],
    ['a sender whose primary theme is its second', (d) => (themed(d).primaryTheme = themed(d).themes[1]!)],
    ['a sender whose primary theme is null', (d) => (themed(d).primaryTheme = null)],
    ['a sender without primaryTheme', (d) => delete themed(d).primaryTheme],
    // Officials.
    ['an official of an unknown level', (d) => (country(d).officials[0]!.level = 'mayor')],
    ['an official with a rank', (d) => (country(d).officials[0]!.rank = 'General')],
    ['an official with a rank of spaces only', (d) => (country(d).officials[0]!.rank = '  ')],
    ['an official without a title', (d) => delete country(d).officials[0]!.title],
    ['an official with a padded name', (d) => (country(d).officials[0]!.name = ' A Name')],
    // Statements.
    ['a statement of another kind', (d) => (country(d).statements[0]!.kind = 'summary')],
    ['a statement with an offset', (d) => (country(d).statements[0]!.offset = 12)],
    ['a statement with offset null', (d) => (country(d).statements[0]!.offset = null)],
    ['a statement with a negative offset', (d) => (country(d).statements[0]!.offset = -1)],
    ['a statement with a fractional offset', (d) => (country(d).statements[0]!.offset = 1.5)],
    ['a statement with an offset beyond safe integers', (d) => (country(d).statements[0]!.offset = 2 ** 53)],
    ['a statement by an official who does not exist', (d) => (country(d).statements[0]!.official = country(d).officials.length)],
    ['a statement by the body itself', (d) => (country(d).statements[0]!.official = null)],
    ['a statement without official', (d) => delete country(d).statements[0]!.official],
    ['a statement with an empty text', (d) => (country(d).statements[0]!.text = '')],
    ['a statement made twice by one sender', (d) => country(d).statements.push(structuredClone(country(d).statements[0]!))],
    [
      'a statement made by two senders',
      (d) => {
        d.senders.find((s) => s !== country(d) && s.statements.length > 0)!.statements[0]!.text = country(d).statements[0]!.text;
      },
    ],
    ['a statement naming an unknown theme', (d) => (themed(d).statements[0]!.themes[0]!.id = 'piracy')],
    ['a statement whose evidence is not in its text', (d) => (themed(d).statements[0]!.themes[0]!.evidence = 'not in the text')],
    ['a statement whose evidence has a space at its end', (d) => (themed(d).statements[0]!.themes[0]!.evidence = `${themed(d).statements[0]!.themes[0]!.evidence} `)],
    ['a statement theme with a key it does not know', (d) => (themed(d).statements[0]!.themes[0]!.note = 'x')],
    ['a statement with a key it does not know', (d) => (country(d).statements[0]!.page = 1)],
  ];

  it.each(cases)('%s', (_, change) => {
    const input = changed(change);
    expect(quickYes(input)).toBe(zodKeepsAsItIs(input));
  });

  it('both accept some of these changes and refuse others (the cases test both answers)', () => {
    const answers = cases.map(([, change]) => zodKeepsAsItIs(changed(change)));
    expect(answers.filter(Boolean).length).toBeGreaterThan(10);
    expect(answers.filter((yes) => !yes).length).toBeGreaterThan(40);
  });

  it('agrees with zod on every date of leap and common years, and on malformed ones', () => {
    const dateSchema = z.iso.date();
    const dates: string[] = [];
    for (const year of ['0000', '0004', '0100', '1600', '1900', '2000', '2021', '2024', '2100', '9999']) {
      for (let month = 0; month <= 13; month++) for (let day = 0; day <= 32; day++) dates.push(`${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
    }
    dates.push('2021-1-10', '21-01-10', '2021-01-10 ', '２０２１-01-10', '2021-01-1٠', '+02021-01-10');
    const input = structuredClone(shipped);
    let accepted = 0;
    for (const date of dates) {
      input.date = date;
      const yes = dateSchema.safeParse(date).success;
      expect(acceptsDatasetAsItIs(input), date).toBe(yes);
      if (yes) accepted++;
    }
    // Ten years of 365 or 366 days: 0000, 0004, 1600, 2000 and 2024 are leap years.
    expect(accepted).toBe(10 * 365 + 5);
  });

  it('agrees with zod on URLs', () => {
    const urls = ['https://example.org', 'http://x', 'https://例子.测试/路径', 'ftp://host/file', 'https://exa mple.org', 'https://example.org/\t', '//example.org', 'https://', 'javascript:alert(1)', 'urn:isbn:0451450523', 'https://[::1]/', 'not a url', '', ' ', 'https://example.org/a b'];
    for (const url of urls) {
      const input = changed((d) => (d.source.url = url));
      expect(quickYes(input), JSON.stringify(url)).toBe(zodKeepsAsItIs(input));
    }
  });

  it('says no to values JSON cannot hold, as zod copies them into other ones', () => {
    const inputs: [string, unknown][] = [
      ['the dataset without a prototype', Object.assign(Object.create(null) as object, structuredClone(shipped))],
      ['a sender with a symbol key', changed((d) => Object.assign(d.senders[0]!, { [Symbol('s')]: 1 }))],
      ['a title that is not enumerable', changed((d) => Object.defineProperty(d, 'title', { value: d.title, enumerable: false }))],
      ['a list of officials with a hole', changed((d) => (country(d).officials.length += 1))],
      ['a list of senders with a property of its own', changed((d) => Object.assign(d.senders, { extra: 1 }))],
      ['a location not a number', changed((d) => (d.recipient.location = [Number.NaN, 0] as unknown as Json))],
      ['a location at infinity', changed((d) => (d.recipient.location = [Number.POSITIVE_INFINITY, 0] as unknown as Json))],
      ['a date object for a date', changed((d) => Object.assign(d, { date: new Date(0) }))],
    ];
    for (const [what, input] of inputs) {
      expect(acceptsDatasetAsItIs(input), what).toBe(false);
      expect(zodKeepsAsItIs(input), what).toBe(false);
    }
  });

  it('leaves an optional key present as undefined to zod (which keeps it: a no that is only "don\'t know")', () => {
    const input = changed((d) => Object.assign(d, { title_zh: undefined }));
    expect(acceptsDatasetAsItIs(input)).toBe(false);
    expect(parseDataset(input).ok).toBe(true);
  });

  it('says no to what is not a dataset at all', () => {
    for (const input of [null, undefined, 1, 'text', [], [shipped], {}]) expect(acceptsDatasetAsItIs(input), JSON.stringify(input)).toBe(false);
  });
});

/** Every place in a JSON value: the container and the key or index of a value inside it. */
function placesIn(value: Json, into: [Json[] | Record<string, Json>, string | number][] = []) {
  if (Array.isArray(value)) {
    value.forEach((item, i) => {
      into.push([value, i]);
      placesIn(item, into);
    });
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      into.push([value, key]);
      placesIn(item, into);
    }
  }
  return into;
}

/** Replacements a dataset file could hold: wrong types, blanks, padding, out-of-range numbers, unknown codes, valid values. */
const REPLACEMENTS: readonly Json[] = [
  null, '', '   ', ' padded ', 'x', 'Not-Kebab', 'ZZZ', 'AUS', 'goodwill', 'drugs', 'quote', 'minister', '2021-13-01', '2020-02-29',
  'https://example.org/a', '#a1b2c3', -1, 0, 1.5, 999, 200, 2 ** 53, true, [], {}, [10, 20],
];

/** Keys the format allows to be absent, to be added where they may or may not belong. */
const OPTIONAL_KEYS = ['url', 'published', 'publisher', 'file', 'color', 'offset', 'location', 'rank', 'name_zh', 'body_zh', 'title_zh', 'label_zh', 'description_zh'];

/** One alteration of a copy of `dataset`, described for the failure message. */
function alter(dataset: Json, random: () => number): { altered: Json; what: string } {
  const altered = structuredClone(dataset);
  const places = placesIn(altered);
  const [container, key] = places[Math.floor(random() * places.length)]!;
  const pick = random();
  const near = JSON.stringify(Array.isArray(container) ? container[key as number] : container[key as string]).slice(0, 60);
  const replacement = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)]!;
  if (pick < 0.1 && !Array.isArray(container)) {
    delete container[key as string];
    return { altered, what: `deleted key ${key} (was ${near})` };
  }
  if (pick < 0.17 && !Array.isArray(container)) {
    container[`${String(key)}_extra`] = 'x';
    return { altered, what: `added key ${key}_extra beside ${key}` };
  }
  if (pick < 0.3 && !Array.isArray(container)) {
    const optional = OPTIONAL_KEYS[Math.floor(random() * OPTIONAL_KEYS.length)]!;
    container[optional] = replacement;
    return { altered, what: `set ${optional} beside ${key} to ${JSON.stringify(replacement)}` };
  }
  if (pick < 0.37 && Array.isArray(container)) {
    container.splice(key as number, 1);
    return { altered, what: `removed item ${key} (was ${near})` };
  }
  if (pick < 0.44 && Array.isArray(container)) {
    container.push(structuredClone(container[key as number]!));
    return { altered, what: `repeated item ${key} (${near}) at the end` };
  }
  if (Array.isArray(container)) container[key as number] = replacement;
  else container[key as string] = replacement;
  return { altered, what: `set ${key} (was ${near}) to ${JSON.stringify(replacement)}` };
}

describe('the quick yes on altered datasets, against zod', () => {
  it('agrees with zod on 800 alterations of the shipped dataset', () => {
    // Seeded, so a failure names an alteration that can be replayed.
    const random = seededRandom(20210110);
    let yes = 0;
    for (let n = 0; n < 800; n++) {
      const { altered, what } = alter(shipped, random);
      const expected = zodKeepsAsItIs(altered);
      expect(acceptsDatasetAsItIs(altered), `alteration #${n}: ${what}`).toBe(expected);
      expect(acceptsDatasetAsItIs(JSON.parse(JSON.stringify(altered)), { madeByJsonParse: true }), `alteration #${n} as JSON.parse made it: ${what}`).toBe(expected);
      if (expected) yes++;
    }
    // Some alterations are still valid datasets (a null rank, an offset, a colour): both say yes to those.
    expect(yes).toBeGreaterThan(40);
  }, 20_000);

  it('agrees with zod on every broken dataset fixture', () => {
    const dir = resolve(process.cwd(), 'tests/fixtures/broken');
    const names = readdirSync(dir).filter((name) => name.endsWith('.json'));
    expect(names.length).toBeGreaterThan(5);
    for (const name of names) {
      const input: unknown = JSON.parse(readFileSync(resolve(dir, name), 'utf8'));
      expect(acceptsDatasetAsItIs(input), name).toBe(zodKeepsAsItIs(input));
      expect(acceptsDatasetAsItIs(input, { madeByJsonParse: true }), name).toBe(zodKeepsAsItIs(input));
    }
  });
});

describe('the schema and its quick yes change together', () => {
  it('fails when dataset-schema.ts changes, until the quick yes has been checked against it', () => {
    // A change to the format must be made in dataset-quick-accept.ts too (and tested above):
    // then put the file's new SHA-256 here.
    const digest = createHash('sha256').update(readFileSync(resolve(process.cwd(), 'src/domain/dataset-schema.ts'))).digest('hex');
    expect(digest).toBe('33b58535392ee9c383e1253cd087df7e6410fd78c8df0c9ffad1c5b1989da829');
  });
});

describe('parseDataset', () => {
  it('returns a dataset zod keeps as it is without copying it, and copies one that zod changes', () => {
    const asItIs = structuredClone(shipped);
    const kept = parseDataset(asItIs);
    expect(kept.ok && kept.dataset).toBe(asItIs);

    const padded = changed((d) => (d.title = ` ${d.title} `));
    const trimmed = parseDataset(padded);
    expect(trimmed.ok).toBe(true);
    if (!trimmed.ok) return;
    expect(trimmed.dataset).not.toBe(padded);
    expect(trimmed.dataset.title).toBe(padded.title.trim());
  });

  it('goes straight to zod when told the quick yes said no: the same dataset, as zod copies it', () => {
    const input = structuredClone(shipped);
    const result = parseDataset(input, { quickYesSaidNo: true });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.dataset).not.toBe(input);
    expect(result.dataset).toEqual(input);
  });
});
