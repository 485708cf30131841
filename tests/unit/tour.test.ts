/**
 * The tour's slides, built from the shipped dataset: the order a presenter
 * walks through, and what each slide hands the map.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDataset, formatProblem } from '../../src/domain/dataset-validation';
import type { Dataset } from '../../src/domain/dataset-schema';
import { buildLegend } from '../../src/domain/legend';
import { buildPlaces, legendIdsOf } from '../../src/domain/places';
import {
  buildTourSlides,
  clampSlide,
  slideTitle,
  slideView,
  themeEvidence,
  tourCounts,
  type Slide,
} from '../../src/domain/tour';

function loadDataset(): Dataset {
  const raw: unknown = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8'));
  const result = parseDataset(raw);
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.dataset;
}

const dataset = loadDataset();
const places = buildPlaces(dataset);
const legend = buildLegend(dataset, places);
const listedKeys = places.filter((p) => p.status === 'listed').map((p) => p.key);
const context = { title: dataset.title, places, legend };

describe('the senders tour', () => {
  const slides = buildTourSlides(places, legend, 'senders');

  it('opens on the title slide and closes on one "Also wrote" slide', () => {
    expect(slides[0]).toEqual({ kind: 'title' });
    expect(slides.at(-1)).toEqual({ kind: 'listed', placeKeys: listedKeys });
  });

  it('has one slide per place that wrote something, in article order', () => {
    const placeSlides = slides.filter((s): s is Extract<Slide, { kind: 'place' }> => s.kind === 'place');
    const expected = places.filter((p) => p.status !== 'listed').sort((a, b) => a.order - b.order);
    expect(placeSlides.map((s) => s.placeKey)).toEqual(expected.map((p) => p.key));
    expect(slides).toHaveLength(expected.length + 2);
  });

  it('follows the article: Vietnam first, then Serbia, then INTERPOL; Russia and the United States after the list', () => {
    const keys = slides.flatMap((s) => (s.kind === 'place' ? [s.placeKey] : []));
    expect(keys.slice(0, 3)).toEqual(['VNM', 'SRB', 'interpol-general-secretariat']);
    expect(keys.slice(-2)).toEqual(['RUS', 'USA']);
  });

  it('gives a country with several bodies one slide', () => {
    const keys = slides.flatMap((s) => (s.kind === 'place' ? [s.placeKey] : []));
    for (const key of ['LAO', 'GBR', 'ARE']) {
      expect(keys.filter((k) => k === key)).toHaveLength(1);
      expect(places.find((p) => p.key === key)!.senders.length).toBeGreaterThan(1);
    }
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('puts exactly the list-only places on the closing slide', () => {
    const closing = slides.at(-1);
    expect(closing?.kind).toBe('listed');
    if (closing?.kind !== 'listed') return;
    expect(closing.placeKeys).toHaveLength(20);
    expect(closing.placeKeys).toContain('AFG');
    expect(closing.placeKeys).not.toContain('RUS');
    for (const key of closing.placeKeys) {
      const place = places.find((p) => p.key === key)!;
      expect(place.statementCount).toBe(0);
      expect(place.senders.every((s) => s.officials.length === 0)).toBe(true);
    }
  });
});

describe('the themes tour', () => {
  const slides = buildTourSlides(places, legend, 'themes');
  const themeSlides = slides.filter((s): s is Extract<Slide, { kind: 'theme' }> => s.kind === 'theme');

  it('has one slide per legend entry with places, in codebook order, then goodwill, then the list', () => {
    const expected = legend.filter((e) => e.kind !== 'listed' && e.count > 0).map((e) => e.id);
    expect(themeSlides.map((s) => s.themeId)).toEqual(expected);
    expect(expected.at(-1)).toBe('goodwill');
    expect(slides[0]).toEqual({ kind: 'title' });
    expect(slides.at(-1)).toEqual({ kind: 'listed', placeKeys: listedKeys });
    expect(slides).toHaveLength(expected.length + 2);
  });

  it('skips entries no place answers to', () => {
    const withEmpty = legend.map((e) => (e.id === 'drug_control' ? { ...e, count: 0 } : e));
    const ids = buildTourSlides(places, withEmpty, 'themes').flatMap((s) => (s.kind === 'theme' ? [s.themeId] : []));
    expect(ids).not.toContain('drug_control');
    expect(ids).toHaveLength(themeSlides.length - 1);
  });

  it('lists each theme’s places in article order, and only those', () => {
    for (const slide of themeSlides) {
      const expected = places
        .filter((p) => legendIdsOf(p).includes(slide.themeId))
        .sort((a, b) => a.order - b.order)
        .map((p) => p.key);
      expect(slide.placeKeys).toEqual(expected);
      expect(slide.placeKeys).toHaveLength(legend.find((e) => e.id === slide.themeId)!.count);
    }
    expect(themeSlides.find((s) => s.themeId === 'drug_control')?.placeKeys).toEqual(['VNM', 'AUS', 'MMR', 'USA']);
    expect(themeSlides.find((s) => s.themeId === 'goodwill')?.placeKeys).toEqual(['ARG', 'TJK', 'ARE']);
  });
});

describe('slide helpers', () => {
  const slides = buildTourSlides(places, legend, 'senders');

  it('clamps slide numbers into the tour', () => {
    expect(clampSlide(0, slides)).toBe(1);
    expect(clampSlide(-4, slides)).toBe(1);
    expect(clampSlide(3, slides)).toBe(3);
    expect(clampSlide(999, slides)).toBe(slides.length);
    expect(clampSlide(Number.NaN, slides)).toBe(1);
    expect(clampSlide(2.7, slides)).toBe(2);
    expect(clampSlide(5, [])).toBe(1);
  });

  it('names each slide', () => {
    expect(slideTitle({ kind: 'title' }, context)).toBe(dataset.title);
    expect(slideTitle({ kind: 'place', placeKey: 'VNM' }, context)).toBe('Vietnam');
    expect(slideTitle({ kind: 'theme', themeId: 'drug_control', placeKeys: [] }, context)).toBe(
      legend.find((e) => e.id === 'drug_control')!.label,
    );
    expect(slideTitle({ kind: 'listed', placeKeys: [] }, context)).toBe('Also wrote');
  });

  it('names each slide in Chinese: the place as the platform names it, the theme as the codebook does', () => {
    const zh = { ...context, title: dataset.title_zh!, lang: 'zh' as const };
    expect(slideTitle({ kind: 'title' }, zh)).toBe('首个中国人民警察节国际贺信');
    expect(slideTitle({ kind: 'place', placeKey: 'VNM' }, zh)).toBe('越南');
    expect(slideTitle({ kind: 'theme', themeId: 'drug_control', placeKeys: [] }, zh)).toBe(
      legend.find((e) => e.id === 'drug_control')!.label_zh,
    );
    expect(slideTitle({ kind: 'listed', placeKeys: [] }, zh)).toBe('亦来函祝贺');
    expect(slideTitle({ kind: 'listed', placeKeys: [] }, { ...zh, legend: [] })).toBe('亦来函祝贺');
  });

  it('tells the map what to select and filter', () => {
    expect(slideView({ kind: 'title' })).toEqual({ placeKey: null, legendIds: [], placeKeys: [] });
    expect(slideView({ kind: 'place', placeKey: 'VNM' })).toEqual({ placeKey: 'VNM', legendIds: [], placeKeys: ['VNM'] });
    expect(slideView({ kind: 'theme', themeId: 'drug_control', placeKeys: ['VNM'] })).toEqual({
      placeKey: null,
      legendIds: ['drug_control'],
      placeKeys: ['VNM'],
    });
    expect(slideView({ kind: 'listed', placeKeys: ['AFG'] }).legendIds).toEqual(['listed']);
  });

  it('counts the title slide’s numbers, a country with several bodies once', () => {
    const counts = tourCounts(dataset, places);
    expect(counts.countries + counts.organisations).toBe(places.length);
    expect(counts.organisations).toBe(2);
    expect(counts.statements).toBe(dataset.senders.reduce((n, s) => n + s.statements.length, 0));
    expect(counts.officials).toBe(dataset.senders.reduce((n, s) => n + s.officials.length, 0));
  });

  it('collects the words by which a place named a theme', () => {
    const vietnam = places.find((p) => p.key === 'VNM')!;
    expect(themeEvidence(vietnam, 'drug_control')).toEqual(['drug control']);
    expect(themeEvidence(vietnam, 'goodwill')).toEqual([]);
  });
});
