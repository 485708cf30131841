// Bundle budgets (issue 7), checked by `npx size-limit` after `npm run build`
// (scripts/run-tests.mjs runs it as the "budgets" step).
//
// The first view is whatever dist/index.html loads by itself: its module
// script, the chunks it preloads and its stylesheets. Reading them from the
// built page rather than naming files keeps the budget right when Vite
// renames a hashed chunk or splits the entry, and keeps lazily loaded chunks
// (MapLibre above all) out of it unless someone makes them static imports,
// which is exactly the growth the budget should catch.
//
// Limits: the sizes measured plus about 10% headroom (first-view JS 138.1 kB gzip
// on 2026-11-30, once zod and the schemas left the first view: the build checks the
// shipped files, src/data/build-checked-files.ts; it was 163.6 on 2026-11-29. CSS 4.7;
// map shapes 89.6; MapLibre 303.0 and its worker 148.2); README "Performance" has the
// current figures.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

const DIST = 'dist';
const html = existsSync(`${DIST}/index.html`) ? readFileSync(`${DIST}/index.html`, 'utf8') : '';
if (!html) {
  // Without a build every check would measure nothing and pass: say so instead.
  throw new Error('size-limit: dist/index.html is missing; run `npm run build` first');
}

/** Paths (relative to the project) of the files index.html loads without any script asking. */
function firstViewFiles(kind) {
  const pattern =
    kind === 'js'
      ? /<(?:script\b[^>]*\bsrc|link\b[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.m?js)"/gi
      : /<link\b[^>]*rel="stylesheet"[^>]*\bhref="\.?\/?([^"]+\.css)"/gi;
  return [...html.matchAll(pattern)].map((m) => `${DIST}/${m[1]}`);
}

/** The one hashed file whose name starts with `prefix` (a glob would silently match nothing or two). */
function chunk(prefix, ext) {
  const names = readdirSync(`${DIST}/assets`).filter((n) => n.startsWith(`${prefix}-`) && n.endsWith(ext));
  if (names.length !== 1) throw new Error(`size-limit: expected one ${prefix}-*${ext} in dist/assets, found ${names.length}`);
  return `${DIST}/assets/${names[0]}`;
}

const firstJs = firstViewFiles('js');
const firstCss = firstViewFiles('css');
if (firstJs.length === 0) throw new Error('size-limit: found no module script in dist/index.html');

export default [
  { name: 'first view: JS (entry and its static imports)', path: firstJs, gzip: true, limit: '152 kB' },
  { name: 'first view: CSS', path: firstCss, gzip: true, limit: '5.2 kB' },
  // The SVG map's pre-projected shapes; the GeoJSON comes later, with MapLibre.
  { name: 'first view: map shapes (world-shapes.json)', path: [`${DIST}/geo/world-shapes.json`], gzip: true, limit: '96 kB' },
  // The map view chunk carries MapLibre itself; it loads after the SVG first paint.
  { name: 'MapLibre chunk (lazy)', path: [chunk('map-view', '.js')], gzip: true, limit: '334 kB' },
  { name: 'MapLibre worker (lazy)', path: [chunk('maplibre-gl-worker', '.mjs')], gzip: true, limit: '163 kB' },
];
