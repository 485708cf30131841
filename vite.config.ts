import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { EMBEDDED_PATHS, replaceEmbeddedBlock, type EmbeddedPayload } from './src/data/embedded-block.ts';

/**
 * The hosted build's Content-Security-Policy (issue 5). Styles need
 * 'unsafe-inline': MapLibre and React set element styles. Workers and images
 * come from the app or from blob:/data: URLs; connect-src stays wide enough
 * for `?data=` links to datasets elsewhere.
 */
export const HOSTED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self' blob: data:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "connect-src 'self' https: data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

/**
 * The single file's policy: its one inline module script is allowed by hash
 * (filled in at build), MapLibre's worker runs from a data: URL, and nothing
 * is loaded from anywhere ('self' is the file's own directory on file://).
 */
function singleFileCsp(scriptHashes: readonly string[]): string {
  return [
    "default-src 'none'",
    `script-src ${scriptHashes.map((h) => `'${h}'`).join(' ')}`,
    'worker-src data: blob:',
    'img-src data: blob:',
    "style-src 'unsafe-inline'",
    'connect-src data: blob:',
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

function cspMeta(policy: string): string {
  return `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
}

/** Adds the hosted policy to index.html at build time (the dev server's HMR needs inline script, so it goes without). */
function hostedCsp(): Plugin {
  return {
    name: 'atlas:hosted-csp',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: (html) => html.replace(/<meta charset="UTF-8" \/>/i, (charset) => `${charset}\n    ${cspMeta(HOSTED_CSP)}`),
    },
  };
}

const SINGLE_OUT_DIR = 'dist-single';
const OFFLINE_COPY_IN_HOSTED_BUILD = 'dist/atlas-offline.html';

/**
 * After vite-plugin-singlefile has inlined script and styles: embeds the
 * dataset, article and geometry as a JSON block, inlines the favicon, adds
 * the hash-based policy, and copies the file next to the hosted build (as
 * atlas-offline.html, which "Download offline copy" fetches).
 */
function singleFileFinish(root: string): Plugin {
  return {
    name: 'atlas:single-file-finish',
    apply: 'build',
    enforce: 'post',
    writeBundle(options) {
      const outDir = options.dir ?? resolve(root, SINGLE_OUT_DIR);
      const file = resolve(outDir, 'index.html');
      let html = readFileSync(file, 'utf8');
      const read = (path: string) => readPublicText(root, path);
      const payload: EmbeddedPayload = {
        version: 1,
        initialSearch: '',
        files: {
          [EMBEDDED_PATHS.dataset]: JSON.parse(read(EMBEDDED_PATHS.dataset)) as unknown,
          [EMBEDDED_PATHS.sourceText]: read(EMBEDDED_PATHS.sourceText),
          [EMBEDDED_PATHS.worldShapes]: JSON.parse(read(EMBEDDED_PATHS.worldShapes)) as unknown,
          [EMBEDDED_PATHS.countries]: JSON.parse(read(EMBEDDED_PATHS.countries)) as unknown,
          [EMBEDDED_PATHS.borders]: JSON.parse(read(EMBEDDED_PATHS.borders)) as unknown,
        },
      };
      html = replaceEmbeddedBlock(html, payload);
      const favicon = readFileSync(resolve(root, 'public/favicon.svg'));
      html = html.replace(/href="\.\/favicon\.svg"/, () => `href="data:image/svg+xml;base64,${favicon.toString('base64')}"`);

      // The hash covers the script's text as the HTML parser hands it over; it
      // turns CR LF into LF, so a raw CR would make the hash miss.
      const hashes: string[] = [];
      for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
        const [, attributes = '', code = ''] = match;
        if (/\bsrc=/i.test(attributes) || /type=["']?application\/json/i.test(attributes)) continue;
        if (code.includes('\r')) throw new Error('single file: an inline script contains a raw CR; its CSP hash would not match');
        hashes.push(`sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}`);
      }
      if (hashes.length === 0) throw new Error('single file: no inline script found to hash');
      if (/<link\b[^>]*rel="(stylesheet|modulepreload)"/i.test(html) || /<script\b[^>]*\bsrc=/i.test(html)) {
        throw new Error('single file: something is still loaded from a separate file');
      }
      html = html.replace(/<meta charset="UTF-8" \/>/i, (charset) => `${charset}\n    ${cspMeta(singleFileCsp(hashes))}`);
      writeFileSync(file, html);
      if (existsSync(resolve(root, 'dist'))) copyFileSync(file, resolve(root, OFFLINE_COPY_IN_HOSTED_BUILD));
    },
  };
}

/** A file under public/, decoded as the app decodes a download (UTF-8, a byte-order mark dropped). */
function readPublicText(root: string, path: string): string {
  return new TextDecoder('utf-8').decode(readFileSync(resolve(root, 'public', path)));
}

/**
 * The shipped dataset's title in both languages, for the header painted while
 * the dataset loads (the first view's largest text, which would otherwise wait
 * for the dataset to download and be validated).
 */
function shippedDatasetTitle(root: string): { title: string; title_zh: string | null } {
  const dataset = JSON.parse(readPublicText(root, EMBEDDED_PATHS.dataset)) as { title?: unknown; title_zh?: unknown };
  if (typeof dataset.title !== 'string') throw new Error(`public/${EMBEDDED_PATHS.dataset}: no title`);
  return { title: dataset.title, title_zh: typeof dataset.title_zh === 'string' ? dataset.title_zh : null };
}

/**
 * The shipped dataset and map shapes, checked once by the build with the app's
 * own schemas (scripts/check-prepared-files.ts): their SHA-256 digests, which
 * let the app use those very bytes without checking them again
 * (src/data/build-checked-files.ts). Only for the hosted build: the dev server
 * serves files that may change while it runs, the tests check what they load,
 * and the offline single file may carry another dataset.
 */
function buildCheckedFiles(root: string): Record<string, string> {
  const output = execFileSync(process.execPath, ['--import', 'tsx', resolve(root, 'scripts/check-prepared-files.ts'), resolve(root, 'public')], {
    cwd: root,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (output.trim() === '') throw new Error('scripts/check-prepared-files.ts printed no digests');
  return JSON.parse(output) as Record<string, string>;
}

export default defineConfig(({ command, mode }) => {
  const single = mode === 'single';
  const root = import.meta.dirname;
  return {
    define: {
      __SHIPPED_DATASET_TITLE__: JSON.stringify(shippedDatasetTitle(root)),
      __BUILD_CHECKED_FILES__: JSON.stringify(command === 'build' && !single ? buildCheckedFiles(root) : {}),
    },
    plugins: single ? [react(), viteSingleFile(), singleFileFinish(root)] : [react(), hostedCsp()],
    base: './',
    // The single file carries its data inside (singleFileFinish); public/ is not copied beside it.
    publicDir: single ? false : 'public',
    build: single
      ? { target: 'es2022', sourcemap: false, outDir: SINGLE_OUT_DIR, emptyOutDir: true }
      : { target: 'es2022', sourcemap: false },
    test: {
      environment: 'jsdom',
      include: ['tests/unit/**/*.test.{ts,tsx}'],
      setupFiles: ['tests/unit/setup.ts'],
      // Threads start faster than forked processes; the suite shares nothing between files.
      // Both cores: the default leaves one idle on a two-core machine (about 60 s → 42 s here).
      pool: 'threads',
      maxWorkers: 2,
    },
  };
});
