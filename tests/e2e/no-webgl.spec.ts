/**
 * No WebGL: Chromium launched with WebGL and 3D APIs off. The atlas draws the
 * same map as SVG — same colours, legend filter, clicks, panel — and says once,
 * quietly, that it is simplified. Never a blank page or a raw error.
 */
import type { Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../playwright.config';
import { test, expect } from './atlas-driver';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';
test.use({ launchOptions: { executablePath, args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis'] } });

async function waitForSvgMap(page: Page) {
  await expect(page.getByTestId('svg-map')).toBeVisible();
  await page.waitForFunction(() => window.__atlasSvgReady === true, null, { timeout: 30_000 });
}

function fillOf(page: Page, iso3: string) {
  return page.locator(`[data-testid="svg-map"] path[data-iso3="${iso3}"]`).first().getAttribute('fill');
}

async function swatchHex(page: Page, legendId: string): Promise<string> {
  const rgb = await page
    .locator(`[data-legend-id="${legendId}"] .legend__swatch`)
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

function normalise(colour: string | null): string {
  return (colour ?? '').trim().toLowerCase();
}

/** A page point that really hits the country's path (its bounding box centre may be another country or sea). */
async function pointOn(page: Page, iso3: string): Promise<{ x: number; y: number }> {
  return page.evaluate((code) => {
    const paths = [...document.querySelectorAll<SVGPathElement>(`[data-testid="svg-map"] path[data-iso3="${code}"]`)];
    for (const path of paths) {
      const box = path.getBoundingClientRect();
      for (let i = 1; i < 12; i++) {
        for (let j = 1; j < 12; j++) {
          const x = box.left + (box.width * i) / 12;
          const y = box.top + (box.height * j) / 12;
          if (document.elementFromPoint(x, y) === path) return { x, y };
        }
      }
    }
    throw new Error(`no uncovered point on ${code}`);
  }, iso3);
}

test.describe('without WebGL', () => {
  test('draws the SVG map with the legend colours and says once, quietly, that it is simplified', async ({ atlas, page }) => {
    await atlas.open();
    expect(await page.evaluate(() => Boolean(document.createElement('canvas').getContext('webgl')))).toBe(false);
    await waitForSvgMap(page);
    const paths = page.locator('[data-testid="svg-map"] path[data-iso3]');
    expect(await paths.count(), 'country shapes drawn').toBeGreaterThan(150);
    expect(await page.locator('canvas.maplibregl-canvas').count(), 'no MapLibre canvas').toBe(0);

    // Same colours as the legend.
    expect(normalise(await fillOf(page, 'AUS'))).toBe(await swatchHex(page, 'drug_control'));
    expect(normalise(await fillOf(page, 'RUS'))).toBe(await swatchHex(page, 'public_security'));
    expect(normalise(await fillOf(page, 'MNG'))).toBe(await swatchHex(page, 'pandemic_response'));
    expect(normalise(await fillOf(page, 'ARG'))).toBe(await swatchHex(page, 'goodwill'));
    expect(normalise(await fillOf(page, 'BRA'))).toBe(await swatchHex(page, 'listed'));

    // The map has its text alternative here too.
    await expect(page.getByTestId('svg-map')).toHaveAttribute('role', 'application');
    await expect(page.getByTestId('svg-map')).toHaveAttribute('aria-label', /World map of the \d+ places/);

    // One quiet note, dismissible, that stays away. WebGL is probed when the person reaches for
    // the map (or once the page has settled), not during the first view.
    await page.getByTestId('svg-map').hover();
    const note = page.getByRole('note').filter({ hasText: 'Simplified map' });
    await expect(note).toHaveCount(1);
    await expect(note).toBeVisible();
    await expect(page.getByRole('alert'), 'no error shown').toHaveCount(0);
    await note.getByRole('button', { name: 'Dismiss' }).click();
    await expect(page.getByText(/Simplified map/)).toHaveCount(0);
    await page.locator('[data-legend-id="drug_control"]').click();
    await expect(page.getByText(/Simplified map/), 'the note does not come back').toHaveCount(0);
  });

  test('the legend filter fades Mongolia, and clicking Myanmar opens the panel with U Myo Thant Pe', async ({ page, atlas }) => {
    await atlas.open();
    await waitForSvgMap(page);
    const mongoliaBefore = normalise(await fillOf(page, 'MNG'));
    await page.locator('[data-legend-id="drug_control"]').click();
    await expect(page.locator('[data-legend-id="drug_control"]')).toHaveAttribute('aria-pressed', 'true');
    const drugs = await swatchHex(page, 'drug_control');
    await expect.poll(async () => normalise(await fillOf(page, 'MNG')), { message: 'Mongolia fades' }).not.toBe(mongoliaBefore);
    for (const iso3 of ['VNM', 'MMR', 'AUS', 'USA']) expect(normalise(await fillOf(page, iso3)), iso3).toBe(drugs);

    const myanmar = await pointOn(page, 'MMR');
    await page.mouse.click(myanmar.x, myanmar.y);
    const panel = atlas.panel();
    await expect(panel.getByRole('heading', { level: 2, name: 'Myanmar' })).toBeVisible();
    await expect(panel).toContainText('U Myo Thant Pe');
    await expect(panel).toContainText('extended sincere gratitude to China');
    await expect(page).toHaveURL(/sender=mmr-embassy-in-china/);
    await expect(page.getByTestId('svg-map-selected'), 'the selection is outlined').toHaveCount(1);

    // Keyboard travel works on the SVG map too.
    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await page.getByTestId('svg-map').focus();
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('announcer')).toContainText('Press Enter to open');
    await page.keyboard.press('Enter');
    await expect(panel).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
