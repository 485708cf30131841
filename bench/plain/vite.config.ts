/**
 * Build of the benchmark's reference page: Vite + React + MapLibre and the
 * atlas's own country shapes, nothing else. `npm run bench` builds it into
 * .tmp/bench/plain and serves it beside the atlas.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = import.meta.dirname;
const projectRoot = resolve(here, '../..');

export default defineConfig({
  root: here,
  base: './',
  plugins: [react()],
  // Only the shapes are needed, but copying public/ keeps the path geo/countries.geojson identical to the atlas's.
  publicDir: resolve(projectRoot, 'public'),
  // MapLibre alone is over Vite's 500 kB warning; that is the point of this page, not a problem.
  build: { target: 'es2022', outDir: resolve(projectRoot, '.tmp/bench/plain'), emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  logLevel: 'warn',
});
