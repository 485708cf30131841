/**
 * Embedding and the view in the URL (issue 4, "Embed" and "The view in the
 * URL"): the atlas inside an iframe on a host page at sizes from 320×240 to
 * 3840×2160, in light and dark; the Share dialog's link and snippet; the
 * camera, scheme and unknown values in the address.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Frame, Page } from '@playwright/test';
import { test, expect, type AtlasDriver } from './atlas-driver';

const dataset = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as {
  title: string;
  senders: { id: string; name: string; kind: string }[];
};
const interpol = dataset.senders.find((s) => s.name === 'INTERPOL')!;
const vietnam = dataset.senders.find((s) => s.name === 'Vietnam')!;

// Two cores shared with other sessions: WebGL in SwiftShader is slow.
test.describe.configure({ timeout: 120_000 });

const HOST_PATH = '__embed-host.html';

/** A host page on the atlas's origin (so the fixture's other-origin check still holds), holding one iframe. */
async function openHost(page: Page, iframe: string): Promise<Frame> {
  await page.route(`**/${HOST_PATH}`, (route) =>
    route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host page</title>
<style>html,body{margin:0;padding:0;background:#808080}iframe{display:block}</style></head>
<body>${iframe}</body></html>`,
    }),
  );
  await page.goto(`./${HOST_PATH}`);
  const frame = await (await page.locator('iframe').elementHandle()).contentFrame();
  if (!frame) throw new Error('the iframe has no frame');
  await frame.waitForLoadState();
  return frame;
}

async function waitForFrameMap(frame: Frame) {
  await frame.waitForFunction(
    () => {
      const map = window.__atlasMap as
        | { loaded(): boolean; isStyleLoaded(): boolean; queryRenderedFeatures(o: object): unknown[] }
        | undefined;
      return Boolean(map && map.loaded() && map.isStyleLoaded() && map.queryRenderedFeatures({ layers: ['country-fill'] }).length > 50);
    },
    null,
    { timeout: 60_000, polling: 250 },
  );
  await frame.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function expectNoScrollbars(frame: Frame, when: string) {
  const sizes = await frame.evaluate(() => {
    const d = document.documentElement;
    return { sw: d.scrollWidth, cw: d.clientWidth, sh: d.scrollHeight, ch: d.clientHeight, bw: document.body.scrollWidth, bh: document.body.scrollHeight };
  });
  expect(sizes.sw, `${when}: no horizontal scrollbar ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(sizes.cw);
  expect(sizes.sh, `${when}: no vertical scrollbar ${JSON.stringify(sizes)}`).toBeLessThanOrEqual(sizes.ch);
}

/** The element's box lies wholly inside the frame's viewport: nothing clipped. */
async function expectInside(frame: Frame, selector: string, what: string) {
  const { box, w, h } = await frame.evaluate((sel) => {
    const el = document.querySelector(sel);
    if (!el) throw new Error(`no ${sel}`);
    const r = el.getBoundingClientRect();
    return { box: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, w: innerWidth, h: innerHeight };
  }, selector);
  const inside = box.left >= 0 && box.top >= 0 && box.right <= w + 0.5 && box.bottom <= h + 0.5;
  expect(inside, `${what} fits the ${w}×${h} frame: ${JSON.stringify(box)}`).toBe(true);
}

/** Nothing lies over the element's centre: a person can see and click it. */
async function expectUncovered(frame: Frame, selector: string, what: string) {
  const hit = await frame.evaluate((sel) => {
    const el = document.querySelector(sel)!;
    const r = el.getBoundingClientRect();
    const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return { ok: top !== null && (top === el || el.contains(top)), top: top ? `${top.tagName}.${top.className}` : 'nothing' };
  }, selector);
  expect(hit.ok, `${what} is covered by ${hit.top}`).toBe(true);
}

async function canvasRect(frame: Frame) {
  return frame.evaluate(() => {
    const r = (window.__atlasMap as { getCanvas(): HTMLCanvasElement }).getCanvas().getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width, height: r.height };
  });
}

/** A sea point (mid Pacific, else the South Atlantic) in page coordinates, read from the frame's map. */
async function seaPoint(page: Page, frame: Frame) {
  const frameBox = (await page.locator('iframe').boundingBox())!;
  const point = await frame.evaluate(() => {
    const map = window.__atlasMap as {
      project(l: [number, number]): { x: number; y: number };
      getCanvas(): HTMLCanvasElement;
      queryRenderedFeatures(p: [number, number], o: object): unknown[];
    };
    const canvas = map.getCanvas();
    const box = canvas.getBoundingClientRect();
    for (const lngLat of [[-150, 5], [-20, -25], [-35, 30], [70, -20]] as [number, number][]) {
      const p = map.project(lngLat);
      const x = box.left + p.x;
      const y = box.top + p.y;
      if (x < 2 || y < 2 || x > innerWidth - 2 || y > innerHeight - 2) continue;
      if (document.elementFromPoint(x, y) !== canvas) continue;
      if (map.queryRenderedFeatures([p.x, p.y], { layers: ['country-fill'] }).length > 0) continue;
      return { x, y };
    }
    throw new Error('no clear sea point');
  });
  return { x: frameBox.x + point.x, y: frameBox.y + point.y };
}

function luminance([r, g, b]: number[]) {
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

async function expectSea(atlas: AtlasDriver, frame: Frame, scheme: 'light' | 'dark') {
  const sea = await atlas.pixelAt(await seaPoint(atlas.page, frame));
  if (scheme === 'dark') expect(luminance(sea), `dark sea, got rgb(${sea.join(",")})`).toBeLessThan(60);
  else expect(luminance(sea), `light sea, got rgb(${sea.join(",")})`).toBeGreaterThan(180);
}

function fullAtlasLink(frame: Frame) {
  return frame.getByRole('link', { name: /Open the full atlas/ });
}

async function fullAtlasParams(frame: Frame): Promise<URLSearchParams> {
  const href = (await fullAtlasLink(frame).getAttribute('href'))!;
  return new URL(href, frame.url()).searchParams;
}

const SIZES = [
  { width: 320, height: 240, scheme: 'dark' },
  { width: 1280, height: 720, scheme: 'light' },
  { width: 1920, height: 1080, scheme: 'dark' },
] as const;

test.describe('the atlas in an iframe', () => {
  for (const { width, height, scheme } of SIZES) {
    test(`${width}×${height}, ${scheme}: map, no scrollbars or chrome, a usable legend, the panel as an overlay`, async ({
      atlas,
      page,
    }) => {
      await page.setViewportSize({ width, height });
      const frame = await openHost(
        page,
        `<iframe src="/?embed=1${scheme === 'dark' ? '&scheme=dark' : ''}" width="${width}" height="${height}" style="border:0" title="Police Cooperation Atlas"></iframe>`,
      );
      await waitForFrameMap(frame);
      // The map fills the frame, no more and no less.
      expect(await canvasRect(frame), 'the map canvas fills the frame').toEqual({ x: 0, y: 0, width, height });

      // Colours: the scheme asked for, on the page and on the map.
      await expect(frame.locator('html')).toHaveAttribute('data-scheme', scheme);
      await expectSea(atlas, frame, scheme);

      // No page chrome.
      await expect(frame.getByRole('button', { name: 'About & source' })).toHaveCount(0);
      await expect(frame.getByRole('button', { name: 'Share' })).toHaveCount(0);
      await expect(frame.getByRole('button', { name: 'Present', exact: true })).toHaveCount(0);
      await expect(frame.locator('header, footer')).toHaveCount(0);
      await expectNoScrollbars(frame, 'map only');

      // The link to the full atlas: a new tab, the same view without the embed flag.
      const link = fullAtlasLink(frame);
      await expect(link).toBeVisible();
      await expect(link).toHaveAttribute('target', '_blank');
      await expectInside(frame, '.atlas__open-full', 'the "Open the full atlas" link');
      await expectUncovered(frame, '.atlas__open-full', 'the "Open the full atlas" link');
      let params = await fullAtlasParams(frame);
      expect(params.get('embed')).toBeNull();
      if (scheme === 'dark') expect(params.get('scheme')).toBe('dark');

      // The compact legend, behind a button, filters.
      const legendButton = frame.getByRole('button', { name: /^Legend/ });
      await expect(legendButton).toBeVisible();
      await expectInside(frame, '.atlas__legend-button', 'the Legend button');
      await expectUncovered(frame, '.atlas__legend-button', 'the Legend button');
      await legendButton.click();
      await expect(frame.locator('.legend.legend--compact')).toBeVisible();
      await expectInside(frame, '.legend', 'the open legend');
      const drugs = frame.locator('[data-legend-id="drug_control"]');
      await drugs.click();
      await expect(drugs).toHaveAttribute('aria-pressed', 'true');
      await expect.poll(() => new URL(frame.url()).searchParams.get('themes')).toBe('drug_control');
      await expectNoScrollbars(frame, 'legend open');
      await expect.poll(async () => (await fullAtlasParams(frame)).get('themes')).toBe('drug_control');
      await frame.getByRole('button', { name: 'Hide the legend' }).click();
      await expect(frame.getByRole('button', { name: 'Legend (1 selected)' })).toBeVisible();

      // A marker opens the panel over the map, which keeps its size.
      const canvasBefore = await canvasRect(frame);
      await frame.getByRole('button', { name: 'INTERPOL (international organisation)' }).click();
      const panel = frame.getByTestId('sender-panel');
      await expect(panel.getByRole('heading', { name: 'INTERPOL' })).toBeVisible();
      await expectInside(frame, '.atlas__panel', 'the panel');
      const canvasAfter = await canvasRect(frame);
      expect(canvasAfter, 'the panel lies over the map, the map does not shrink').toEqual(canvasBefore);
      await expectNoScrollbars(frame, 'panel open');
      await expect.poll(async () => (await fullAtlasParams(frame)).get('sender')).toBe(interpol.id);
      params = await fullAtlasParams(frame);
      expect(params.get('themes')).toBe('drug_control');
      expect(params.get('embed')).toBeNull();
      // The way out to the full atlas stays in sight while the panel is open.
      await expectInside(frame, '.atlas__open-full', 'the "Open the full atlas" link with the panel open');
      await expectUncovered(frame, '.atlas__open-full', 'the "Open the full atlas" link with the panel open');
    });
  }

  test('3840×2160: the map fills the frame without scrollbars', async ({ atlas, page }) => {
    await page.setViewportSize({ width: 3840, height: 2160 });
    const frame = await openHost(page, '<iframe src="/?embed=1" width="3840" height="2160" style="border:0" title="Atlas"></iframe>');
    await waitForFrameMap(frame);
    await expectSea(atlas, frame, 'light');
    await expectNoScrollbars(frame, '4K');
    expect(await canvasRect(frame), 'the map canvas fills the frame').toEqual({ x: 0, y: 0, width: 3840, height: 2160 });
    await expectInside(frame, '.atlas__legend-button', 'the Legend button');
    await expectInside(frame, '.atlas__open-full', 'the "Open the full atlas" link');
    await expect(frame.getByRole('button', { name: 'About & source' })).toHaveCount(0);
  });

  test('"Open the full atlas" opens the same view, with page chrome, in a new tab', async ({ atlas, page, context }) => {
    await page.setViewportSize({ width: 800, height: 500 });
    const frame = await openHost(
      page,
      `<iframe src="/?themes=drug_control&scheme=dark&embed=1" width="800" height="500" style="border:0" title="Atlas"></iframe>`,
    );
    await expect(frame.locator('html')).toHaveAttribute('data-scheme', 'dark');
    const [tab] = await Promise.all([context.waitForEvent('page'), fullAtlasLink(frame).click()]);
    await tab.waitForLoadState();
    const url = new URL(tab.url());
    expect(url.origin).toBe(new URL(page.url()).origin);
    expect(url.searchParams.get('themes')).toBe('drug_control');
    expect(url.searchParams.get('scheme')).toBe('dark');
    expect(url.searchParams.get('embed')).toBeNull();
    await expect(tab.getByRole('button', { name: 'About & source' })).toBeVisible();
    await expect(tab.locator('[data-legend-id="drug_control"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(tab.locator('html')).toHaveAttribute('data-scheme', 'dark');
    await tab.close();
    void atlas;
  });
});

test.describe('the Share dialog', () => {
  test('offers the link to the current view and an iframe snippet, each copied; Esc returns focus', async ({
    atlas,
    page,
    context,
    baseURL,
  }) => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(baseURL!).origin });
    await atlas.open();
    await atlas.waitForMap();
    const share = page.getByRole('button', { name: 'Share', exact: true });

    // Nothing selected: the link is the bare atlas.
    await share.click();
    let dialog = page.getByRole('dialog', { name: 'Share this view' });
    await expect(dialog).toBeVisible();
    const link = dialog.getByLabel('Link to this view');
    await expect(link).toHaveValue(new URL(baseURL!).href);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(share).toBeFocused();

    // Select a place and filter: the link and the snippet carry both.
    await atlas.clickCountry('VNM');
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    await page.locator('[data-legend-id="drug_control"]').click();
    await expect(page).toHaveURL(/themes=drug_control/);
    await share.click();
    dialog = page.getByRole('dialog', { name: 'Share this view' });
    await expect(dialog).toBeVisible();
    const linkValue = await dialog.getByLabel('Link to this view').inputValue();
    const linkUrl = new URL(linkValue);
    expect(linkUrl.origin).toBe(new URL(baseURL!).origin);
    expect(linkUrl.searchParams.get('sender')).toBe(vietnam.id);
    expect(linkUrl.searchParams.get('themes')).toBe('drug_control');
    expect(linkUrl.searchParams.get('embed')).toBeNull();

    const snippet = await dialog.getByLabel('Embed code (iframe)').inputValue();
    const parsed = await page.evaluate((html) => {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      const frames = doc.querySelectorAll('iframe');
      const f = frames[0];
      return {
        count: frames.length,
        src: f?.getAttribute('src') ?? '',
        title: f?.getAttribute('title'),
        loading: f?.getAttribute('loading'),
        allowfullscreen: f?.hasAttribute('allowfullscreen') ?? false,
        width: Number(f?.getAttribute('width')),
        height: Number(f?.getAttribute('height')),
      };
    }, snippet);
    expect(parsed.count).toBe(1);
    expect(parsed.title).toBe(dataset.title);
    expect(parsed.loading).toBe('lazy');
    expect(parsed.allowfullscreen).toBe(true);
    expect(parsed.width).toBeGreaterThanOrEqual(320);
    expect(parsed.height).toBeGreaterThanOrEqual(240);
    const src = new URL(parsed.src);
    expect(src.searchParams.get('embed')).toBe('1');
    expect(src.searchParams.get('sender')).toBe(vietnam.id);
    expect(src.searchParams.get('themes')).toBe('drug_control');
    expect(src.origin + src.pathname).toBe(linkUrl.origin + linkUrl.pathname);

    // Each copy button puts its text on the clipboard.
    const copies = dialog.getByRole('button', { name: 'Copy' });
    await copies.nth(0).click();
    await expect(dialog.getByText('Link to this view copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(linkValue);
    await dialog.getByRole('button', { name: 'Copy' }).click(); // the first now reads "Copied"
    await expect(dialog.getByText('Embed code (iframe) copied.')).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(snippet);

    // Esc closes the dialog, not the panel behind it, and focus goes back to Share.
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(share).toBeFocused();
    await expect(atlas.panel()).toBeVisible();

    // The snippet, pasted into a page, embeds that view.
    const frame = await openHost(page, snippet);
    await expect(frame.getByTestId('sender-panel').getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    await expect(frame.locator('[data-legend-id="drug_control"]').or(frame.getByRole('button', { name: 'Legend (1 selected)' }))).toBeVisible();
    await expect(frame.getByRole('button', { name: 'About & source' })).toHaveCount(0);
  });
});

test.describe('the view in the URL', () => {
  test('a dragged camera is written once, rounded, and a reload restores it', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    // Count every address write from here on.
    await page.evaluate(() => {
      const w = window as unknown as { __writes: string[] };
      w.__writes = [];
      for (const name of ['pushState', 'replaceState'] as const) {
        const original = history[name].bind(history);
        history[name] = (data: unknown, unused: string, url?: string | URL | null) => {
          w.__writes.push(`${name} ${String(url)}`);
          original(data, unused, url);
        };
      }
    });
    const historyLength = await page.evaluate(() => history.length);
    const box = (await page.locator('.maplibregl-canvas').boundingBox())!;
    // Drag over the open sea of the Pacific-to-Atlantic band, away from legend and markers.
    const start = await page.evaluate(() => {
      const map = window.__atlasMap as { project(l: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement };
      const r = map.getCanvas().getBoundingClientRect();
      const p = map.project([-30, 10]);
      return { x: r.left + p.x, y: r.top + p.y };
    });
    expect(start.x).toBeGreaterThan(box.x);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(start.x + 18 * i, start.y + 6 * i);
    await page.mouse.up();

    await expect(page).toHaveURL(/camera=/, { timeout: 20_000 });
    await page.waitForFunction(() => !(window.__atlasMap as { isMoving(): boolean }).isMoving(), null, { polling: 100 });
    const written = new URL(page.url()).searchParams.get('camera')!;
    const parts = written.split(',');
    expect(parts).toHaveLength(3);
    for (const part of parts) {
      expect(part, `camera=${written}: rounded`).toMatch(/^-?\d+(\.\d{1,3})?$/);
    }
    const [lng, lat, zoom] = parts.map(Number) as [number, number, number];
    // The map really moved: east-ward drag moves the centre west.
    const center = await page.evaluate(() => (window.__atlasMap as { getCenter(): { lng: number; lat: number } }).getCenter());
    expect(Math.abs(center.lng - lng)).toBeLessThan(0.01);
    expect(Math.abs(center.lat - lat)).toBeLessThan(0.01);

    // Stable: no further writes once settled, and no history entries from the camera.
    const writesAtSettle = await page.evaluate(() => (window as unknown as { __writes: string[] }).__writes.length);
    await page.waitForTimeout(2_000);
    const writes = await page.evaluate(() => (window as unknown as { __writes: string[] }).__writes);
    expect(writes.slice(writesAtSettle), 'address writes after the camera settled').toEqual([]);
    expect(writes.filter((w) => w.includes('camera=')).length, `camera writes: ${writes.join(' | ')}`).toBeLessThanOrEqual(2);
    expect(writes.filter((w) => w.startsWith('pushState')), 'a camera move adds no history entry').toEqual([]);
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    expect(new URL(page.url()).searchParams.get('camera')).toBe(written);

    // A reload (the link) shows the same centre and zoom, and does not rewrite the address.
    await page.reload();
    await atlas.waitForMap();
    const restored = await page.evaluate(() => {
      const map = window.__atlasMap as { getCenter(): { lng: number; lat: number }; getZoom(): number };
      return { ...map.getCenter(), zoom: map.getZoom() };
    });
    expect(Math.abs(restored.lng - lng), `lng ${restored.lng} vs ${lng}`).toBeLessThan(0.01);
    expect(Math.abs(restored.lat - lat), `lat ${restored.lat} vs ${lat}`).toBeLessThan(0.01);
    expect(Math.abs(restored.zoom - zoom), `zoom ${restored.zoom} vs ${zoom}`).toBeLessThan(0.01);
    await page.waitForTimeout(1_000);
    expect(new URL(page.url()).searchParams.get('camera')).toBe(written);
  });

  test('scheme: the system preference by default, the Dark/Light button writes it, ?scheme=dark round-trips', async ({
    atlas,
    page,
  }) => {
    const sea = async () => {
      const point = await page.evaluate(() => {
        const map = window.__atlasMap as { project(l: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement };
        const r = map.getCanvas().getBoundingClientRect();
        const p = map.project([-20, -25]);
        return { x: r.left + p.x, y: r.top + p.y };
      });
      return luminance(await atlas.pixelAt(point));
    };
    const headerLuminance = async () =>
      luminance((await page.locator('.atlas__header').evaluate((el) => getComputedStyle(el).backgroundColor)).match(/\d+/g)!.map(Number));

    await page.emulateMedia({ colorScheme: 'light' });
    await atlas.open();
    await atlas.waitForMap();
    await expect(page.locator('html')).toHaveAttribute('data-scheme', 'light');
    expect(await sea()).toBeGreaterThan(180);

    // No scheme in the link: the atlas follows the system's preference, live.
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
    await expect.poll(sea, { timeout: 20_000 }).toBeLessThan(60);
    expect(page.url()).not.toMatch(/scheme=/);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-scheme', 'light');

    // The button chooses, and writes the choice into the link.
    const toggle = page.getByRole('button', { name: 'Switch to dark colours' });
    await expect(toggle).toHaveText('Dark');
    await toggle.click();
    await expect(page).toHaveURL(/[?&]scheme=dark(&|$)/);
    await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
    await expect.poll(sea, { timeout: 20_000 }).toBeLessThan(60);
    expect(await headerLuminance(), 'page colours follow').toBeLessThan(60);

    // ?scheme=dark, reloaded under a light system preference: still dark.
    await page.reload();
    await atlas.waitForMap();
    await expect(page.locator('html')).toHaveAttribute('data-scheme', 'dark');
    expect(await sea()).toBeLessThan(60);
    const back = page.getByRole('button', { name: 'Switch to light colours' });
    await expect(back).toHaveText('Light');
    await back.click();
    await expect(page).toHaveURL(/[?&]scheme=light(&|$)/);
    await expect(page.locator('html')).toHaveAttribute('data-scheme', 'light');
    await expect.poll(sea, { timeout: 20_000 }).toBeGreaterThan(180);
    expect(await headerLuminance()).toBeGreaterThan(180);
  });

  test('unknown values are ignored with notices and the atlas still works', async ({ atlas, page }) => {
    await atlas.open('?mode=slideshow&scheme=purple&camera=abc&tour=museum');
    const notices = page.locator('.notices');
    await expect(notices).toContainText('Ignored mode "slideshow"');
    await expect(notices).toContainText('Ignored scheme "purple"');
    await expect(notices).toContainText('Ignored camera "abc"');
    await expect(notices).toContainText('Ignored tour "museum"');
    await atlas.waitForMap();
    // Explore mode with the page chrome, and it still answers.
    await expect(page.getByRole('button', { name: 'About & source' })).toBeVisible();
    await expect(page.getByTestId('tour-overlay')).toHaveCount(0);
    await atlas.clickCountry('VNM');
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`sender=${vietnam.id}`));
    // The bad values are not written back.
    expect(page.url()).not.toMatch(/slideshow|purple|camera=abc|museum/);
    await page.getByRole('button', { name: 'Present', exact: true }).click();
    await expect(page.getByTestId('tour-count')).toHaveText(/^1 \/ \d+$/);
  });
});
