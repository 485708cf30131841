/**
 * Where a page load spends its main-thread time: loads a URL of the served
 * bench build in headless Chromium with the CPU profiler on, until MapLibre
 * has rendered, and prints the functions with the most self time (by
 * function and file) — the diagnosis behind the bench's load figures.
 *
 *   npx tsx scripts/bench/profile-load.ts [--large]
 *
 * Expects the builds and the large dataset from a previous `npm run bench`.
 * DIST=<folder> profiles another build, e.g. one made with `npx vite build
 * --minify false --outDir .tmp/dist-unminified` to read function names.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config.ts';
import { LARGE_DATASET_FILE } from './large-dataset.ts';
import { installLoadProbe } from './page-probes.ts';
import { startStaticServer } from './static-server.ts';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const { values } = parseArgs({ options: { large: { type: 'boolean', default: false } } });
const ROOT = process.cwd();
const OUT = join(ROOT, '.tmp/bench');
const server = await startStaticServer(4313, { '/': join(ROOT, process.env.DIST ?? 'dist'), '/large/': join(OUT, 'large') });
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  // tsx keeps function names with an `__name` helper that the page does not have.
  await page.addInitScript('globalThis.__name ??= (fn) => fn;');
  await page.addInitScript(installLoadProbe);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const search = values.large ? `?data=${encodeURIComponent(`/large/${LARGE_DATASET_FILE}`)}` : '';
  await page.goto(`${server.origin}/${search}`);
  await page.waitForFunction(() => window.__benchLoad?.maplibreRendered !== undefined, null, { timeout: 120_000 });
  const marks = await page.evaluate(() => window.__benchLoad);
  const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
  const file = join(OUT, `load${values.large ? '-large' : ''}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));

  // Self time per function: each sample's time goes to the node it was taken in.
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const where = frame.url ? `${frame.url.split('/').pop()}:${frame.lineNumber + 1}` : '(native)';
    const key = `${frame.functionName || '(anonymous)'} ${where}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  console.log('marks (ms from navigation):', marks);
  for (const [key, time] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${time.toFixed(0).padStart(7)} ms  ${key}`);
  console.log(`profile: ${file} (open in Chromium's DevTools, Performance panel)`);
} finally {
  await browser.close();
  await server.close();
}
