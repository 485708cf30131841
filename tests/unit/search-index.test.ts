/**
 * Search over the shipped dataset: case, diacritics and punctuation ignored;
 * ranking; aliases (English short forms, Chinese names) supplied from outside.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseDataset } from '../../src/domain/dataset-validation';
import { buildLegend } from '../../src/domain/legend';
import { buildPlaces } from '../../src/domain/places';
import {
  buildFieldSearchEntries,
  buildSearchIndex,
  countryNameAliases,
  normalizeForSearch,
  searchPlaces,
  type SearchEntry,
} from '../../src/domain/search-index';

const raw: unknown = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8'));
const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
const places = buildPlaces(parsed.dataset);
const index = buildSearchIndex(places);

const labels = (results: SearchEntry[]) => results.map((r) => r.label);

describe('normalizeForSearch', () => {
  it('drops case, diacritics and punctuation', () => {
    expect(normalizeForSearch('Jürgen')).toBe('jurgen');
    expect(normalizeForSearch('  Viet   Nam ')).toBe('viet nam');
    expect(normalizeForSearch('Director-General, J.Bold')).toBe('director general j bold');
    expect(normalizeForSearch('Lao People’s Revolutionary Party')).toBe('lao peoples revolutionary party');
    expect(normalizeForSearch('Türkiye · Đà Nẵng · Straße · Øresund')).toBe('turkiye da nang strasse oresund');
    expect(normalizeForSearch('ＵＫ')).toBe('uk');
  });

  it('leaves Chinese characters as they are', () => {
    expect(normalizeForSearch('越南 公安部')).toBe('越南 公安部');
  });
});

describe('searchPlaces', () => {
  it('finds Jürgen Stock, of INTERPOL, from "jurgen"', () => {
    const [first] = searchPlaces(index, 'jurgen');
    expect(first).toMatchObject({ label: 'Jürgen Stock', kind: 'official', placeKey: 'interpol-general-secretariat' });
    expect(first?.detail).toContain('INTERPOL');
    expect(first?.senderId).toBe('interpol-general-secretariat');
  });

  it('finds Vietnam from "viet", the country first, then its body and minister', () => {
    const results = searchPlaces(index, 'viet');
    expect(results[0]).toMatchObject({ label: 'Vietnam', kind: 'country', placeKey: 'VNM' });
    expect(results.map((r) => r.kind).slice(0, 3)).toEqual(['country', 'body', 'official']);
    expect(labels(results)).toContain('To Lam');
  });

  it('finds a name written either as one word or two', () => {
    const both = buildSearchIndex(places, new Map([['VNM', ['Viet Nam']]]));
    expect(searchPlaces(both, 'viet')[0]?.placeKey).toBe('VNM');
    expect(searchPlaces(both, 'viet nam')[0]?.placeKey).toBe('VNM');
    expect(searchPlaces(both, 'vietnam')[0]?.placeKey).toBe('VNM');
  });

  it('finds To Lam from "to lam", ignoring case', () => {
    for (const q of ['to lam', 'TO LAM', 'To  Lam', 'tolam']) {
      expect(searchPlaces(index, q)[0], q).toMatchObject({ label: 'To Lam', senderId: 'vnm-ministry-of-public-security' });
    }
  });

  it("finds Myanmar's ambassador from part of his name or from country and title", () => {
    for (const q of ['myo', 'myanmar amb', 'MYANMAR AMBASSADOR']) {
      expect(searchPlaces(index, q)[0], q).toMatchObject({
        label: 'U Myo Thant Pe',
        kind: 'official',
        placeKey: 'MMR',
        senderId: 'mmr-embassy-in-china',
      });
    }
  });

  it('ranks the start of a word above the inside of one', () => {
    // "pol" starts "Police Division" but sits inside "INTERPOL".
    const results = searchPlaces(index, 'pol', 50);
    const police = results.findIndex((r) => r.label === 'Police Division');
    const interpol = results.findIndex((r) => r.label === 'INTERPOL');
    expect(police).toBeGreaterThanOrEqual(0);
    expect(interpol).toBeGreaterThan(police);
  });

  it('lists places before bodies before officials when they match equally well', () => {
    const results = searchPlaces(index, 'interpol');
    expect(results.map((r) => [r.kind, r.label])).toEqual([
      ['organization', 'INTERPOL'],
      ['body', 'General Secretariat'],
      ['official', 'Jürgen Stock'],
    ]);
  });

  it('returns each entry once, at most `limit` of them', () => {
    const results = searchPlaces(index, 'police police', 5);
    expect(results).toHaveLength(5);
    expect(new Set(results.map((r) => r.id)).size).toBe(5);
    expect(searchPlaces(index, 'a', 100).length).toBeGreaterThan(8);
    expect(searchPlaces(index, 'a')).toHaveLength(8);
  });

  it('returns nothing for an empty or blank query, or one that matches nothing', () => {
    expect(searchPlaces(index, '')).toEqual([]);
    expect(searchPlaces(index, '   ')).toEqual([]);
    expect(searchPlaces(index, '—,.')).toEqual([]);
    expect(searchPlaces(index, 'zzzzqx')).toEqual([]);
  });

  it('finds the United Kingdom from "uk" only when the alias is given', () => {
    // Without it only an official whose title says "of the UK" is found, not the country.
    expect(searchPlaces(index, 'uk').some((r) => r.kind === 'country')).toBe(false);
    const withUk = buildSearchIndex(places, new Map([['GBR', ['UK']]]));
    const results = searchPlaces(withUk, 'uk');
    expect(results[0]).toMatchObject({ label: 'United Kingdom', kind: 'country', placeKey: 'GBR' });
    // Its bodies are found through the place's names too.
    expect(results.filter((r) => r.kind === 'body').map((r) => r.label)).toEqual([
      'National Crime Agency',
      'National Police Chiefs Council',
    ]);
  });

  it('matches a Chinese alias anywhere inside it, without word boundaries', () => {
    const zh = buildSearchIndex(places, new Map([['VNM', ['越南社会主义共和国']]]));
    expect(searchPlaces(zh, '越南')[0]?.placeKey).toBe('VNM');
    expect(searchPlaces(zh, '社会主义')[0]?.placeKey).toBe('VNM');
    expect(searchPlaces(index, '越南')).toEqual([]);
  });

  it("matches the dataset's own Chinese names (name_zh, body_zh)", () => {
    expect(searchPlaces(index, '刑警')[0]).toMatchObject({ label: 'INTERPOL' });
    expect(searchPlaces(index, '公安部').map((r) => r.placeKey)).toContain('VNM');
  });
});

describe('countryNameAliases', () => {
  const aliases = countryNameAliases(places);
  const withAliases = buildSearchIndex(places, aliases);

  it('brings English short forms and Chinese names from the library and the platform', () => {
    expect(aliases.get('GBR')).toEqual(expect.arrayContaining(['UK', '英国']));
    expect(aliases.get('TUR')).toEqual(expect.arrayContaining(['Türkiye']));
    expect(aliases.has('interpol-general-secretariat')).toBe(false);
    expect(searchPlaces(withAliases, 'usa')[0]?.placeKey).toBe('USA');
    expect(searchPlaces(withAliases, 'turkiye')[0]?.placeKey).toBe('TUR');
    expect(searchPlaces(withAliases, '越南')[0]?.placeKey).toBe('VNM');
    expect(searchPlaces(withAliases, '缅甸')[0]?.placeKey).toBe('MMR');
  });

  it("does not repeat the place's own name", () => {
    for (const place of places) expect(aliases.get(place.key) ?? []).not.toContain(place.name);
  });
});

describe('search in Chinese', () => {
  const aliases = countryNameAliases(places);
  const withAliases = buildSearchIndex(places, aliases);

  it('finds Vietnam from "越南" and shows it as 越南 in Chinese, Vietnam in English', () => {
    const [first] = searchPlaces(withAliases, '越南');
    expect(first).toMatchObject({ kind: 'country', placeKey: 'VNM', label: 'Vietnam' });
    expect(first!.display.zh).toEqual({ label: { text: '越南', lang: 'zh' }, detail: [{ text: '国家', lang: 'zh' }] });
    expect(first!.display.en).toEqual({ label: { text: 'Vietnam', lang: 'en' }, detail: [{ text: 'Country', lang: 'en' }] });
  });

  it('finds INTERPOL from "国际刑警" through the dataset\'s name_zh', () => {
    for (const idx of [index, withAliases]) {
      const [first] = searchPlaces(idx, '国际刑警');
      expect(first).toMatchObject({ kind: 'organization', placeKey: 'interpol-general-secretariat' });
      expect(first!.display.zh.label).toEqual({ text: '国际刑警组织', lang: 'zh' });
      expect(first!.display.zh.detail).toEqual([{ text: '国际组织', lang: 'zh' }]);
    }
  });

  it("finds a body by its Chinese name (body_zh) and names its country in Chinese", () => {
    const [first] = searchPlaces(withAliases, '缉毒局');
    expect(first).toMatchObject({ kind: 'body', placeKey: 'USA', label: 'Drug Enforcement Administration' });
    expect(first!.display.zh).toEqual({ label: { text: '缉毒局', lang: 'zh' }, detail: [{ text: '美国', lang: 'zh' }] });
  });

  it("keeps an official's name and title English in the Chinese suggestion", () => {
    const [first] = searchPlaces(withAliases, 'jurgen');
    expect(first!.display.zh).toEqual({
      label: { text: 'Jürgen Stock', lang: 'en' },
      detail: [
        { text: first!.detail.split(' · ')[0]!, lang: 'en' },
        { text: '国际刑警组织', lang: 'zh' },
      ],
    });
  });

  it('finds the bodies and officials of a country from its Chinese name', () => {
    const results = searchPlaces(withAliases, '英国', 20);
    expect(results[0]).toMatchObject({ kind: 'country', placeKey: 'GBR' });
    expect(results.filter((r) => r.kind === 'body').map((r) => r.display.zh.label.text)).toEqual([
      '国家犯罪调查局',
      '全国警察局长理事会',
    ]);
  });

  it('gives every country the name the Chinese interface shows as an alias', () => {
    for (const place of places) {
      if (place.kind !== 'country' || place.names.zh === place.name) continue;
      expect(aliases.get(place.key), place.key).toContain(place.names.zh);
      expect(searchPlaces(withAliases, place.names.zh)[0]?.placeKey, place.names.zh).toBe(place.key);
    }
  });

  it('marks a name with no Chinese twin as English in the Chinese display', () => {
    const plain = buildSearchIndex([{ ...places[0]!, name: 'Atlantis', names: { en: 'Atlantis', zh: 'Atlantis' } }]);
    expect(searchPlaces(plain, 'atlantis')[0]!.display.zh.label).toEqual({ text: 'Atlantis', lang: 'en' });
  });
});

describe('search for a field of cooperation', () => {
  const legend = buildLegend(parsed.dataset, places);
  const fields = buildFieldSearchEntries(legend);
  const withFields = [...buildSearchIndex(places, countryNameAliases(places)), ...fields];
  const drugs = legend.find((e) => e.id === 'drug_control')!;

  it('has one entry per field that some place names, and none for the legend\'s other entries', () => {
    expect(fields.map((f) => f.themeId)).toEqual(legend.filter((e) => e.kind === 'theme' && e.count > 0).map((e) => e.id));
    expect(fields.length).toBeGreaterThan(5);
    expect(fields.some((f) => f.themeId === 'goodwill' || f.themeId === 'listed')).toBe(false);
    const none = buildFieldSearchEntries(legend.map((e) => (e.id === 'drug_control' ? { ...e, count: 0 } : e)));
    expect(none.some((f) => f.themeId === 'drug_control')).toBe(false);
  });

  it('finds the drugs field from "drug", before the bodies and officials with "drug" in their names', () => {
    const results = searchPlaces(withFields, 'drug');
    expect(results[0]).toMatchObject({ kind: 'field', themeId: 'drug_control', label: drugs.label, colour: drugs.colour });
    expect(results[0]!.display.en.detail).toEqual([{ text: `Field of cooperation · ${drugs.count} places`, lang: 'en' }]);
    expect(results.map((r) => r.kind)).toContain('body');
  });

  it('finds a field by a word of what it covers (its description\'s first sentence), ranked below a match in a label', () => {
    const [first] = searchPlaces(withFields, 'narcotics');
    expect(first).toMatchObject({ kind: 'field', themeId: 'drug_control' });
    expect(searchPlaces(withFields, 'covid')[0]).toMatchObject({ kind: 'field', themeId: 'pandemic_response' });
    // Human trafficking's description goes on to say "Drug trafficking is not this field" (in Chinese too).
    const humanTrafficking = legend.find((e) => e.id === 'human_trafficking')!;
    expect(humanTrafficking.description).toMatch(/drug/i);
    expect(humanTrafficking.description_zh).toMatch(/毒/);
    for (const query of ['drug', '毒']) expect(searchPlaces(withFields, query, 20).map((r) => r.id), query).not.toContain('field-human_trafficking');
    const security = searchPlaces(withFields, 'security', 20);
    // "Public security & stability" and "Border & regional security" name it; the ministries of public security follow.
    expect(security.slice(0, 2).map((r) => r.kind)).toEqual(['field', 'field']);
    expect(security.some((r) => r.kind === 'body')).toBe(true);
  });

  it('finds a field by its Chinese label and shows it in Chinese', () => {
    const [first] = searchPlaces(withFields, '禁毒');
    expect(first).toMatchObject({ kind: 'field', themeId: 'drug_control' });
    expect(first!.display.zh).toEqual({ label: { text: drugs.label_zh, lang: 'zh' }, detail: [{ text: `合作领域 · ${drugs.count} 个国家或组织`, lang: 'zh' }] });
  });
});
