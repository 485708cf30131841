/**
 * Regenerates public/geo/countries.geojson and public/geo/borders.geojson from
 * world-atlas's Natural Earth 50m countries, and from those two the SVG map's
 * pre-projected public/geo/world-shapes.json. Run: npm run geometry
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Topology } from 'topojson-specification';
import { prepareGeometry, serializeFeatureCollection } from './geometry/prepare-countries.ts';
import { worldShapes } from './geometry/world-shapes.ts';

const root = process.cwd();
const source = join(root, 'node_modules/world-atlas/countries-50m.json');
const outDir = join(root, 'public/geo');

const topology = JSON.parse(readFileSync(source, 'utf8')) as Topology;
const started = performance.now();
const { countries, borders } = prepareGeometry(topology);
const elapsed = Math.round(performance.now() - started);

mkdirSync(outDir, { recursive: true });
const written = new Map<string, string>();
const write = (file: string, text: string) => {
  written.set(file, text);
  writeFileSync(join(outDir, file), text);
  const raw = Buffer.byteLength(text);
  const gzip = gzipSync(text, { level: 9 }).length;
  console.log(`public/geo/${file}: ${(raw / 1024).toFixed(1)} KB raw, ${(gzip / 1024).toFixed(1)} KB gzip`);
};
write('countries.geojson', serializeFeatureCollection(countries));
write('borders.geojson', serializeFeatureCollection(borders));
// From the files as written (rounded), so the SVG map draws exactly what MapLibre draws.
write(
  'world-shapes.json',
  JSON.stringify(
    worldShapes(
      JSON.parse(written.get('countries.geojson')!) as typeof countries,
      JSON.parse(written.get('borders.geojson')!) as typeof borders,
    ),
  ),
);
const withoutIso = countries.features.filter((f) => f.properties.iso3 === null).map((f) => f.properties.name);
console.log(`${countries.features.length} countries (${elapsed} ms); without ISO code: ${withoutIso.join(', ')}`);
