/**
 * The legend as a person uses it: toggle buttons found by name, their pressed
 * state, counts, "Show all", and each entry's description on demand.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { parseDataset, formatProblem } from '../../src/domain/dataset-validation';
import type { Dataset } from '../../src/domain/dataset-schema';
import { buildLegend } from '../../src/domain/legend';
import { buildPlaces } from '../../src/domain/places';
import { ThemeLegend } from '../../src/features/legend/theme-legend';

const raw = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as {
  themes: { id: string; label: string; description: string }[];
};
function load(): Dataset {
  const result = parseDataset(raw);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}
const dataset = load();
const places = buildPlaces(dataset);
const legend = buildLegend(dataset, places);

function renderLegend(selected: string[] = []) {
  const onToggle = vi.fn<(id: string) => void>();
  const onClear = vi.fn<() => void>();
  render(
    <ThemeLegend entries={legend} selected={new Set(selected)} onToggle={onToggle} onClear={onClear} placeCount={places.length} />,
  );
  return { onToggle, onClear, user: userEvent.setup() };
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const labelOf = (id: string) => legend.find((e) => e.id === id)!.label;
/** A toggle's name is its label followed by its count ("… 4 places"). */
const toggle = (label: string) => screen.getByRole('button', { name: new RegExp(`^${escape(label)}\\s*\\d+\\s*places?$`) });

describe('ThemeLegend', () => {
  it('has a toggle per theme plus Goodwill only and Also wrote, under its heading, with the count of places', () => {
    renderLegend();
    const region = screen.getByRole('region', { name: 'Fields of cooperation' });
    expect(within(region).getByRole('heading', { name: 'Fields of cooperation' })).toBeTruthy();
    // Counted here from the places: a place answers to its themes, or to goodwill / listed.
    const expected = [
      ...raw.themes.map((t) => ({ label: t.label, count: places.filter((p) => p.themes.includes(t.id)).length })),
      { label: 'Goodwill only', count: places.filter((p) => p.status === 'goodwill').length },
      { label: 'Also wrote', count: places.filter((p) => p.status === 'listed').length },
    ];
    // One query for all toggles (role queries are slow in jsdom); each is unpressed, labelled and counted.
    const toggles = within(region).getAllByRole('button', { pressed: false });
    const shown = toggles.map((b) => [
      b.querySelector('.legend__label')?.textContent,
      b.querySelector('.legend__count')?.textContent,
      b.querySelector('.visually-hidden')?.textContent,
    ]);
    expect(shown).toEqual(expected.map((e) => [e.label, String(e.count), e.count === 1 ? ' place' : ' places']));
    expect(toggle(labelOf('drug_control')).querySelector('.legend__count')?.textContent).toBe('4');
    expect(toggle('Also wrote').querySelector('.legend__count')?.textContent).toBe('20');
    expect(toggle('Goodwill only').querySelector('.legend__count')?.textContent).toBe('3');
    expect(screen.getByText(`${places.length} places, coloured by the most specific field they name; one naming several fields counts in each. Select to filter.`)).toBeTruthy();
  });

  it('calls onToggle with the entry id when a toggle is clicked', async () => {
    const { onToggle, user } = renderLegend();
    await user.click(toggle(labelOf('drug_control')));
    expect(onToggle).toHaveBeenCalledTimes(1);
    expect(onToggle).toHaveBeenCalledWith('drug_control');
    await user.click(toggle('Also wrote'));
    expect(onToggle).toHaveBeenLastCalledWith('listed');
    await user.click(toggle('Goodwill only'));
    expect(onToggle).toHaveBeenLastCalledWith('goodwill');
  });

  it('marks selected entries pressed and says how many are selected', () => {
    renderLegend(['drug_control', 'listed']);
    expect(toggle(labelOf('drug_control')).getAttribute('aria-pressed')).toBe('true');
    expect(toggle('Also wrote').getAttribute('aria-pressed')).toBe('true');
    expect(toggle(labelOf('counter_terrorism')).getAttribute('aria-pressed')).toBe('false');
    expect(screen.getAllByRole('button', { pressed: true })).toHaveLength(2);
    expect(screen.getByText('Showing places that name any of 2 selected. Others are faded.')).toBeTruthy();
  });

  it('disables "Show all" when nothing is selected', async () => {
    const { onClear, user } = renderLegend();
    const showAll = screen.getByRole<HTMLButtonElement>('button', { name: 'Show all' });
    expect(showAll.disabled).toBe(true);
    await user.click(showAll);
    expect(onClear).not.toHaveBeenCalled();
  });

  it('"Show all" calls onClear when something is selected', async () => {
    const { onClear, onToggle, user } = renderLegend(['public_security']);
    const showAll = screen.getByRole<HTMLButtonElement>('button', { name: 'Show all' });
    expect(showAll.disabled).toBe(false);
    await user.click(showAll);
    expect(onClear).toHaveBeenCalledTimes(1);
    expect(onToggle).not.toHaveBeenCalled();
  });

  it('reveals a description with its info button, one at a time', async () => {
    const { onToggle, user } = renderLegend();
    const drugs = raw.themes.find((t) => t.id === 'drug_control')!;
    const info = screen.getByRole('button', { name: `What "${drugs.label}" means` });
    const description = document.getElementById(info.getAttribute('aria-controls')!)!;
    expect(description.textContent).toBe(drugs.description);
    expect(info.getAttribute('aria-expanded')).toBe('false');
    expect(description.hidden).toBe(true);

    await user.click(info);
    expect(info.getAttribute('aria-expanded')).toBe('true');
    expect(description.hidden).toBe(false);
    expect(onToggle).not.toHaveBeenCalled();

    const listedInfo = screen.getByRole('button', { name: 'What "Also wrote" means' });
    await user.click(listedInfo);
    expect(listedInfo.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(listedInfo.getAttribute('aria-controls')!)!.hidden).toBe(false);
    expect(screen.getByText('Listed by the source as having sent a letter; nothing of it is quoted.')).toBeTruthy();
    expect(info.getAttribute('aria-expanded')).toBe('false');
    expect(description.hidden).toBe(true);

    await user.click(listedInfo);
    expect(listedInfo.getAttribute('aria-expanded')).toBe('false');
  });

  it('toggles from the keyboard', async () => {
    const { onToggle, user } = renderLegend();
    toggle(labelOf('border_security')).focus();
    await user.keyboard('{Enter}');
    await user.keyboard(' ');
    expect(onToggle.mock.calls).toEqual([['border_security'], ['border_security']]);
  });
});
