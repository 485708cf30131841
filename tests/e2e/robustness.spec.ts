/**
 * Bad input and failure, injected with request routing: missing, broken, slow
 * and invalid files end in a specific message, a retry and a working app;
 * hostile link parameters and hostile data are shown as text and run nothing.
 */
import { readFileSync } from 'node:fs';
import { expect, test as base, type Page } from '@playwright/test';
import { AtlasDriver } from './atlas-driver';

const DATASET = '**/data/atlas.json';
const ARTICLE = '**/data/source/article.txt';
const SHAPES = '**/geo/world-shapes.json';

const datasetText = readFileSync(new URL('../../public/data/atlas.json', import.meta.url), 'utf8');
interface RawDataset {
  title: string;
  senders: {
    id: string;
    name?: string;
    body: string | null;
    officials: { name: string; title: string; level?: string }[];
    statements: { text: string; offset?: number | null }[];
  }[];
}
const freshDataset = () => JSON.parse(datasetText) as RawDataset;

/**
 * As the atlas fixture (fails on console errors, page errors and other-origin
 * requests), except for the browser's own log line for a status this test
 * injected on purpose ("Failed to load resource: … 404"): that line is the
 * browser reporting the routed answer, not the app misbehaving.
 */
const test = base.extend<{ atlas: AtlasDriver; dialogs: string[] }>({
  dialogs: async ({ page }, provide) => {
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    await provide(dialogs);
    expect(dialogs, 'no dialog ever opens').toEqual([]);
  },
  atlas: async ({ page, baseURL }, provide) => {
    const problems: string[] = [];
    const origin = new URL(baseURL!).origin;
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      if (/^Failed to load resource: the server responded with a status of (404|500)/.test(message.text())) return;
      problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
    });
    await provide(new AtlasDriver(page));
    expect(problems, 'console errors, page errors or requests to other origins').toEqual([]);
  },
});

async function serveDataset(page: Page, dataset: unknown) {
  await page.route(DATASET, (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(dataset) }),
  );
}

function errorCard(page: Page) {
  return page.getByRole('alert');
}

test.describe('the dataset fails to load', () => {
  test('404: names the file and says not found; Try again after the file is back loads the atlas', async ({ atlas, page }) => {
    await page.route(DATASET, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await atlas.open();
    await expect(page.getByRole('heading', { name: 'Could not load the dataset' })).toBeVisible();
    await expect(errorCard(page)).toContainText('not found');
    await expect(errorCard(page)).toContainText('404');
    await expect(errorCard(page)).toContainText('data/atlas.json');
    await expect(page.getByRole('application'), 'nothing half-rendered').toHaveCount(0);

    await page.unroute(DATASET);
    await page.getByRole('button', { name: 'Try again' }).click();
    await atlas.waitForMap();
    await expect(page.getByRole('heading', { level: 1, name: /Congratulations from abroad/ })).toBeVisible();
    await atlas.clickCountry('VNM');
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
  });

  test("a ?data= link to a missing file offers the atlas's own dataset, with the link's selection; Back returns to the link", async ({ atlas, page }) => {
    await page.route('**/other/missing.json', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await atlas.open('?data=other/missing.json&sender=vnm-ministry-of-public-security&themes=drug_control');
    await expect(errorCard(page)).toContainText('not found');
    await expect(errorCard(page)).toContainText('other/missing.json');

    const openShipped = errorCard(page).getByRole('button', { name: /^Open “Congratulations from abroad.*” instead$/ });
    // The long title wraps inside the card.
    const [card, button] = await Promise.all([errorCard(page).boundingBox(), openShipped.boundingBox()]);
    expect(button!.x + button!.width, "the button's right edge inside the card").toBeLessThanOrEqual(card!.x + card!.width);
    await openShipped.click();
    await expect(page.getByRole('heading', { level: 1, name: /Congratulations from abroad/ })).toBeVisible();
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('data')).toBeNull();
    await expect(page.locator('[data-legend-id="drug_control"]'), "the link's filter is kept").toHaveAttribute('aria-pressed', 'true');

    await page.goBack();
    await expect(errorCard(page)).toContainText('other/missing.json');
  });

  test('500: says the server answered 500 and offers a retry', async ({ atlas, page }) => {
    await page.route(DATASET, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal error' }));
    await atlas.open();
    await expect(page.getByRole('heading', { name: 'Could not load the dataset' })).toBeVisible();
    await expect(errorCard(page)).toContainText('HTTP 500');
    await expect(errorCard(page)).toContainText('data/atlas.json');
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
  });

  test("the map shapes linked as a dataset are checked as a dataset, though the build checked those bytes as shapes", async ({ atlas, page }) => {
    await atlas.open('?data=geo/world-shapes.json');
    await expect(page.getByRole('heading', { name: 'Could not load the dataset' })).toBeVisible();
    await expect(errorCard(page)).toContainText('does not match the atlas format');
    await expect(errorCard(page)).toContainText('dataset field senders');
    await errorCard(page).getByRole('button', { name: /^Open “Congratulations from abroad.*” instead$/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: /Congratulations from abroad/ })).toBeVisible();
  });

  test('an HTML page instead of JSON: says it is an HTML page', async ({ atlas, page }) => {
    await page.route(DATASET, (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><html><body><h1>Welcome</h1></body></html>' }),
    );
    await atlas.open();
    await expect(page.getByRole('heading', { name: 'Could not load the dataset' })).toBeVisible();
    await expect(errorCard(page)).toContainText('It is an HTML page, not JSON');
    await expect(errorCard(page)).toContainText('data/atlas.json');
    await expect(page.getByText('Welcome'), 'the HTML is not rendered').toHaveCount(0);
  });

  test('slow (10 s): a loading state shows while waiting, then the atlas loads', async ({ atlas, page }) => {
    test.setTimeout(120_000);
    let answered = false;
    await page.route(DATASET, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 10_000));
      answered = true;
      await route.fulfill({ status: 200, contentType: 'application/json', body: datasetText });
    });
    await atlas.open();
    const loading = page.getByRole('status').filter({ hasText: 'Loading the dataset' });
    await expect(loading).toBeVisible();
    await page.waitForTimeout(5_000);
    expect(answered).toBe(false);
    await expect(loading, 'still loading, not an error, halfway through the wait').toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: /Congratulations from abroad/ })).toBeVisible({ timeout: 30_000 });
    await atlas.waitForMap();
    await expect(loading).toHaveCount(0);
  });

  test('fails validation: the message names the sender and the field; nothing half-rendered', async ({ atlas, page }) => {
    const dataset = freshDataset();
    const index = dataset.senders.findIndex((s) => s.id === 'mmr-embassy-in-china');
    delete dataset.senders[0]!.name;
    delete dataset.senders[index]!.officials[0]!.level;
    await serveDataset(page, dataset);
    await atlas.open();
    await expect(page.getByRole('heading', { name: 'Could not load the dataset' })).toBeVisible();
    const card = errorCard(page);
    await expect(card).toContainText('does not match the atlas format (2 problems)');
    // Every problem at once, each naming its sender and field.
    const problems = card.locator('.load-state__details li');
    await expect(problems).toHaveCount(2);
    await expect(problems.filter({ hasText: `sender "${dataset.senders[0]!.id}" (#1) field name` })).toContainText(
      'the field is missing',
    );
    const level = problems.filter({ hasText: `sender "mmr-embassy-in-china" (#${index + 1}) field officials[0].level` });
    await expect(level).toHaveCount(1);
    await expect(page.getByRole('application'), 'no map behind a broken dataset').toHaveCount(0);
    await expect(page.locator('[data-legend-id]')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
    // A missing enum field is said to be missing, as a missing string field is, not "found undefined".
    await expect(level).toContainText('the field is missing');
    await expect(level).not.toContainText('undefined');
  });
});

test.describe('other files fail', () => {
  test('the article is missing: the atlas works and "In the source" says the source could not be loaded', async ({
    atlas,
    page,
  }) => {
    await page.route(ARTICLE, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await atlas.open();
    await atlas.waitForMap();
    await atlas.clickCountry('MMR');
    const panel = atlas.panel();
    await expect(panel).toContainText('U Myo Thant Pe');
    await expect(panel).toContainText('extended sincere gratitude to China');
    await panel.getByRole('button', { name: 'In the source' }).first().click();
    await expect(panel.locator('.statement__context').first()).toContainText('The source text could not be loaded');
    // The rest keeps working: legend filter and the list.
    await page.locator('[data-legend-id="drug_control"]').click();
    await expect(page).toHaveURL(/themes=drug_control/);
  });

  test('the map shapes are missing: a message about the shapes with a retry; the list view still works', async ({
    atlas,
    page,
  }) => {
    await page.route(SHAPES, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not found' }));
    await atlas.open();
    const failure = page.getByRole('alert').filter({ hasText: 'map shapes' });
    await expect(failure).toBeVisible();
    await expect(failure).toContainText('The map shapes could not be shown');
    await expect(failure).toContainText('geo/world-shapes.json');
    await expect(failure).toContainText('not found');
    await expect(failure.getByRole('button', { name: 'Try again' })).toBeVisible();
    // The header, legend and search loaded: they keep working.
    await expect(page.getByRole('heading', { level: 1, name: /Congratulations from abroad/ })).toBeVisible();
    await expect(page.locator('[data-legend-id="drug_control"]')).toBeVisible();

    await page.getByRole('button', { name: 'List view' }).click();
    const row = page.getByRole('table').getByRole('button', { name: 'Myanmar', exact: true });
    await row.click();
    await expect(atlas.panel()).toContainText('U Myo Thant Pe');
    await expect(page).toHaveURL(/sender=mmr-embassy-in-china/);

    // Retry once the file is back: the map draws.
    await page.getByRole('button', { name: 'Map view' }).click();
    await page.unroute(SHAPES);
    await page.getByRole('alert').filter({ hasText: 'map shapes' }).getByRole('button', { name: 'Try again' }).click();
    await atlas.waitForMap();
    await expect(page.getByRole('alert').filter({ hasText: 'map shapes' })).toHaveCount(0);
  });
});

test.describe('hostile input', () => {
  test('hostile link parameters are ignored with notices shown as text; the app works', async ({ atlas, page, dialogs }) => {
    test.setTimeout(120_000);
    await atlas.open('?sender=<script>alert(1)</script>');
    const notices = page.locator('.notices');
    await expect(notices).toContainText('<script>alert(1)</script>');
    expect(await page.locator('body script').count(), 'no script element in the page').toBe(0);
    expect(await page.locator('.notices *').evaluateAll((els) => els.map((e) => e.tagName))).not.toContain('SCRIPT');
    await atlas.waitForMap();
    await atlas.clickCountry('VNM');
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();

    // A 5000-character themes value.
    await atlas.open(`?themes=${'drug_control,'.repeat(400)}${'x'.repeat(200)}`);
    await expect(notices).toContainText(/themes/);
    await expect(notices).toContainText('too long');
    await expect(page.locator('[data-legend-id="drug_control"]')).toBeVisible();

    // Repeated keys: the first is used, with a notice.
    await atlas.open('?sender=vnm-ministry-of-public-security&sender=mmr-embassy-in-china');
    await expect(notices).toContainText('"sender" more than once');
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();

    // Unknown parameters, malformed values and an HTML payload in a theme.
    await atlas.open('?foo=1&camera=lots&themes=<img src=x onerror=alert(2)>&scheme=<b>bold</b>');
    await expect(notices).toContainText('"foo"');
    await expect(notices).toContainText('camera');
    await expect(notices).toContainText('scheme');
    expect(await page.locator('.notices img, .notices b').count(), 'no HTML from the link').toBe(0);
    await expect(page.locator('[data-legend-id="drug_control"]')).toBeVisible();
    await notices.getByRole('button', { name: 'Dismiss notice' }).first().click();
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => document.querySelectorAll('body script').length)).toBe(0);
  });

  test('a dataset whose names and statements carry HTML and script shows them literally and runs nothing', async ({
    atlas,
    page,
    dialogs,
  }) => {
    const img = '<img src=x onerror="window.__xss=1">';
    const script = '<script>window.__xss=2</script>';
    const dataset = freshDataset();
    const myanmar = dataset.senders.find((s) => s.id === 'mmr-embassy-in-china')!;
    myanmar.officials[0]!.name = `U Myo ${img} Thant Pe`;
    myanmar.officials[0]!.title = `Ambassador ${script}`;
    myanmar.body = `Embassy ${img}`;
    // Text keeps its evidence: the payload is appended after it.
    for (const statement of myanmar.statements) {
      statement.text = `${statement.text} ${img} ${script}`;
      statement.offset = null;
    }
    dataset.title = `Atlas ${script}`;
    await serveDataset(page, dataset);
    let imageRequested = false;
    page.on('request', (request) => {
      if (/\/x$/.test(new URL(request.url()).pathname)) imageRequested = true;
    });

    await atlas.open('?sender=mmr-embassy-in-china');
    const panel = atlas.panel();
    await expect(panel).toContainText(`U Myo ${img} Thant Pe`);
    await expect(panel).toContainText(`Ambassador ${script}`);
    await expect(panel).toContainText(`Embassy ${img}`);
    await expect(panel).toContainText(`extended sincere gratitude to China for its long-term assistance and support in the field of law enforcement and security. ${img} ${script}`);
    await expect(panel.locator('mark', { hasText: 'drug trafficking' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Atlas ${script}`);
    expect(await page.locator('body img, body script').count(), 'no element made from the data').toBe(0);

    // The list and search show them as text too.
    await page.getByRole('button', { name: 'List view' }).click();
    await expect(page.getByRole('table')).toContainText(`U Myo ${img} Thant Pe`);
    await page.getByRole('combobox', { name: 'Search countries, bodies, officials, fields' }).fill('thant');
    await expect(page.getByRole('option').first()).toContainText(img);
    await page.getByRole('button', { name: 'About & source' }).click();
    await page.waitForTimeout(500);

    expect(await page.locator('body img, body script').count(), 'no element made from the data').toBe(0);
    expect(await page.evaluate(() => (window as { __xss?: unknown }).__xss)).toBeUndefined();
    expect(imageRequested, 'no image from the data was requested').toBe(false);
    expect(dialogs).toEqual([]);
  });
});
