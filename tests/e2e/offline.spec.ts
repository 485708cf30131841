/**
 * The offline single file (issue 4) and the Content-Security-Policy (issues 4
 * and 5): the file opened from file:// with every network request refused
 * renders the map and opens deep links; a copy with another dataset and view
 * does too; neither the single file nor the hosted build reports a CSP
 * violation. Build first: `npm run build` (it writes dist/ and dist-single/).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext, Page } from '@playwright/test';
import { AtlasDriver, expect, test } from './atlas-driver';
import { test as base } from '@playwright/test';
import { buildOfflineCopy, OFFLINE_COPY_FILENAME } from '../../src/features/offline/offline-copy';
import { readEmbeddedBlock } from '../../src/data/embedded-block';
import type { Dataset } from '../../src/domain/dataset-schema';

const SINGLE_FILE = join(process.cwd(), 'dist-single', 'index.html');
const VIETNAM = 'vnm-ministry-of-public-security';

declare global {
  interface Window {
    __cspViolations?: string[];
  }
}

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordCspViolations(page: Page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => window.__cspViolations ?? []);
}

/** No network at all: only the file itself and the data:/blob: URLs it makes may load. */
async function goOffline(context: BrowserContext, refused: string[]) {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    refused.push(url);
    return route.abort('internetdisconnected');
  });
  await context.setOffline(true);
}

/** A page opened from file://, offline, that fails the test on any error, refused request or CSP violation. */
const offline = base.extend<{ atlas: AtlasDriver }>({
  // Automatic: every test in this group runs offline and checked, even one that only uses `page`.
  atlas: [
    async ({ page, context }, provide) => {
      const problems: string[] = [];
      const refused: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
      });
      page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
      await recordCspViolations(page);
      await goOffline(context, refused);
      await provide(new AtlasDriver(page));
      expect(refused, 'requests that needed the network').toEqual([]);
      expect(problems, 'console or page errors').toEqual([]);
      expect(await cspViolations(page), 'CSP violations').toEqual([]);
    },
    { auto: true },
  ],
});

/** MapLibre has drawn at least `min` country shapes (a zoomed-in view shows fewer than the world view's 100+). */
async function waitForShapes(page: Page, min: number) {
  await page.waitForFunction(
    (least) => {
      const map = window.__atlasMap as { loaded(): boolean; queryRenderedFeatures(o: object): unknown[] } | undefined;
      return Boolean(map && map.loaded() && map.queryRenderedFeatures({ layers: ['country-fill'] }).length >= least);
    },
    min,
    { timeout: 90_000, polling: 250 },
  );
}

function fileUrl(path: string, search = ''): string {
  return `${pathToFileURL(path).href}${search}`;
}

offline.describe('the offline single file, opened from file:// with the network off', () => {
  // Parsing 3 MB of HTML and starting MapLibre from a data: URL takes a while on a busy machine.
  offline.describe.configure({ timeout: 120_000 });

  offline('renders the map', async ({ atlas }) => {
    const { page } = atlas;
    await page.goto(fileUrl(SINGLE_FILE));
    await waitForShapes(page, 100);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Police');
    // The script runs under the file's own policy, with a hash, not 'unsafe-inline'.
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toMatch(/script-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(policy).not.toContain('unsafe-inline\' \'sha');
  });

  offline('a deep link opens the panel, with the article inside the file', async ({ atlas, page }) => {
    await page.goto(fileUrl(SINGLE_FILE, `?sender=${VIETNAM}`));
    const panel = atlas.panel();
    await expect(panel.getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    await expect(panel).toContainText('Member of Political Bureau of the Central Committee of the Communist Party of Vietnam');
    await panel.getByRole('button', { name: 'In the source' }).first().click();
    await expect(panel.locator('.statement__context').first()).toContainText('To Lam');
    await waitForShapes(page, 3);
  });

  offline('loads the tour from inside the file (lazy parts are inlined)', async ({ page }) => {
    await page.goto(fileUrl(SINGLE_FILE, '?mode=present&slide=2'));
    await expect(page.getByRole('progressbar', { name: 'Tour progress' })).toBeVisible();
    await expect(page.getByLabel(/^2 of \d+: /)).toBeVisible();
    await waitForShapes(page, 3);
  });

  offline('a copy with another dataset and view opens with them', async ({ atlas, page }, testInfo) => {
    const template = readFileSync(SINGLE_FILE, 'utf8');
    const shipped = readEmbeddedBlock(template)!;
    const dataset = structuredClone(shipped.files['data/atlas.json']) as Dataset;
    dataset.title = 'Copy test </script><script>window.__pwned = 1</script> atlas';
    const copy = buildOfflineCopy(template, {
      dataset,
      sourceText: shipped.files['data/source/article.txt'] as string,
      search: `?sender=${VIETNAM}&data=https%3A%2F%2Fexample.org%2Fother.json`,
    });
    const dir = testInfo.outputPath('copy');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, OFFLINE_COPY_FILENAME);
    writeFileSync(file, copy);
    await page.goto(fileUrl(file));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(dataset.title);
    expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
    await expect(page).toHaveURL(new RegExp(`sender=${VIETNAM}`));
    await expect(page).not.toHaveURL(/data=/);
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    await waitForShapes(page, 3);
  });
});

test.describe('the hosted build', () => {
  test.describe.configure({ timeout: 120_000 });

  test('carries its CSP and reports no violation while loading and opening a panel', async ({ atlas, page }) => {
    await recordCspViolations(page);
    await atlas.open();
    const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    await atlas.waitForMap();
    await atlas.clickCountry('VNM');
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    expect(await cspViolations(page)).toEqual([]);
  });

  test('serves the single file next to itself, for download', async ({ page }) => {
    const response = await page.request.get('./atlas-offline.html');
    expect(response.ok()).toBe(true);
    const html = await response.text();
    expect(readEmbeddedBlock(html)?.files['geo/world-shapes.json']).toBeTruthy();
    expect(readEmbeddedBlock(html)?.files['geo/countries.geojson']).toBeTruthy();
  });

  test('"Download offline copy" saves a file that opens offline with the same view', async ({ atlas, page, browser }, testInfo) => {
    await atlas.open(`?sender=${VIETNAM}&themes=drug_control`);
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    let button = page.getByRole('button', { name: 'Download offline copy' });
    if (!(await button.isVisible())) {
      // Offered in the About dialog when the header has no room for it.
      await page.getByRole('button', { name: /About/ }).click();
      button = page.getByRole('dialog').getByRole('button', { name: 'Download offline copy' });
    }
    await expect(button, 'a "Download offline copy" button in the header or the About dialog').toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    expect(download.suggestedFilename()).toBe(OFFLINE_COPY_FILENAME);
    const file = testInfo.outputPath(OFFLINE_COPY_FILENAME);
    await download.saveAs(file);

    const context = await browser.newContext();
    const refused: string[] = [];
    await goOffline(context, refused);
    const copyPage = await context.newPage();
    const errors: string[] = [];
    copyPage.on('pageerror', (error) => errors.push(error.message));
    await recordCspViolations(copyPage);
    await copyPage.goto(fileUrl(file));
    const copy = new AtlasDriver(copyPage);
    await expect(copy.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    await expect(copyPage).toHaveURL(/themes=drug_control/);
    await waitForShapes(copyPage, 3);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    expect(await cspViolations(copyPage)).toEqual([]);
    await context.close();
  });
});
