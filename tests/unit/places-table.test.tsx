/**
 * The list view as a person uses it: a captioned table, sortable column buttons
 * whose state is in aria-sort, a level filter, rows that select a place.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { useState } from 'react';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
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
