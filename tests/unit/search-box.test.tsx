/**
 * The search box as a person uses it: by its label and roles, with the keyboard
 * (ARIA 1.2 combobox) and with the mouse.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { LangContext } from '../../src/components/use-lang';
import { formatProblem, parseDataset } from '../../src/domain/dataset-validation';
import { buildPlaces } from '../../src/domain/places';
import { buildLegend } from '../../src/domain/legend';
import { buildFieldSearchEntries, buildSearchIndex, countryNameAliases } from '../../src/domain/search-index';
import { SearchBox } from '../../src/features/search/search-box';

const parsed = parseDataset(JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')));
if (!parsed.ok) throw new Error(parsed.problems.map(formatProblem).join('\n'));
const index = buildSearchIndex(buildPlaces(parsed.dataset), new Map([['VNM', ['越南']]]));

function setup() {
  const onChoose = vi.fn();
  const user = userEvent.setup();
  render(<SearchBox index={index} onChoose={onChoose} placeholder="Country, body or official" />);
  const input = screen.getByRole('combobox', { name: 'Search countries, bodies, officials, fields' });
  return { onChoose, user, input };
}

describe('SearchBox', () => {
  it('is a labelled, collapsed combobox that controls a listbox', () => {
    const { input } = setup();
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(input.getAttribute('aria-autocomplete')).toBe('list');
    const listId = input.getAttribute('aria-controls');
    expect(listId).toBeTruthy();
    expect(document.getElementById(listId!)?.getAttribute('role')).toBe('listbox');
    expect(screen.getByRole('search').contains(input)).toBe(true);
  });

  it('suggests matches as you type, ignoring diacritics, with label and detail', async () => {
    const { user, input } = setup();
    await user.type(input, 'jurgen');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    const listbox = screen.getByRole('listbox', { name: 'Suggestions' });
    const options = within(listbox).getAllByRole('option');
    expect(options[0]!.textContent).toContain('Jürgen Stock');
    expect(options[0]!.textContent).toContain('Secretary General · INTERPOL');
    expect(screen.getByRole('option', { name: /^Jürgen Stock,?\s*Secretary General · INTERPOL$/ })).toBe(options[0]);
  });

  it('moves through suggestions with the arrow keys and chooses with Enter', async () => {
    const { user, input, onChoose } = setup();
    await user.type(input, 'viet');
    expect(input.hasAttribute('aria-activedescendant')).toBe(false);

    await user.keyboard('{ArrowDown}');
    const options = screen.getAllByRole('option');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[0]!.id);
    expect(options[0]!.getAttribute('aria-selected')).toBe('true');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[2]!.id);
    expect(options[2]!.textContent).toContain('To Lam');
    await user.keyboard('{ArrowUp}');
    expect(input.getAttribute('aria-activedescendant')).toBe(options[1]!.id);
    await user.keyboard('{ArrowDown}');

    await user.keyboard('{Enter}');
    expect(onChoose).toHaveBeenCalledExactlyOnceWith({
      kind: 'place',
      placeKey: 'VNM',
      senderId: 'vnm-ministry-of-public-security',
    });
    expect((input as HTMLInputElement).value).toBe('');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(document.activeElement).toBe(input);
  });

  it('wraps from the first suggestion to the last with ArrowUp', async () => {
    const { user, input } = setup();
    await user.type(input, 'interpol');
    await user.keyboard('{ArrowDown}{ArrowUp}');
    const options = screen.getAllByRole('option');
    expect(input.getAttribute('aria-activedescendant')).toBe(options.at(-1)!.id);
  });

  it('takes the best match on Enter when none is highlighted', async () => {
    const { user, input, onChoose } = setup();
    await user.type(input, 'myanmar amb{Enter}');
    expect(onChoose).toHaveBeenCalledWith({ kind: 'place', placeKey: 'MMR', senderId: 'mmr-embassy-in-china' });
  });

  it('finds a country by a Chinese alias', async () => {
    const { user, input, onChoose } = setup();
    await user.type(input, '越南');
    expect(screen.getAllByRole('option')[0]!.textContent).toContain('Vietnam');
    await user.keyboard('{Enter}');
    expect(onChoose).toHaveBeenCalledWith({ kind: 'place', placeKey: 'VNM', senderId: 'vnm-ministry-of-public-security' });
  });

  it('closes the suggestions on the first Esc and clears the text on the second, without letting it bubble', async () => {
    const outside = vi.fn();
    const { user, input } = setup();
    await user.type(input, 'to lam');
    window.addEventListener('keydown', outside);
    try {
      expect(input.getAttribute('aria-expanded')).toBe('true');
      await user.keyboard('{Escape}');
      expect(input.getAttribute('aria-expanded')).toBe('false');
      expect(screen.queryByRole('option')).toBeNull();
      expect((input as HTMLInputElement).value).toBe('to lam');
      await user.keyboard('{Escape}');
      expect((input as HTMLInputElement).value).toBe('');
      expect(outside).not.toHaveBeenCalled();
      // With nothing left to close, Esc goes on to the app (e.g. to close the panel).
      await user.keyboard('{Escape}');
      expect(outside).toHaveBeenCalledTimes(1);
    } finally {
      window.removeEventListener('keydown', outside);
    }
  });

  it('chooses a suggestion with a mouse click', async () => {
    const { user, input, onChoose } = setup();
    await user.type(input, 'myo');
    await user.click(screen.getByRole('option', { name: /U Myo Thant Pe/ }));
    expect(onChoose).toHaveBeenCalledExactlyOnceWith({ kind: 'place', placeKey: 'MMR', senderId: 'mmr-embassy-in-china' });
    expect((input as HTMLInputElement).value).toBe('');
    expect(document.activeElement).not.toBe(input);
  });

  it('says so when nothing matches', async () => {
    const { user, input } = setup();
    await user.type(input, 'zzqx');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(screen.queryByRole('option')).toBeNull();
    expect(screen.getByRole('status').textContent).toContain('No matches');
  });

  it('shows nothing for an empty box and closes when focus leaves', async () => {
    const { user, input } = setup();
    await user.click(input);
    expect(input.getAttribute('aria-expanded')).toBe('false');
    await user.type(input, 'serbia');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    fireEvent.blur(input);
    expect(input.getAttribute('aria-expanded')).toBe('false');
  });
});

describe('SearchBox with fields of cooperation', () => {
  it('offers the drugs field for "drug", with its legend colour, and chooses it as a field', async () => {
    const places = buildPlaces(parsed.dataset);
    const legend = buildLegend(parsed.dataset, places);
    const onChoose = vi.fn();
    const user = userEvent.setup();
    render(<SearchBox index={[...buildSearchIndex(places), ...buildFieldSearchEntries(legend)]} onChoose={onChoose} />);
    const input = screen.getByRole('combobox', { name: 'Search countries, bodies, officials, fields' });
    expect(input.getAttribute('placeholder')).toBe('Country, official or field');
    await user.type(input, 'drug');
    const [first] = screen.getAllByRole('option');
    const drugs = legend.find((e) => e.id === 'drug_control')!;
    expect(first!.textContent).toBe(`${drugs.label}, Field of cooperation · ${drugs.count} places`);
    const swatch = first!.querySelector<HTMLElement>('.search-box__swatch');
    expect(swatch?.getAttribute('aria-hidden')).toBe('true');
    expect(swatch?.style.background).not.toBe('');
    await user.keyboard('{Enter}');
    expect(onChoose).toHaveBeenCalledExactlyOnceWith({ kind: 'field', themeId: 'drug_control' });
  });
});

describe('SearchBox in Chinese', () => {
  const places = buildPlaces(parsed.dataset);
  const appIndex = buildSearchIndex(places, countryNameAliases(places));

  function setupZh() {
    const onChoose = vi.fn();
    const user = userEvent.setup();
    render(
      <LangContext value="zh">
        <SearchBox index={appIndex} onChoose={onChoose} />
      </LangContext>,
    );
    const input = screen.getByRole('combobox', { name: '搜索国家、机构、官员、合作领域' });
    return { onChoose, user, input };
  }

  it('is labelled in Chinese', () => {
    const { input } = setupZh();
    expect(input.getAttribute('placeholder')).toBe('国家、官员或合作领域');
  });

  it('finds Vietnam from "越南" and shows it as 越南', async () => {
    const { user, input, onChoose } = setupZh();
    await user.type(input, '越南');
    const listbox = screen.getByRole('listbox', { name: '搜索建议' });
    const [first] = within(listbox).getAllByRole('option');
    expect(first!.textContent).toBe('越南，国家');
    expect(screen.getByRole('option', { name: '越南，国家' })).toBe(first);
    await user.keyboard('{Enter}');
    expect(onChoose).toHaveBeenCalledWith({ kind: 'place', placeKey: 'VNM', senderId: 'vnm-ministry-of-public-security' });
  });

  it('finds INTERPOL from "国际刑警"', async () => {
    const { user, input } = setupZh();
    await user.type(input, '国际刑警');
    expect(screen.getAllByRole('option')[0]!.textContent).toBe('国际刑警组织，国际组织');
  });

  it('still finds English names, and keeps officials\' names and titles English, marked lang="en"', async () => {
    const { user, input } = setupZh();
    await user.type(input, 'jurgen');
    const [first] = screen.getAllByRole('option');
    expect(first!.textContent).toBe('Jürgen Stock，Secretary General · 国际刑警组织');
    expect(within(first!).getByText('Jürgen Stock').getAttribute('lang')).toBe('en');
    expect(within(first!).getByText('Secretary General').getAttribute('lang')).toBe('en');
  });

  it('finds the same place from its English name with the suggestion in Chinese', async () => {
    const { user, input } = setupZh();
    await user.type(input, 'viet');
    expect(screen.getAllByRole('option')[0]!.textContent).toBe('越南，国家');
  });

  it('says how many suggestions, or that none matched, in Chinese', async () => {
    const { user, input } = setupZh();
    await user.type(input, '缅甸');
    expect(screen.getByRole('status').textContent).toMatch(/^共 \d+ 条建议，/);
    await user.clear(input);
    await user.type(input, 'zzqx');
    expect(screen.getByRole('status').textContent).toBe('没有与“zzqx”匹配的结果');
  });
});
