/**
 * `npm run bench`: the atlas beside a plain MapLibre page (bench/plain/), in
 * one run, in headless Chromium (issue 7).
 *
 * 1. Builds the atlas (hosted build) and the plain page, and generates the
 *    large dataset (scripts/bench/large-dataset.ts).
 * 2. Serves them with gzip (scripts/bench/static-server.ts) on 127.0.0.1.
 * 3. Visits, in rotating order so neither page always goes first on a warm
 *    machine: the atlas, the plain page, and the atlas with the large dataset;
 *    each visit in a fresh browser context (empty cache), measuring load,
 *    bytes, heap, click → panel, theme toggle → repaint and the list view.
 * 4. Runs Lighthouse 12.2.3 (mobile and desktop presets) on both pages.
 * 5. Prints medians and ratios as Markdown, and issue 7's targets met or
 *    missed in this run (issue-targets.ts), and writes .tmp/bench/latest.md
 *    (and the raw samples as latest.json).
 *
 * Options: --runs N (visits per page, default 5), --lighthouse-runs N
 * (default 3, 0 to skip), --no-build (reuse dist/ and the plain build).
 * Ports 4310–4320 stay clear of the e2e server (4173).
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser, type Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { LARGE_DATASET_FILE, writeLargeDataset, type LargeDatasetInfo } from './large-dataset.ts';
import {
  countryClickPoint,
  armClickToList,
  armClickToPanel,
  armedResult,
  armToggleToRepaint,
  installLoadProbe,
  measureListScroll,
  type LoadMarks,
} from './page-probes.ts';
import { checkTargets, targetsTable, type LighthouseFigures } from './issue-targets.ts';
import { startStaticServer } from './static-server.ts';

const ROOT = process.cwd();
const OUT = join(ROOT, '.tmp/bench');
const PORT = 4310;
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const VIEWPORT = { width: 1280, height: 800 };
/** Countries clicked in each visit: senders in both datasets, and left of where the panel opens (a place under the panel makes the atlas move its camera). */
const CLICK_COUNTRIES = ['BRA', 'USA', 'NGA'];
const THEME = 'drug_control';

const { values: options } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    'lighthouse-runs': { type: 'string', default: '3' },
    'no-build': { type: 'boolean', default: false },
  },
});
const RUNS = Number(options.runs);
const LH_RUNS = Number(options['lighthouse-runs']);

type Variant = 'atlas' | 'plain' | 'large';
interface Visit {
  firstColouredMap: number;
  maplibreRendered: number;
  jsBytes: number;
  dataBytes: number;
  cssBytes: number;
  heapBytes: number;
  clickToPanel: number[];
  clickToPanelInDom: number[];
  toggleToRepaint: number[];
  listOpen?: number;
  listScrollFrame?: number[];
  listRows?: number;
}
interface LighthouseRun {
  performance: number;
  lcp: number;
  tbt: number;
  accessibility: number;
  bestPractices: number;
}

const tmp = join(OUT, 'tmp');
mkdirSync(tmp, { recursive: true });
// Browser profiles and Lighthouse's temporary files stay inside the project.
const env = { ...process.env, TMPDIR: tmp };

function run(command: string, args: string[]) {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

async function visit(browser: Browser, url: string, variant: Variant): Promise<Visit> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const bytes = { js: 0, data: 0, css: 0 };
  const counting = { on: true };
  context.on('requestfinished', (request) => {
    void request.sizes().then((sizes) => {
      if (!counting.on) return;
      const path = new URL(request.url()).pathname;
      if (/\.m?js$/.test(path)) bytes.js += sizes.responseBodySize;
      else if (/\.(json|geojson|txt)$/.test(path)) bytes.data += sizes.responseBodySize;
      else if (path.endsWith('.css')) bytes.css += sizes.responseBodySize;
    });
  });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  // tsx keeps function names with an `__name` helper that the page does not have.
  await page.addInitScript('globalThis.__name ??= (fn) => fn;');
  await page.addInitScript(installLoadProbe);
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.__benchLoad?.maplibreRendered !== undefined, null, { timeout: 120_000 });
    const marks = (await page.evaluate(() => window.__benchLoad)) as Required<LoadMarks>;
    // Let what loads after the map (borders, source text, idle work) finish before bytes and heap are read.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(1000);
    counting.on = false;
    const cdp = await context.newCDPSession(page);
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    await cdp.detach();

    const result: Visit = {
      firstColouredMap: marks.firstColouredMap,
      maplibreRendered: marks.maplibreRendered,
      jsBytes: bytes.js,
      dataBytes: bytes.data,
      cssBytes: bytes.css,
      heapBytes: heap.usedSize,
      clickToPanel: [],
      clickToPanelInDom: [],
      toggleToRepaint: [],
    };

    for (const iso3 of CLICK_COUNTRIES) {
      await settle(page);
      const point = await page.evaluate(countryClickPoint, iso3);
      if (!point) throw new Error(`${variant}: no clickable point in ${iso3}`);
      // Point, then click, as a person does: the pointer arriving draws the atlas's hover
      // outline (a WebGL frame), which a click sent in the same instant would wait behind.
      await page.mouse.move(point.x, point.y);
      await settle(page);
      const before = await page.evaluate(() => document.querySelector('[data-testid="sender-panel"]')?.textContent?.trim() ?? null);
      await page.evaluate(armClickToPanel, before);
      await page.mouse.click(point.x, point.y);
      result.clickToPanel.push(await page.evaluate(armedResult));
      const inDom = await page.evaluate(() => window.__benchPanelInDom);
      if (inDom === undefined) throw new Error(`${variant}: the panel's text was painted but never seen in the DOM`);
      result.clickToPanelInDom.push(inDom);
      // The atlas closes its panel with Esc (and may have moved the camera to show the place).
      if (variant !== 'plain') {
        await page.keyboard.press('Escape');
        await page.locator('[data-testid="sender-panel"]').waitFor({ state: 'detached' });
      }
    }

    // On, then off again: two repaints per visit.
    // The pointer rests on the toggle before the click, as for the map clicks above: sent in
    // one go, the pointer leaving the map (which clears the atlas's hover outline, a WebGL
    // frame) and Playwright's own checks on the target land inside the measured click. The
    // toggle is found again for each click: the legend's hint above it changes with the filter.
    const toggle = page.locator(`[data-legend-id="${THEME}"]`).first();
    for (let i = 0; i < 2; i++) {
      const box = await toggle.boundingBox();
      if (!box) throw new Error(`${variant}: the legend toggle "${THEME}" is not on screen`);
      const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
      await page.mouse.move(centre.x, centre.y);
      await settle(page);
      const pressed = await toggle.getAttribute('aria-pressed');
      await page.evaluate(armToggleToRepaint);
      await page.mouse.click(centre.x, centre.y);
      result.toggleToRepaint.push(await page.evaluate(armedResult));
      if ((await toggle.getAttribute('aria-pressed')) === pressed) {
        throw new Error(`${variant}: the click did not toggle "${THEME}" (aria-pressed stayed ${pressed})`);
      }
    }

    if (variant !== 'plain') {
      await settle(page);
      await page.evaluate(armClickToList);
      await page.getByRole('button', { name: /list view/i }).click();
      result.listOpen = await page.evaluate(armedResult);
      // A long table draws a screenful first and its other rows a frame later: the scroll is
      // timed on the whole table, once it holds as many rows as its summary says.
      await page.waitForFunction(
        () => {
          const total = /all ([\d,]+) places/.exec(document.querySelector('.places-table__summary')?.textContent ?? '')?.[1];
          const rows = document.querySelectorAll('.places-table__scroll tbody tr').length;
          return total !== undefined && rows === Number(total.replace(/,/g, ''));
        },
        null,
        { timeout: 30_000 },
      );
      await settle(page);
      const scroll = await page.evaluate(measureListScroll, 20);
      result.listScrollFrame = scroll.frames;
      result.listRows = scroll.rows;
    }
    if (problems.length) throw new Error(`${variant}: page errors: ${problems.join('; ')}`);
    return result;
  } finally {
    await context.close();
  }
}

/** Waits until the map's camera rests and two frames have passed (an app-made move after a selection, say). */
async function settle(page: Page) {
  await page.waitForFunction(() => !(window.__atlasMap as { isMoving(): boolean } | undefined)?.isMoving(), null, {
    timeout: 15_000,
  });
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(200);
}

async function lighthouse(url: string, preset: 'mobile' | 'desktop', file: string): Promise<LighthouseRun> {
  const flags = ['--headless=new', ...CHROMIUM_ARGS];
  // Chrome refuses to start as root with its sandbox on (Playwright adds this flag itself).
  if (process.getuid?.() === 0) flags.push('--no-sandbox');
  const args = [
    'lighthouse',
    url,
    '--quiet',
    '--output=json',
    `--output-path=${file}`,
    '--only-categories=performance,accessibility,best-practices',
    `--chrome-flags=${flags.join(' ')}`,
    ...(preset === 'desktop' ? ['--preset=desktop'] : []),
  ];
  await new Promise<void>((resolve, reject) => {
    // Asynchronous: the static server runs in this process and must keep answering.
    const child = spawn('npx', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...env, CHROME_PATH: CHROME } });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}`))));
  });
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    categories: Record<string, { score: number | null }>;
    audits: Record<string, { numericValue?: number }>;
    runtimeError?: { message: string };
  };
  if (report.runtimeError) throw new Error(`lighthouse: ${report.runtimeError.message}`);
  const score = (id: string) => Math.round((report.categories[id]?.score ?? NaN) * 100);
  return {
    performance: score('performance'),
    lcp: report.audits['largest-contentful-paint']?.numericValue ?? NaN,
    tbt: report.audits['total-blocking-time']?.numericValue ?? NaN,
    accessibility: score('accessibility'),
    bestPractices: score('best-practices'),
  };
}

// ---- formatting ----
const ms = (v: number) => (Number.isFinite(v) ? `${Math.round(v)} ms` : '–');
const s = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(2)} s` : '–');
const kb = (v: number) => (Number.isFinite(v) ? `${(v / 1000).toFixed(1)} kB` : '–');
const mb = (v: number) => (Number.isFinite(v) ? `${(v / 1e6).toFixed(1)} MB` : '–');
const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b !== 0 ? `${(a / b).toFixed(2)}×` : '–');
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;

async function main() {
  if (!options['no-build']) {
    run('npx', ['vite', 'build', '--logLevel', 'warn']);
    run('npx', ['vite', 'build', '--config', 'bench/plain/vite.config.ts']);
  }
  console.log('generating the large dataset…');
  const large: LargeDatasetInfo = writeLargeDataset(ROOT, join(OUT, 'large'));

  const server = await startStaticServer(PORT, {
    '/': join(ROOT, 'dist'),
    '/plain/': join(OUT, 'plain'),
    '/large/': join(OUT, 'large'),
  });
  const urls: Record<Variant, string> = {
    atlas: `${server.origin}/`,
    plain: `${server.origin}/plain/`,
    large: `${server.origin}/?data=${encodeURIComponent(`/large/${LARGE_DATASET_FILE}`)}`,
  };
  const visits: Record<Variant, Visit[]> = { atlas: [], plain: [], large: [] };
  const lighthouseRuns: Record<string, LighthouseRun[]> = {};
  try {
    const browser = await chromium.launch({ executablePath: CHROME, args: CHROMIUM_ARGS });
    try {
      const order: Variant[] = ['atlas', 'plain', 'large'];
      for (let i = 0; i < RUNS; i++) {
        // Rotate which page goes first, so no page always meets a cold (or warm) machine.
        const round = [...order.slice(i % 3), ...order.slice(0, i % 3)];
        for (const variant of round) {
          const v = await visit(browser, urls[variant], variant);
          visits[variant].push(v);
          console.log(
            `run ${i + 1}/${RUNS} ${variant}: coloured map ${ms(v.firstColouredMap)}, MapLibre ${ms(v.maplibreRendered)}, ` +
              `click→panel ${v.clickToPanel.map(ms).join('/')}, toggle→repaint ${v.toggleToRepaint.map(ms).join('/')}` +
              (v.listOpen !== undefined ? `, list ${ms(v.listOpen)}` : ''),
          );
        }
      }
    } finally {
      await browser.close();
    }

    // Lighthouse after the browser has closed, alternating pages within each run.
    mkdirSync(join(OUT, 'lighthouse'), { recursive: true });
    for (let i = 0; i < LH_RUNS; i++) {
      for (const preset of ['mobile', 'desktop'] as const) {
        for (const variant of ['atlas', 'plain'] as const) {
          const key = `${variant}-${preset}`;
          const result = await lighthouse(urls[variant], preset, join(OUT, 'lighthouse', `${key}-${i + 1}.json`));
          (lighthouseRuns[key] ??= []).push(result);
          console.log(`lighthouse ${i + 1}/${LH_RUNS} ${key}: ${result.performance} (LCP ${s(result.lcp)}, TBT ${ms(result.tbt)})`);
        }
      }
    }
  } finally {
    await server.close();
  }

  const med = (variant: Variant, pick: (v: Visit) => number | number[] | undefined) =>
    median(visits[variant].flatMap((v) => pick(v) ?? []));
  const lines: string[] = [];
  const date = new Date().toISOString().slice(0, 10);
  const chromiumVersion = spawnSync(CHROME, ['--version'], { encoding: 'utf8' }).stdout.trim();
  lines.push(
    `Measured ${date} on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GB, ` +
      `Node ${process.version}, ${chromiumVersion} headless (WebGL in software, SwiftShader), ${VIEWPORT.width}×${VIEWPORT.height}. ` +
      `Medians of ${RUNS} visits per page (clicks: ${CLICK_COUNTRIES.length} per visit, toggles: 2 per visit), each in a fresh browser context; ` +
      `Lighthouse medians of ${LH_RUNS} runs. Served by scripts/bench/static-server.ts with gzip.`,
    '',
    row(['', 'atlas', 'plain MapLibre page', 'atlas / plain']),
    row(['---', '---:', '---:', '---:']),
  );
  const pair = (label: string, pick: (v: Visit) => number | number[] | undefined, format: (v: number) => string) => {
    const a = med('atlas', pick);
    const p = med('plain', pick);
    lines.push(row([label, format(a), format(p), ratio(a, p)]));
  };
  pair('navigation → first coloured map', (v) => v.firstColouredMap, ms);
  pair('navigation → MapLibre map rendered', (v) => v.maplibreRendered, ms);
  const firstVsPlain = med('atlas', (v) => v.firstColouredMap) / med('plain', (v) => v.maplibreRendered);
  lines.push(row(['first coloured map (atlas) / rendered map (plain)', '', '', `${firstVsPlain.toFixed(2)}×`]));
  pair('click → panel text visible', (v) => v.clickToPanel, ms);
  pair('click → panel text in the DOM (the page\'s own work, before the frame)', (v) => v.clickToPanelInDom, ms);
  pair('theme toggle → map repainted', (v) => v.toggleToRepaint, ms);
  pair('JS transferred (gzip)', (v) => v.jsBytes, kb);
  pair('data transferred (gzip)', (v) => v.dataBytes, kb);
  pair('CSS transferred (gzip)', (v) => v.cssBytes, kb);
  pair('JS heap after load (page, after GC)', (v) => v.heapBytes, mb);
  const lh = (key: string, pick: (r: LighthouseRun) => number) => median((lighthouseRuns[key] ?? []).map(pick));
  for (const preset of ['mobile', 'desktop'] as const) {
    const a = `atlas-${preset}`;
    const p = `plain-${preset}`;
    const lhRow = (label: string, pick: (r: LighthouseRun) => number, format: (v: number) => string) =>
      lines.push(row([`Lighthouse ${preset}: ${label}`, format(lh(a, pick)), format(lh(p, pick)), ratio(lh(a, pick), lh(p, pick))]));
    const score = (v: number) => (Number.isFinite(v) ? String(Math.round(v)) : '–');
    lhRow('performance', (r) => r.performance, score);
    lhRow('LCP', (r) => r.lcp, s);
    lhRow('TBT', (r) => r.tbt, ms);
    lhRow('accessibility', (r) => r.accessibility, score);
    lhRow('best practices', (r) => r.bestPractices, score);
  }

  lines.push(
    '',
    `Large dataset: ${large.bodies.toLocaleString('en')} bodies in ${large.countries} countries (every country with a shape but the recipient), ` +
      `${large.statements.toLocaleString('en')} statements; ${mb(large.datasetBytes)} JSON and a ${mb(large.sourceBytes)} source text, ` +
      'loaded with `?data=` and validated by the app as any dataset is.',
    '',
    row(['atlas', 'shipped dataset', 'large dataset', 'large / shipped']),
    row(['---', '---:', '---:', '---:']),
  );
  const scale = (label: string, pick: (v: Visit) => number | number[] | undefined, format: (v: number) => string) => {
    const a = med('atlas', pick);
    const l = med('large', pick);
    lines.push(row([label, format(a), format(l), ratio(l, a)]));
  };
  scale('load → first coloured map', (v) => v.firstColouredMap, ms);
  scale('load → MapLibre map rendered', (v) => v.maplibreRendered, ms);
  scale('filter toggle → map repainted', (v) => v.toggleToRepaint, ms);
  scale('click → panel text visible', (v) => v.clickToPanel, ms);
  scale('click → panel text in the DOM', (v) => v.clickToPanelInDom, ms);
  scale('"List view" click → rows visible', (v) => v.listOpen, ms);
  scale('list view scroll: one step → painted frame', (v) => v.listScrollFrame, ms);
  scale('list rows', (v) => v.listRows, (v) => String(v));
  scale('data transferred (gzip)', (v) => v.dataBytes, kb);
  scale('JS heap after load', (v) => v.heapBytes, mb);

  const lighthouseFigures = (key: string): LighthouseFigures => ({
    performance: lh(key, (r) => r.performance),
    lcpMs: lh(key, (r) => r.lcp),
    tbtMs: lh(key, (r) => r.tbt),
    accessibility: lh(key, (r) => r.accessibility),
    bestPractices: lh(key, (r) => r.bestPractices),
  });
  const targets = checkTargets({
    lighthouseMobile: lighthouseFigures('atlas-mobile'),
    lighthouseDesktop: lighthouseFigures('atlas-desktop'),
    firstColouredMapMs: med('atlas', (v) => v.firstColouredMap),
    plainRenderedMapMs: med('plain', (v) => v.maplibreRendered),
    largeFirstColouredMapMs: med('large', (v) => v.firstColouredMap),
    largeClickToPanelMs: med('large', (v) => v.clickToPanel),
    largeToggleToRepaintMs: med('large', (v) => v.toggleToRepaint),
    plainToggleToRepaintMs: med('plain', (v) => v.toggleToRepaint),
  });
  lines.push('', targetsTable(targets));

  const table = `${lines.join('\n')}\n`;
  console.log(`\n${table}`);
  writeFileSync(join(OUT, 'latest.md'), table);
  writeFileSync(join(OUT, 'latest.json'), `${JSON.stringify({ date, large, visits, lighthouse: lighthouseRuns }, null, 2)}\n`);
  console.log(`written: ${join(OUT, 'latest.md')}, latest.json`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
