/**
 * The list view as a person uses it: a captioned table, sortable column buttons
 * whose state is in aria-sort, a level filter, rows that select a place.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useState } from 'react';
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LangContext } from '../../src/components/use-lang';
import type { OfficialLevel } from '../../src/domain/dataset-schema';
import { formatProblem, parseDataset } from '../../src/domain/dataset-validation';
import { buildLegend } from '../../src/domain/legend';
import { buildPlaces } from '../../src/domain/places';
import { PlacesTable, type PlacesTableProps } from '../../src/features/list/places-table';

interface RawSender {
  kind: string;
  iso3: string | null;
  id: string;
  name: string;
  officials: { level: string }[];
  statements: unknown[];
}
const raw = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as { senders: RawSender[] };
const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
const places = buildPlaces(parsed.dataset);
const legend = buildLegend(parsed.dataset, places);

/** Place names in article order, and those with a minister, from the raw JSON. */
const rawPlaces = new Map<string, RawSender[]>();
for (const s of raw.senders) {
  const key = s.kind === 'country' ? s.iso3! : s.id;
  rawPlaces.set(key, [...(rawPlaces.get(key) ?? []), s]);
}
const articleNames = [...rawPlaces.values()].map((senders) => senders[0]!.name);
const ministerNames = [...rawPlaces.values()]
  .filter((senders) => senders.some((s) => s.officials.some((o) => o.level === 'minister')))
  .map((senders) => senders[0]!.name);

/** Keeps the level filter in state, as the app will. */
function Harness(props: Partial<PlacesTableProps> & { initialLevels?: OfficialLevel[] }) {
  const [levels, setLevels] = useState<ReadonlySet<OfficialLevel>>(new Set(props.initialLevels ?? []));
  return (
    <PlacesTable
      places={places}
      legend={legend}
      selectedThemes={props.selectedThemes ?? new Set()}
      selectedKey={props.selectedKey ?? null}
      onSelect={props.onSelect ?? (() => {})}
      levelFilter={levels}
      onLevelFilterChange={props.onLevelFilterChange ?? setLevels}
    />
  );
}

// `hidden: true` skips jsdom's slow visibility check; nothing in the table is hidden.
const table = () => screen.getByRole('table', { name: /Places that wrote/, hidden: true });
/** The place names of the body rows, top to bottom. */
const rowNames = () =>
  within(table())
    .getAllByRole('rowheader', { hidden: true })
    .map((cell) => cell.querySelector('button')?.textContent);
const header = (name: string) =>
  within(table()).getByRole('columnheader', { name: new RegExp(`^${name}`), hidden: true });

describe('PlacesTable', () => {
  it('is a captioned table with a row for every place, in article order', () => {
    render(<Harness />);
    expect(table()).toBeTruthy();
    expect(rowNames()).toEqual(articleNames);
    expect(screen.getByRole('status').textContent).toBe(`Showing all ${articleNames.length} places.`);
  });

  it('shows bodies, officials with title and level, themes and statement count', () => {
    render(<Harness />);
    const row = screen.getByRole('button', { name: 'Myanmar' }).closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]!.textContent).toBe('Embassy of Myanmar in China');
    expect(cells[1]!.textContent).toBe(
      'U Myo Thant Pe — Ambassador of the Republic of the Union of Myanmar to China (Ambassador)',
    );
    expect(cells[2]!.textContent).toBe('Ambassador');
    const mmr = places.find((p) => p.key === 'MMR')!;
    const themeLabels = mmr.themes.map((id) => legend.find((e) => e.id === id)!.label);
    expect(within(cells[3]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(themeLabels);
    expect(cells[4]!.textContent).toBe(String(mmr.statementCount));

    const interpol = screen.getByRole('button', { name: 'INTERPOL' }).closest('th')!;
    expect(interpol.textContent).toContain('organisation');
    // A place only listed by the source says so with the legend's label, not only a colour.
    const afghanistan = screen.getByRole('button', { name: 'Afghanistan' }).closest('tr')!;
    expect(within(afghanistan).getAllByRole('cell')[3]!.textContent).toBe('Also wrote');
  });

  it('lists at most five bodies and officials in a row, then says how many more', () => {
    const myanmar = places.find((p) => p.key === 'MMR')!;
    const sender = myanmar.senders[0]!;
    const bodies = Array.from({ length: 7 }, (_, i) => ({
      ...sender,
      id: `${sender.id}-${i}`,
      body: `Body ${i + 1}`,
      officials: [{ ...sender.officials[0]!, name: `Official ${i + 1}` }],
    }));
    const crowded = { ...myanmar, senders: bodies };
    render(
      <PlacesTable
        places={[crowded]}
        legend={legend}
        selectedThemes={new Set()}
        selectedKey={null}
        onSelect={() => {}}
        levelFilter={new Set()}
        onLevelFilterChange={() => {}}
      />,
    );
    const cells = within(screen.getByRole('button', { name: 'Myanmar' }).closest('tr')!).getAllByRole('cell');
    const items = (cell: HTMLElement) => within(cell).getAllByRole('listitem').map((li) => li.textContent);
    expect(items(cells[0]!)).toEqual(['Body 1', 'Body 2', 'Body 3', 'Body 4', 'Body 5', 'and 2 more (open the place to see all)']);
    expect(items(cells[1]!)).toHaveLength(6);
    expect(items(cells[1]!)[4]).toContain('Official 5');
    expect(items(cells[1]!)[5]).toBe('and 2 more (open the place to see all)');
  });

  it('draws a long table a screenful first and the other rows a frame later, the selected row in the first and scrolled to', async () => {
    const myanmar = places.find((p) => p.key === 'MMR')!;
    const sender = myanmar.senders[0]!;
    // 60 places of 5 bodies and 5 officials each: far more than a first frame's worth.
    const crowded = Array.from({ length: 60 }, (_, i) => ({
      ...myanmar,
      key: `P${i}`,
      name: `Place ${i}`,
      names: { en: `Place ${i}`, zh: '' },
      senders: Array.from({ length: 5 }, (_, j) => ({ ...sender, id: `p${i}-${j}`, body: `Body ${j}` })),
    }));
    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    try {
      render(
        <PlacesTable
          places={crowded}
          legend={legend}
          selectedThemes={new Set()}
          selectedKey="P40"
          onSelect={() => {}}
          levelFilter={new Set()}
          onLevelFilterChange={() => {}}
        />,
      );
      const first = rowNames();
      expect(first.length).toBeLessThan(60);
      expect(first.at(-1), 'the selected row is drawn at once').toBe('Place 40');
      expect(scrolled).toHaveBeenCalledTimes(1);
      expect((scrolled.mock.contexts[0] as HTMLElement).dataset.placeKey).toBe('P40');
      expect(screen.getByText('Showing all 60 places.')).toBeTruthy();
      await waitFor(() => expect(rowNames()).toHaveLength(60));
      expect(rowNames()).toEqual(crowded.map((p) => p.name));
      // The other rows can widen the columns: the selected row is brought into view again, by
      // an effect that runs after the rows' commit (under load it can come a task later).
      await waitFor(() => expect(scrolled).toHaveBeenCalledTimes(2));
      expect((scrolled.mock.contexts[1] as HTMLElement).dataset.placeKey).toBe('P40');
    } finally {
      delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
  });

  it('sorts by a column, flips on a second press, and says so with aria-sort', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const place = header('Place');
    expect(place.hasAttribute('aria-sort')).toBe(false);

    await user.click(within(place).getByRole('button', { name: /Place/ }));
    expect(header('Place').getAttribute('aria-sort')).toBe('ascending');
    const ascending = [...articleNames].sort((a, b) => a.localeCompare(b, 'en'));
    expect(rowNames()).toEqual(ascending);

    await user.click(within(header('Place')).getByRole('button'));
    expect(header('Place').getAttribute('aria-sort')).toBe('descending');
    expect(rowNames()).toEqual([...ascending].reverse());

    await user.click(within(header('Statements')).getByRole('button'));
    expect(header('Statements').getAttribute('aria-sort')).toBe('descending');
    expect(header('Place').hasAttribute('aria-sort')).toBe(false);
    const counts = new Map([...rawPlaces.values()].map((s) => [s[0]!.name, s.reduce((n, x) => n + x.statements.length, 0)]));
    const byStatements = [...articleNames].sort((a, b) => counts.get(b)! - counts.get(a)!);
    expect(rowNames()).toEqual(byStatements);
  });

  it('sorts from the keyboard', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    within(header('Highest level')).getByRole('button').focus();
    await user.keyboard('{Enter}');
    expect(header('Highest level').getAttribute('aria-sort')).toBe('descending');
    expect(rowNames().slice(0, ministerNames.length)).toEqual(ministerNames);
    await user.keyboard(' ');
    expect(header('Highest level').getAttribute('aria-sort')).toBe('ascending');
  });

  it('filters by level: "Minister" keeps exactly the places with a minister', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const levels = screen.getByRole('group', { name: /level of the official/ });
    await user.click(within(levels).getByRole('checkbox', { name: /^Minister/ }));
    expect(rowNames()).toEqual(ministerNames);
    expect(screen.getByRole('status').textContent).toBe(
      `Showing ${ministerNames.length} of ${articleNames.length} places with an official at Minister level.`,
    );
    await user.click(within(levels).getByRole('button', { name: 'Any level' }));
    expect(rowNames()).toEqual(articleNames);
  });

  it('keeps the level filter controlled by its owner', async () => {
    const user = userEvent.setup();
    const onLevelFilterChange = vi.fn();
    render(<Harness initialLevels={['ambassador']} onLevelFilterChange={onLevelFilterChange} />);
    expect(screen.getByRole('checkbox', { name: /^Ambassador/ })).toHaveProperty('checked', true);
    expect(rowNames()).toEqual(['Croatia', 'Myanmar', 'Thailand']);
    await user.click(screen.getByRole('checkbox', { name: /^Minister/ }));
    expect(onLevelFilterChange).toHaveBeenCalledExactlyOnceWith(new Set(['ambassador', 'minister']));
    // Not changed until the owner says so.
    expect(rowNames()).toEqual(['Croatia', 'Myanmar', 'Thailand']);
  });

  it("follows the legend's theme filter", () => {
    render(<Harness selectedThemes={new Set(['goodwill'])} />);
    const goodwill = places.filter((p) => p.status === 'goodwill').map((p) => p.name);
    expect(goodwill.length).toBeGreaterThan(0);
    expect(rowNames()).toEqual(goodwill);
    expect(screen.getByRole('status').textContent).toContain('following the legend’s filter');
  });

  it('says when nothing matches', () => {
    render(<Harness selectedThemes={new Set(['listed'])} initialLevels={['minister']} />);
    expect(screen.getByRole('status').textContent).toBe('No place matches these filters.');
    expect(within(table()).queryAllByRole('rowheader')).toHaveLength(0);
  });

  it('selects a place with a click or from the keyboard, and marks the selected row', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const { rerender } = render(<Harness onSelect={onSelect} />);
    await user.click(screen.getByRole('button', { name: 'Vietnam' }));
    expect(onSelect).toHaveBeenCalledExactlyOnceWith('VNM');

    screen.getByRole('button', { name: 'Serbia' }).focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenLastCalledWith('SRB');
    screen.getByRole('button', { name: 'INTERPOL' }).focus();
    await user.keyboard(' ');
    expect(onSelect).toHaveBeenLastCalledWith('interpol-general-secretariat');
    expect(onSelect).toHaveBeenCalledTimes(3);

    const scrolled = vi.fn();
    Element.prototype.scrollIntoView = scrolled;
    try {
      rerender(<Harness onSelect={onSelect} selectedKey="MMR" />);
      const current = within(table()).getByRole('row', { current: true });
      expect(within(current).getByRole('rowheader').textContent).toContain('Myanmar');
      expect(within(table()).getAllByRole('row', { current: true })).toHaveLength(1);
      expect(scrolled).toHaveBeenCalled();
      expect(scrolled.mock.contexts[0]).toBe(current);
    } finally {
      delete (Element.prototype as { scrollIntoView?: unknown }).scrollIntoView;
    }
  });
});

describe('PlacesTable in Chinese', () => {
  const zhTable = () => screen.getByRole('table', { name: /来函的国家和国际组织/, hidden: true });
  const zhRowNames = () =>
    within(zhTable())
      .getAllByRole('rowheader', { hidden: true })
      .map((cell) => cell.querySelector('button')?.textContent);
  const zhHeader = (name: string) => within(zhTable()).getByRole('columnheader', { name: new RegExp(`^${name}`), hidden: true });
  const renderZh = (props: Partial<PlacesTableProps> & { initialLevels?: OfficialLevel[] } = {}) =>
    render(
      <LangContext value="zh">
        <Harness {...props} />
      </LangContext>,
    );

  it('names places, columns, filters and counts in Chinese', () => {
    renderZh();
    expect(zhRowNames()).toEqual(places.map((p) => p.names.zh));
    expect(zhRowNames().slice(0, 3)).toEqual(['越南', '塞尔维亚', '国际刑警组织']);
    expect(screen.getByRole('status').textContent).toBe(`显示全部 ${places.length} 个国家和国际组织。`);
    for (const name of ['国家/国际组织', '来函机构', '官员', '最高级别', '合作领域', '表述数']) {
      expect(zhHeader(name), name).toBeTruthy();
    }
    const levels = screen.getByRole('group', { name: '来函官员级别' });
    expect(within(levels).getByRole('checkbox', { name: /^部长级（\d+）$/ })).toBeTruthy();
    expect(within(levels).getByRole('button', { name: '不限级别' })).toBeTruthy();
  });

  it("shows Myanmar's embassy in Chinese, its ambassador's name and title in English", () => {
    renderZh();
    const row = screen.getByRole('button', { name: '缅甸' }).closest('tr')!;
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]!.textContent).toBe('缅甸驻华大使馆');
    expect(cells[1]!.textContent).toBe(
      'U Myo Thant Pe — Ambassador of the Republic of the Union of Myanmar to China（大使）',
    );
    const english = cells[1]!.querySelector('[lang="en"]')!;
    expect(english.textContent).toBe('U Myo Thant Pe — Ambassador of the Republic of the Union of Myanmar to China');
    expect(cells[2]!.textContent).toBe('大使');
    const mmr = places.find((p) => p.key === 'MMR')!;
    const themeLabels = mmr.themes.map((id) => legend.find((e) => e.id === id)!.label_zh);
    expect(within(cells[3]!).getAllByRole('listitem').map((li) => li.textContent)).toEqual(themeLabels);

    const interpol = screen.getByRole('button', { name: '国际刑警组织' }).closest('th')!;
    expect(interpol.textContent).toBe('国际刑警组织国际组织');
    const afghanistan = screen.getByRole('button', { name: '阿富汗' }).closest('tr')!;
    expect(within(afghanistan).getAllByRole('cell')[0]!.textContent).toBe('未注明');
    expect(within(afghanistan).getAllByRole('cell')[1]!.textContent).toBe('未提及');
    expect(within(afghanistan).getAllByRole('cell')[3]!.textContent).toBe('亦来函祝贺');
  });

  it('sorts by the Chinese names in pinyin order', async () => {
    const user = userEvent.setup();
    renderZh();
    await user.click(within(zhHeader('国家/国际组织')).getByRole('button'));
    expect(zhHeader('国家/国际组织').getAttribute('aria-sort')).toBe('ascending');
    const sorted = zhRowNames() as string[];
    // a-fu-han, a-gen-ting, … ba-xi, … dan-mai, … ying-guo, yue-nan, zhong-fei
    expect(sorted.slice(0, 2)).toEqual(['阿富汗', '阿根廷']);
    expect(sorted.at(-1)).toBe('中非共和国');
    const at = (name: string) => sorted.indexOf(name);
    expect(at('巴西')).toBeLessThan(at('丹麦'));
    expect(at('丹麦')).toBeLessThan(at('英国'));
    expect(at('英国')).toBeLessThan(at('越南'));
    expect(new Set(sorted)).toEqual(new Set(places.map((p) => p.names.zh)));
    await user.click(within(zhHeader('国家/国际组织')).getByRole('button'));
    expect(zhRowNames()).toEqual([...sorted].reverse());
  });

  it('filters by level with a Chinese summary', async () => {
    const user = userEvent.setup();
    renderZh();
    await user.click(screen.getByRole('checkbox', { name: /^部长级/ }));
    expect(zhRowNames()).toHaveLength(ministerNames.length);
    expect(screen.getByRole('status').textContent).toBe(
      `显示 ${places.length} 个国家和国际组织中的 ${ministerNames.length} 个，来函官员级别为部长级。`,
    );
    await user.click(screen.getByRole('checkbox', { name: /^大使/ }));
    expect(screen.getByRole('status').textContent).toContain('来函官员级别为部长级或大使');
  });

  it("follows the legend's filter and says when nothing matches, in Chinese", () => {
    const { unmount } = renderZh({ selectedThemes: new Set(['goodwill']) });
    expect(screen.getByRole('status').textContent).toMatch(/，并按图例筛选。$/);
    unmount();
    renderZh({ selectedThemes: new Set(['listed']), initialLevels: ['minister'] });
    expect(screen.getByRole('status').textContent).toBe('没有符合筛选条件的国家或国际组织。');
  });

  it('has no English interface word: only the article\'s words, marked lang="en", are English', () => {
    const { container } = renderZh();
    const copy = container.cloneNode(true) as HTMLElement;
    for (const english of copy.querySelectorAll('[lang="en"]')) english.remove();
    expect(copy.textContent).not.toMatch(/[A-Za-z]/);
  });
});
