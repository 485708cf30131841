/**
 * The tour overlay as a presenter drives it: clicker keys, blanking, leaving,
 * and what a place slide shows.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseDataset } from '../../src/domain/dataset-validation';
import type { Dataset } from '../../src/domain/dataset-schema';
import { buildLegend } from '../../src/domain/legend';
import { buildPlaces } from '../../src/domain/places';
import { buildTourSlides } from '../../src/domain/tour';
import DefaultTourOverlay, { TourOverlay, type TourOverlayProps } from '../../src/features/tour/tour-overlay';

const raw: unknown = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8'));
const parsed = parseDataset(raw);
if (!parsed.ok) throw new Error('the shipped dataset does not validate');
const dataset: Dataset = parsed.dataset;
const places = buildPlaces(dataset);
const legend = buildLegend(dataset, places);
const senderSlides = buildTourSlides(places, legend, 'senders');
const themeSlides = buildTourSlides(places, legend, 'themes');

function setup(overrides: Partial<TourOverlayProps> = {}) {
  const onSlideChange = vi.fn<(n: number) => void>();
  const onExit = vi.fn<() => void>();
  const props: TourOverlayProps = {
    dataset,
    places,
    legend,
    slides: senderSlides,
    slide: 3,
    onSlideChange,
    onExit,
    ...overrides,
  };
  const user = userEvent.setup();
  const view = render(<TourOverlay {...props} />);
  return { user, onSlideChange, onExit, ...view };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('keys', () => {
  it.each([
    ['{ArrowRight}', 4],
    ['{ArrowDown}', 4],
    ['{PageDown}', 4],
    [' ', 4],
    ['{ArrowLeft}', 2],
    ['{ArrowUp}', 2],
    ['{PageUp}', 2],
    ['{Home}', 1],
    ['{End}', senderSlides.length],
    ['{F5}', 1],
  ])('%s goes to slide %i', async (key, expected) => {
    const { user, onSlideChange } = setup();
    await user.keyboard(key);
    expect(onSlideChange).toHaveBeenCalledTimes(1);
    expect(onSlideChange).toHaveBeenCalledWith(expected);
  });

  it('does not go past either end', async () => {
    const first = setup({ slide: 1 });
    await first.user.keyboard('{ArrowLeft}{PageUp}{Home}');
    expect(first.onSlideChange).not.toHaveBeenCalled();
    first.unmount();
    const last = setup({ slide: senderSlides.length });
    await last.user.keyboard('{ArrowRight}{PageDown}{End}');
    expect(last.onSlideChange).not.toHaveBeenCalled();
  });

  it('Esc leaves the tour', async () => {
    const { user, onExit } = setup();
    await user.keyboard('{Escape}');
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it.each([['b'], ['B'], ['.']])('%s blanks the screen; any key brings it back without moving', async (key) => {
    const { user, onSlideChange, onExit } = setup();
    expect(screen.queryByTestId('tour-blank')).toBeNull();
    await user.keyboard(key);
    expect(screen.getByTestId('tour-blank')).toBeTruthy();
    await user.keyboard('{ArrowRight}');
    expect(screen.queryByTestId('tour-blank')).toBeNull();
    expect(onSlideChange).not.toHaveBeenCalled();
    await user.keyboard('b');
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('tour-blank')).toBeNull();
    expect(onExit).not.toHaveBeenCalled();
  });

  it('a click on the black screen brings the slide back', async () => {
    const { user } = setup();
    await user.keyboard('b');
    await user.click(screen.getByTestId('tour-blank'));
    expect(screen.queryByTestId('tour-blank')).toBeNull();
  });

  it('leaves keys typed into a field alone', async () => {
    const { user, onSlideChange, onExit } = setup();
    const input = document.createElement('input');
    document.body.append(input);
    input.focus();
    await user.keyboard('{ArrowRight} b{Escape}');
    expect(onSlideChange).not.toHaveBeenCalled();
    expect(onExit).not.toHaveBeenCalled();
    expect(screen.queryByTestId('tour-blank')).toBeNull();
    input.remove();
  });

  it('stops listening when unmounted', async () => {
    const { user, onSlideChange, unmount } = setup();
    unmount();
    await user.keyboard('{ArrowRight}');
    expect(onSlideChange).not.toHaveBeenCalled();
  });
});

describe('controls and progress', () => {
  it('shows where the tour is, as text and as a progress bar', () => {
    setup();
    const total = senderSlides.length;
    expect(screen.getByTestId('tour-count').textContent).toBe(`3 / ${total}`);
    const bar = screen.getByRole('progressbar', { name: 'Tour progress' });
    expect(bar.getAttribute('aria-valuenow')).toBe('3');
    expect(bar.getAttribute('aria-valuemax')).toBe(String(total));
    expect(bar.getAttribute('aria-valuetext')).toBe(`Slide 3 of ${total}: Serbia`);
  });

  it('announces the slide title to screen readers', () => {
    setup({ slide: 2 });
    const live = document.querySelector('[aria-live="polite"]');
    expect(live?.textContent).toBe(`Slide 2 of ${senderSlides.length}: Vietnam`);
  });

  it('buttons go back and forth and leave', async () => {
    const { user, onSlideChange, onExit } = setup();
    await user.click(screen.getByRole('button', { name: 'Next slide' }));
    await user.click(screen.getByRole('button', { name: 'Previous slide' }));
    expect(onSlideChange.mock.calls).toEqual([[4], [2]]);
    await user.click(screen.getByRole('button', { name: 'Exit' }));
    expect(onExit).toHaveBeenCalledTimes(1);
  });

  it('clamps a slide number beyond the tour', () => {
    setup({ slide: 999 });
    expect(screen.getByTestId('tour-count').textContent).toBe(`${senderSlides.length} / ${senderSlides.length}`);
  });

  it('auto-advances at the chosen interval and stops at the end', () => {
    vi.useFakeTimers();
    const onAutoAdvanceChange = vi.fn<(s: number | null) => void>();
    const { onSlideChange, rerender } = setup({ slide: 3, autoAdvanceSeconds: 5, onAutoAdvanceChange });
    act(() => {
      vi.advanceTimersByTime(4900);
    });
    expect(onSlideChange).not.toHaveBeenCalled();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(onSlideChange).toHaveBeenCalledWith(4);

    const last = senderSlides.length;
    const props: TourOverlayProps = {
      dataset,
      places,
      legend,
      slides: senderSlides,
      slide: last - 1,
      onSlideChange,
      onExit: () => undefined,
      autoAdvanceSeconds: 5,
      onAutoAdvanceChange,
    };
    rerender(<TourOverlay {...props} />);
    act(() => {
      vi.advanceTimersByTime(5000);
    });
    expect(onSlideChange).toHaveBeenLastCalledWith(last);
    expect(onAutoAdvanceChange).toHaveBeenLastCalledWith(null);
    rerender(<TourOverlay {...props} slide={last} />);
    onSlideChange.mockClear();
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(onSlideChange).not.toHaveBeenCalled();
  });

  it('the auto-advance buttons choose the interval', async () => {
    const onAutoAdvanceChange = vi.fn<(s: number | null) => void>();
    const { user } = setup({ onAutoAdvanceChange });
    const group = screen.getByRole('group', { name: 'Auto-advance' });
    expect(within(group).getByRole('button', { name: 'Off' }).getAttribute('aria-pressed')).toBe('true');
    await user.click(within(group).getByRole('button', { name: '10 s' }));
    expect(onAutoAdvanceChange).toHaveBeenCalledWith(10);
    expect(within(group).getByRole('button', { name: '10 s' }).getAttribute('aria-pressed')).toBe(
      'true',
    );
  });
});

describe('slides', () => {
  it('the title slide gives the event, the date and the counts', () => {
    setup({ slide: 1 });
    expect(screen.getByRole('heading', { name: dataset.title })).toBeTruthy();
    expect(screen.getByText('10 January 2021')).toBeTruthy();
    expect(screen.getByText(/source text as supplied/i)).toBeTruthy();
    const countries = places.filter((p) => p.kind === 'country').length;
    expect(screen.getByText('countries').parentElement?.textContent).toContain(String(countries));
  });

  it('a place slide shows every body, its officials with titles, and the statements with quotes set apart', () => {
    const slide = senderSlides.findIndex((s) => s.kind === 'place' && s.placeKey === 'GBR') + 1;
    setup({ slide });
    expect(screen.getByRole('heading', { name: 'United Kingdom', level: 2 })).toBeTruthy();
    const gbr = places.find((p) => p.key === 'GBR')!;
    for (const sender of gbr.senders) {
      expect(screen.getByRole('heading', { name: sender.body!, level: 3 })).toBeTruthy();
      for (const official of sender.officials) {
        expect(screen.getAllByText(official.name, { exact: false }).length).toBeGreaterThan(0);
        expect(screen.getByText(official.title)).toBeTruthy();
      }
    }
    const quotes = gbr.senders.flatMap((s) => s.statements).filter((s) => s.kind === 'quote');
    expect(quotes.length).toBeGreaterThan(0);
    const blockquotes = document.querySelectorAll('blockquote');
    expect(blockquotes).toHaveLength(quotes.length);
    expect([...blockquotes].map((b) => b.textContent)).toEqual(quotes.map((q) => q.text));
  });

  it('marks the evidence of each theme in the statement', () => {
    const slide = senderSlides.findIndex((s) => s.kind === 'place' && s.placeKey === 'VNM') + 1;
    setup({ slide });
    const marks = [...document.querySelectorAll('mark')].map((m) => m.textContent);
    expect(marks).toEqual(expect.arrayContaining(['anti-terrorism', 'drug control', 'border management']));
  });

  it('a theme slide names the theme and lists its places', () => {
    const slide = themeSlides.findIndex((s) => s.kind === 'theme' && s.themeId === 'drug_control') + 1;
    setup({ slides: themeSlides, slide });
    const entry = legend.find((e) => e.id === 'drug_control')!;
    expect(screen.getByRole('heading', { name: entry.label })).toBeTruthy();
    expect(screen.getByText(entry.description)).toBeTruthy();
    const list = screen.getByRole('list', { name: `Places: ${entry.label}` });
    expect(within(list).getAllByRole('listitem').map((li) => li.querySelector('.tour__place-name')?.textContent)).toEqual([
      'Vietnam',
      'Australia',
      'Myanmar',
      'United States',
    ]);
  });

  it('the closing slide lists those who also wrote', () => {
    setup({ slide: senderSlides.length });
    expect(screen.getByRole('heading', { name: 'Also wrote' })).toBeTruthy();
    const names = within(screen.getByRole('list', { name: 'Also wrote' }))
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(names).toHaveLength(20);
    expect(names[0]).toBe('Afghanistan');
    expect(names).not.toContain('Russia');
  });

  it('renders text from the data as text, never as HTML', () => {
    const hostile = { ...dataset, title: '<img src=x onerror="alert(1)">Atlas' };
    setup({ dataset: hostile, slide: 1 });
    expect(document.querySelector('img')).toBeNull();
    expect(screen.getByRole('heading', { name: '<img src=x onerror="alert(1)">Atlas' })).toBeTruthy();
  });

  it('is also the default export, for React.lazy', () => {
    expect(DefaultTourOverlay).toBe(TourOverlay);
  });
});
