/**
 * List-view rows on the shipped dataset. Expected values come from the raw
 * JSON, grouped here the way a reader would, not from the code under test.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseDataset } from '../../src/domain/dataset-validation';
import { buildPlaces } from '../../src/domain/places';
import {
  buildPlaceRows,
  filterPlaceRows,
  FIRST_FRAME_ITEMS,
  levelCounts,
  nextSort,
  placeName,
  ROW_ITEMS_SHOWN,
  rowItems,
  rowsUpTo,
  sortPlaceRows,
  type PlaceRow,
} from '../../src/domain/place-table';

interface RawSender {
  id: string;
  kind: string;
  iso3: string | null;
  name: string;
  body: string | null;
  officials: { name: string; level: string }[];
  statements: unknown[];
  themes: string[];
}
const raw = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as {
  senders: RawSender[];
};
const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
const rows = buildPlaceRows(buildPlaces(parsed.dataset));

/** Raw senders grouped by country code, or by id for an organisation, in first-seen order. */
const groups = new Map<string, RawSender[]>();
for (const s of raw.senders) {
  const key = s.kind === 'country' ? s.iso3! : s.id;
  groups.set(key, [...(groups.get(key) ?? []), s]);
}
const articleOrder = [...groups.keys()];
const keys = (list: readonly PlaceRow[]) => list.map((r) => r.key);
const none = new Set<string>();

describe('buildPlaceRows', () => {
  it('has one row per place, in article order, with bodies, officials and counts', () => {
    expect(keys(rows)).toEqual(articleOrder);
    for (const row of rows) {
      const senders = groups.get(row.key)!;
      expect(row.bodies).toEqual(senders.map((s) => s.body).filter(Boolean));
      expect(row.officials.map((o) => o.name)).toEqual(senders.flatMap((s) => s.officials.map((o) => o.name)));
      expect(row.statementCount).toBe(senders.reduce((n, s) => n + s.statements.length, 0));
      expect(row.themeCount).toBe(new Set(senders.flatMap((s) => s.themes)).size);
    }
  });

  it('knows the highest level of each place', () => {
    const gbr = rows.find((r) => r.key === 'GBR')!;
    expect([...gbr.levels].sort()).toEqual(['police_chief', 'senior_officer']);
    expect(gbr.highestLevel).toBe('police_chief');
    expect(rows.find((r) => r.key === 'AFG')!.highestLevel).toBeNull();
  });
});

describe('filterPlaceRows', () => {
  it('keeps exactly the places with a minister when filtering by minister level', () => {
    const expected = articleOrder.filter((key) =>
      groups.get(key)!.some((s) => s.officials.some((o) => o.level === 'minister')),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(keys(filterPlaceRows(rows, { levels: new Set(['minister']), themes: none }))).toEqual(expected);
  });

  it('keeps places with any of several levels', () => {
    const wanted = new Set(['ambassador', 'international']);
    const expected = articleOrder.filter((key) => groups.get(key)!.some((s) => s.officials.some((o) => wanted.has(o.level))));
    const got = filterPlaceRows(rows, { levels: new Set(['ambassador', 'international']), themes: none });
    expect(keys(got)).toEqual(expected);
    expect(keys(got)).toEqual(['interpol-general-secretariat', 'un-police-division', 'HRV', 'MMR', 'THA']);
  });

  it('follows the theme filter, and combines it with the level filter', () => {
    const themed = (key: string) => groups.get(key)!.some((s) => s.themes.includes('drug_control'));
    const hasMinister = (key: string) => groups.get(key)!.some((s) => s.officials.some((o) => o.level === 'minister'));
    expect(keys(filterPlaceRows(rows, { levels: new Set(), themes: new Set(['drug_control']) }))).toEqual(
      articleOrder.filter(themed),
    );
    expect(
      keys(filterPlaceRows(rows, { levels: new Set(['minister']), themes: new Set(['drug_control']) })),
    ).toEqual(articleOrder.filter((k) => themed(k) && hasMinister(k)));
  });

  it('keeps every row with no filter', () => {
    expect(filterPlaceRows(rows, { levels: new Set(), themes: none })).toHaveLength(rows.length);
  });

  it('counts places per level', () => {
    const counts = levelCounts(rows, none);
    const ministers = articleOrder.filter((key) =>
      groups.get(key)!.some((s) => s.officials.some((o) => o.level === 'minister')),
    );
    expect(counts.get('minister')).toBe(ministers.length);
    expect([...counts.keys()][0]).toBe('minister');
  });
});

describe('sortPlaceRows', () => {
  it('keeps article order with no sort', () => {
    expect(keys(sortPlaceRows([...rows].reverse(), null))).toEqual(articleOrder);
  });

  it('sorts by name both ways', () => {
    const names = (list: readonly PlaceRow[]) => list.map((r) => r.place.name);
    const expected = [...names(rows)].sort((a, b) => a.localeCompare(b, 'en'));
    expect(names(sortPlaceRows(rows, { key: 'name', direction: 'ascending' }))).toEqual(expected);
    expect(names(sortPlaceRows(rows, { key: 'name', direction: 'descending' }))).toEqual([...expected].reverse());
  });

  it('sorts by statements, ties staying in article order in both directions', () => {
    const count = (key: string) => groups.get(key)!.reduce((n, s) => n + s.statements.length, 0);
    const position = (key: string) => articleOrder.indexOf(key);
    const desc = [...articleOrder].sort((a, b) => count(b) - count(a) || position(a) - position(b));
    const asc = [...articleOrder].sort((a, b) => count(a) - count(b) || position(a) - position(b));
    expect(keys(sortPlaceRows(rows, { key: 'statements', direction: 'descending' }))).toEqual(desc);
    expect(keys(sortPlaceRows(rows, { key: 'statements', direction: 'ascending' }))).toEqual(asc);
  });

  it('sorts by the number of themes', () => {
    const count = (key: string) => new Set(groups.get(key)!.flatMap((s) => s.themes)).size;
    const sorted = keys(sortPlaceRows(rows, { key: 'themes', direction: 'descending' }));
    for (let i = 1; i < sorted.length; i++) expect(count(sorted[i - 1]!)).toBeGreaterThanOrEqual(count(sorted[i]!));
  });

  it('sorts by highest level, most senior first, places without officials last either way', () => {
    const desc = sortPlaceRows(rows, { key: 'level', direction: 'descending' });
    expect(desc[0]!.highestLevel).toBe('minister');
    expect(desc.at(-1)!.highestLevel).toBeNull();
    const asc = sortPlaceRows(rows, { key: 'level', direction: 'ascending' });
    expect(asc[0]!.highestLevel).toBe('international');
    expect(asc.at(-1)!.highestLevel).toBeNull();
    // Ministers stay in article order among themselves.
    const ministers = desc.filter((r) => r.highestLevel === 'minister').map((r) => r.key);
    expect(ministers).toEqual(articleOrder.filter((k) => ministers.includes(k)));
  });

  it('does not change its input', () => {
    const copy = [...rows];
    sortPlaceRows(rows, { key: 'name', direction: 'descending' });
    expect(rows).toEqual(copy);
  });
});

describe('nextSort', () => {
  it("starts a column in its natural direction and flips it on the second choice", () => {
    expect(nextSort(null, 'name')).toEqual({ key: 'name', direction: 'ascending' });
    expect(nextSort(null, 'statements')).toEqual({ key: 'statements', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'ascending' }, 'name')).toEqual({ key: 'name', direction: 'descending' });
    expect(nextSort({ key: 'name', direction: 'descending' }, 'level')).toEqual({ key: 'level', direction: 'descending' });
  });
});

describe('Chinese names in the list', () => {
  const byKey = (key: string) => rows.find((r) => r.key === key)!;

  it('names each place as the interface shows it', () => {
    expect(placeName(byKey('VNM').place, 'zh')).toBe('越南');
    expect(placeName(byKey('VNM').place, 'en')).toBe('Vietnam');
    expect(placeName(byKey('interpol-general-secretariat').place, 'zh')).toBe('国际刑警组织');
  });

  it("carries the bodies' Chinese names beside the English", () => {
    expect(byKey('GBR').bodyNames).toEqual([
      { en: 'National Crime Agency', zh: '国家犯罪调查局' },
      { en: 'National Police Chiefs Council', zh: '全国警察局长理事会' },
    ]);
    expect(byKey('AFG').bodyNames).toEqual([]);
    for (const row of rows) expect(row.bodyNames.map((b) => b.en)).toEqual(row.bodies);
  });

  it('sorts by the Chinese name in pinyin order, both ways', () => {
    const names = (list: readonly PlaceRow[]) => list.map((r) => placeName(r.place, 'zh'));
    const ascending = names(sortPlaceRows(rows, { key: 'name', direction: 'ascending' }, 'zh'));
    // 阿富汗 a-fu-han, 阿根廷 a-gen-ting, 巴西 ba-xi, 丹麦 dan-mai, 英国 ying-guo, 越南 yue-nan, 中非 zhong-fei
    expect(ascending.slice(0, 2)).toEqual(['阿富汗', '阿根廷']);
    expect(ascending.at(-1)).toBe('中非共和国');
    const pinyinOrder = ['巴西', '丹麦', '国际刑警组织', '联合国', '英国', '越南'];
    expect(ascending.filter((n) => pinyinOrder.includes(n))).toEqual(pinyinOrder);
    expect(names(sortPlaceRows(rows, { key: 'name', direction: 'descending' }, 'zh'))).toEqual([...ascending].reverse());
    // Not the English order carried over.
    expect(ascending).not.toEqual(names(sortPlaceRows(rows, { key: 'name', direction: 'ascending' }, 'en')));
  });

  it('sorts the other columns the same in either language', () => {
    for (const key of ['statements', 'themes', 'level'] as const) {
      expect(keys(sortPlaceRows(rows, { key, direction: 'descending' }, 'zh'))).toEqual(
        keys(sortPlaceRows(rows, { key, direction: 'descending' })),
      );
    }
  });
});

describe('the rows drawn in the first frame', () => {
  /** A row with `bodies` bodies, `officials` officials and `chips` legend ids, keyed `key`. */
  const row = (key: string, bodies: number, officials: number, chips: number): PlaceRow => ({
    ...rows[0]!,
    key,
    bodyNames: Array.from({ length: bodies }, (_, i) => ({ en: `Body ${i}`, zh: '' })),
    officials: Array.from({ length: officials }, () => rows.find((r) => r.officials.length > 0)!.officials[0]!),
    legendIds: Array.from({ length: chips }, (_, i) => `theme_${i}`),
  });

  it('count a row as its name, the bodies and officials it lists (five at most) and its chips', () => {
    expect(rowItems(row('a', 0, 0, 1), 5)).toBe(2);
    expect(rowItems(row('a', 2, 3, 4), 5)).toBe(1 + 2 + 3 + 4);
    expect(rowItems(row('a', 30, 12, 11), 5)).toBe(1 + 5 + 5 + 11);
  });

  it('stop before the row that would go over the budget, and give back the rows themselves when all fit', () => {
    const ten = Array.from({ length: 10 }, (_, i) => row(`p${i}`, 1, 1, 2)); // 5 items each
    expect(rowsUpTo(ten, 20, 5).map((r) => r.key)).toEqual(['p0', 'p1', 'p2', 'p3']);
    expect(rowsUpTo(ten, 24, 5)).toHaveLength(4);
    expect(rowsUpTo(ten, 50, 5)).toBe(ten);
    expect(rowsUpTo(ten, 1000, 5)).toBe(ten);
  });

  it('always draw one row, however big, and on through the selected row', () => {
    const big = [row('huge', 30, 30, 12), row('next', 1, 1, 1)];
    expect(rowsUpTo(big, 5, 5).map((r) => r.key)).toEqual(['huge']);
    const ten = Array.from({ length: 10 }, (_, i) => row(`p${i}`, 1, 1, 2));
    expect(rowsUpTo(ten, 10, 5, 'p6').map((r) => r.key)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6']);
    expect(rowsUpTo(ten, 10, 5, 'p1')).toHaveLength(2);
    expect(rowsUpTo(ten, 10, 5, 'nowhere')).toHaveLength(2);
  });

  it('draw every row of the shipped dataset in the first frame', () => {
    expect(rowsUpTo(rows, FIRST_FRAME_ITEMS, ROW_ITEMS_SHOWN)).toBe(rows);
  });
});
