// @vitest-environment node
/**
 * The SVG renderer's geometry: the world view agrees with MapLibre's
 * fitBounds(WORLD_BOUNDS), and every prepared country projects to clean path data.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Countries } from '../../src/data/get-countries';
import { WORLD_BOUNDS, worldZoom } from '../../src/domain/world-view';
import {
  MAP_MIN_ZOOM,
  projectCountries,
  projectPoint,
  unprojectPoint,
  worldView,
} from '../../src/features/map/svg-map-geometry';

const countries = JSON.parse(readFileSync(join(process.cwd(), 'public/geo/countries.geojson'), 'utf8')) as Countries;

function bbox(d: string): [number, number, number, number] {
  const numbers = (d.match(/-?\d+(?:\.\d+)?/g) ?? []).map(Number);
  const xs = numbers.filter((_, i) => i % 2 === 0);
  const ys = numbers.filter((_, i) => i % 2 === 1);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe('worldView', () => {
  it.each([
    [1280, 800],
    [1024, 768],
    [1440, 1000],
  ])('at %i×%i uses worldZoom and centres WORLD_BOUNDS', (width, height) => {
    const view = worldView(width, height);
    expect(view.zoom).toBeCloseTo(worldZoom(width, height), 10);
    const [[west, south], [east, north]] = WORLD_BOUNDS;
    const [x0, y0] = projectPoint([west, north], view);
    const [x1, y1] = projectPoint([east, south], view);
    // Centred: equal margins left/right and top/bottom; one axis fills the viewport exactly.
    expect(x0).toBeCloseTo(width - x1, 6);
    expect(y0).toBeCloseTo(height - y1, 6);
    expect(Math.min(Math.abs(x0), Math.abs(y0))).toBeLessThan(1e-6);
    expect(x0).toBeGreaterThanOrEqual(-1e-6);
    expect(y0).toBeGreaterThanOrEqual(-1e-6);
    const [cx, cy] = projectPoint(view.center, view);
    expect(cx).toBeCloseTo(width / 2, 6);
    expect(cy).toBeCloseTo(height / 2, 6);
  });

  it('at 1920×1080 keeps the fit zoom but, like MapLibre without world copies, does not show past 180°E', () => {
    const view = worldView(1920, 1080);
    expect(view.zoom).toBeCloseTo(worldZoom(1920, 1080), 10);
    const [[west, south], [east, north]] = WORLD_BOUNDS;
    const [, y0] = projectPoint([west, north], view);
    const [x1, y1] = projectPoint([east, south], view);
    expect(y0).toBeCloseTo(1080 - y1, 6);
    expect(x1).toBeCloseTo(1920, 6);
  });

  it('follows MapLibre’s constraint when the fit zoom is below the minimum or the world would not cover the viewport', () => {
    const small = worldView(320, 240);
    expect(small.zoom).toBeGreaterThanOrEqual(MAP_MIN_ZOOM);
    const wide = worldView(3840, 1080);
    // renderWorldCopies: false — the world is zoomed in until it is as wide as the viewport.
    expect(512 * 2 ** wide.zoom).toBeCloseTo(3840, 6);
    expect(projectPoint([-180, 0], wide)[0]).toBeCloseTo(0, 6);
    const tall = worldView(375, 667);
    expect(512 * 2 ** tall.zoom).toBeGreaterThanOrEqual(667 - 1e-6);
    expect(projectPoint([0, 85.051129], tall)[1]).toBeLessThanOrEqual(1e-6);
  });

  it('unprojects what it projects', () => {
    const view = worldView(1280, 800);
    const [lng, lat] = unprojectPoint(projectPoint([105.8, 21.0], view), view);
    expect(lng).toBeCloseTo(105.8, 9);
    expect(lat).toBeCloseTo(21.0, 9);
  });
});

describe('projectCountries', () => {
  const projected = projectCountries(countries, 1280, 800);

  it('gives one path per feature, none with NaN, China drawn', () => {
    expect(projected).toHaveLength(countries.features.length);
    for (const country of projected) expect(country.d).not.toMatch(/NaN|Infinity/);
    const china = projected.find((c) => c.iso3 === 'CHN');
    expect(china?.d.length).toBeGreaterThan(100);
    // Not the world's complement: China's box is a fraction of the viewport.
    const [x0, y0, x1, y1] = bbox(china!.d);
    expect((x1 - x0) * (y1 - y0)).toBeLessThan(1280 * 800 * 0.1);
  });

  it('puts Vietnam’s label point inside its projected outline’s box', () => {
    const vietnam = countries.features.find((f) => f.properties.iso3 === 'VNM')!;
    const [x, y] = projectPoint(vietnam.properties.labelPoint, worldView(1280, 800));
    const [x0, y0, x1, y1] = bbox(projected.find((c) => c.iso3 === 'VNM')!.d);
    expect(x).toBeGreaterThanOrEqual(x0);
    expect(x).toBeLessThanOrEqual(x1);
    expect(y).toBeGreaterThanOrEqual(y0);
    expect(y).toBeLessThanOrEqual(y1);
  });

  it('caches per size', () => {
    expect(projectCountries(countries, 1280, 800)).toBe(projected);
    expect(projectCountries(countries, 1000, 800)).not.toBe(projected);
  });
});
