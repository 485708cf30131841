// @vitest-environment node
/**
 * The SVG map's pre-projected shapes (public/geo/world-shapes.json): made by
 * `npm run geometry` from the same GeoJSON MapLibre draws, so they must be
 * exactly what the generator makes of the committed files, and land on the
 * same pixels as projecting the GeoJSON would.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { geoPath } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import type { Borders, Countries } from '../../src/data/get-countries';
import { WORLD_SHAPES_ZOOM } from '../../src/data/get-world-shapes';
import { worldShapesSchema } from '../../src/data/world-shapes-schema';
import { countryShapeOf } from '../../src/domain/map-model';
import { mercatorTransform } from '../../src/domain/world-view';
import { worldShapes } from '../../scripts/geometry/world-shapes';

const root = process.cwd();
const text = readFileSync(join(root, 'public/geo/world-shapes.json'), 'utf8');
const shapes = worldShapesSchema.parse(JSON.parse(text));
const countries = JSON.parse(readFileSync(join(root, 'public/geo/countries.geojson'), 'utf8')) as Countries;
const borders = JSON.parse(readFileSync(join(root, 'public/geo/borders.geojson'), 'utf8')) as Borders;

/** The rings of SVG path data as absolute points (M, l with implicit repeats, z). */
function rings(d: string): [number, number][][] {
  const out: [number, number][][] = [];
  const tokens = d.match(/[Mlz]|-?\d+/g) ?? [];
  let ring: [number, number][] = [];
  let command = '';
  let x = 0;
  let y = 0;
  for (let i = 0; i < tokens.length; ) {
    const token = tokens[i]!;
    if (token === 'M' || token === 'l' || token === 'z') {
      command = token;
      i += 1;
      if (token === 'z') {
        out.push(ring);
        ring = [];
      }
      continue;
    }
    const a = Number(tokens[i]);
    const b = Number(tokens[i + 1]);
    i += 2;
    if (command === 'M') [x, y] = [a, b];
    else [x, y] = [x + a, y + b];
    ring.push([x, y]);
  }
  if (ring.length) out.push(ring);
  return out;
}

/** Every point d3 passes to a path context for the GeoJSON, projected at the shapes' zoom. */
function projectedPoints(feature: Countries['features'][number]): [number, number][] {
  const points: [number, number][] = [];
  const context = { moveTo: (x: number, y: number) => points.push([x, y]), lineTo: (x: number, y: number) => points.push([x, y]), closePath() {}, arc() {} };
  geoPath(mercatorTransform(shapes.zoom), context as unknown as CanvasRenderingContext2D)(feature);
  return points;
}

describe('public/geo/world-shapes.json', () => {
  it('is what the generator makes of the committed GeoJSON (run `npm run geometry` after changing it)', () => {
    expect(shapes).toEqual(worldShapes(countries, borders));
    expect(shapes.zoom).toBe(WORLD_SHAPES_ZOOM);
  });

  it('has one entry per GeoJSON shape, with its id, code, label point, box and area', () => {
    expect(shapes.countries).toHaveLength(countries.features.length);
    countries.features.forEach((feature, i) => {
      const entry = shapes.countries[i]!;
      expect(entry.id).toBe(feature.id);
      expect(entry.iso3).toBe(feature.properties.iso3);
      const measured = countryShapeOf(feature);
      expect(entry.box).toEqual(measured.box);
      // Four significant digits.
      expect(Math.abs(entry.area - measured.area) / measured.area, feature.properties.name).toBeLessThan(5e-4);
    });
  });

  it("draws each country on the pixels projecting its GeoJSON gives, to within half a pixel at the file's zoom", () => {
    for (const [i, feature] of countries.features.entries()) {
      const drawn = rings(shapes.countries[i]!.d).flat();
      const projected = projectedPoints(feature);
      expect(drawn.length, feature.properties.name).toBeGreaterThan(0);
      // Every drawn point is a projected point rounded; dropped points rounded onto their neighbour.
      const rounded = new Set(projected.map(([x, y]) => `${Math.round(x)},${Math.round(y)}`));
      for (const [x, y] of drawn) expect(rounded.has(`${x},${y}`), `${feature.properties.name} ${x},${y}`).toBe(true);
      const keptAll = new Set(drawn.map(([x, y]) => `${x},${y}`));
      for (const key of rounded) expect(keptAll.has(key), `${feature.properties.name} lost ${key}`).toBe(true);
    }
  });

  it('closes every ring and draws the borders', () => {
    for (const country of shapes.countries) {
      const closes = country.d.match(/z/g)?.length ?? 0;
      const moves = country.d.match(/M/g)?.length ?? 0;
      expect(closes, country.name).toBe(moves);
    }
    // Borders are open lines: one move each.
    expect(shapes.borders.match(/M/g)?.length ?? 0).toBeGreaterThan(100);
    expect(shapes.borders).not.toContain('z');
  });

  it('is a fraction of the GeoJSON it replaces on the first view', () => {
    const gz = (s: string) => gzipSync(s, { level: 9 }).length;
    const geojson = gz(readFileSync(join(root, 'public/geo/countries.geojson'), 'utf8')) + gz(readFileSync(join(root, 'public/geo/borders.geojson'), 'utf8'));
    expect(gz(text)).toBeLessThan(geojson / 2.5);
  });
});
