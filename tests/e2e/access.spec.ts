/**
 * Access: the whole atlas with a keyboard only (no mouse anywhere in these
 * journeys), the list view, search, visible focus, the map's text alternative,
 * and axe in every state the issue names.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './atlas-driver';

interface RawSender {
  id: string;
  kind: 'country' | 'organization';
  iso3: string | null;
  name: string;
  officials: { name: string; level: string }[];
  statements: unknown[];
  themes: string[];
}
interface RawDataset {
  themes: { id: string; label: string }[];
  senders: RawSender[];
}
const dataset = JSON.parse(readFileSync(new URL('../../public/data/atlas.json', import.meta.url), 'utf8')) as RawDataset;

/** Places as the atlas groups them: one per country (several bodies), one per organisation. */
function places() {
  const byKey = new Map<string, RawSender[]>();
  for (const sender of dataset.senders) {
    const key = sender.kind === 'country' && sender.iso3 ? sender.iso3 : sender.id;
    byKey.set(key, [...(byKey.get(key) ?? []), sender]);
  }
  return [...byKey.entries()].map(([key, senders]) => ({
    key,
    name: senders[0]!.name,
    levels: new Set(senders.flatMap((s) => s.officials.map((o) => o.level))),
    themes: new Set(senders.flatMap((s) => s.themes)),
  }));
}

/** What the element with focus is, in words a failure message can show. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { tag: 'body', name: '', role: '', legendId: '', inPanel: false, isMap: false };
    return {
      tag: el.tagName.toLowerCase(),
      name: (
        el.getAttribute('aria-label') ??
        ((el as HTMLInputElement).labels?.[0]?.textContent || el.textContent) ??
        ''
      )
        .trim()
        .slice(0, 80),
      role: el.getAttribute('role') ?? '',
      legendId: el.getAttribute('data-legend-id') ?? '',
      inPanel: Boolean(el.closest('[data-testid="sender-panel"]')),
      isMap: el.getAttribute('role') === 'application',
    };
  });
}

type Focused = Awaited<ReturnType<typeof focused>>;

/** Presses Tab (or Shift+Tab) until the focused element matches; fails with the path taken. */
async function tabUntil(page: Page, matches: (f: Focused) => boolean, what: string, { max = 40, back = false } = {}) {
  const path: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    path.push(`${f.tag}${f.role ? `[${f.role}]` : ''} "${f.name}"`);
    if (matches(f)) return path;
  }
  throw new Error(`Tab never reached ${what} in ${max} presses; focus went: ${path.join(' → ')}`);
}

/** The focused element draws a visible focus indicator (outline or box-shadow). */
async function expectVisibleFocus(page: Page, what: string) {
  const style = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const s = getComputedStyle(el);
    return { outlineStyle: s.outlineStyle, outlineWidth: s.outlineWidth, boxShadow: s.boxShadow, tag: el.tagName };
  });
  const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
  expect(outline || shadow, `${what} (${style.tag}) shows no focus: ${JSON.stringify(style)}`).toBe(true);
}

/**
 * The focused map's ring is on screen: the pixel just inside the map's top edge is the ring's
 * colour. (An outline of the map's own box was painted under its SVG or canvas, out of sight,
 * while its computed style said it was there.)
 */
async function expectFocusRingPainted(page: Page, what: string) {
  const map = page.locator('[role="application"]:focus');
  await expect(map, `${what} has focus`).toHaveCount(1);
  const box = (await map.boundingBox())!;
  const ring = await map.evaluate((el) => getComputedStyle(el, '::after').borderTopColor);
  const png = await page.screenshot({ clip: { x: Math.round(box.x + box.width / 2), y: Math.round(box.y + 1), width: 1, height: 1 } });
  const pixel = await page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
    const context = new OffscreenCanvas(1, 1).getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
    return `rgb(${r}, ${g}, ${b})`;
  }, png.toString('base64'));
  expect(pixel, `${what}'s focus ring is painted at its top edge`).toBe(ring);
}

async function expectNoAxeViolations(page: Page, state: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const violations = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('').trim() ?? ''}`).join('\n    ')}`,
  );
  console.log(`axe [${state}]: ${results.violations.length} violations, ${results.passes.length} rules passed`);
  // Soft: every state is checked and reported, even when an earlier one has violations.
  expect.soft(violations, `axe violations in state "${state}"`).toEqual([]);
}

test.describe('keyboard only', () => {
  test('landmarks and the map\'s text alternative; Tab order reaches search, header buttons, the map and the legend; the legend toggles with Enter and Space', async ({
    atlas,
    page,
  }) => {
    await atlas.open();
    await atlas.waitForMap();
    await expect(page.locator('body')).toBeFocused();

    // For screen readers: the map region has a text alternative with the count of places per theme, and the page its landmarks.
    const map = page.getByRole('application');
    await expect(map).toHaveCount(1);
    const label = (await map.getAttribute('aria-label')) ?? '';
    const all = places();
    expect(label).toContain(`${all.length} places`);
    for (const theme of dataset.themes) {
      const count = all.filter((p) => p.themes.has(theme.id)).length;
      if (count > 0) expect(label, `the map's label gives the count for ${theme.label}`).toContain(`${theme.label}: ${count}`);
    }
    await expect(page.getByRole('main')).toHaveCount(1);
    await expect(page.getByRole('banner')).toHaveCount(1);
    await expect(page.getByRole('search')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Atlas' })).toHaveCount(1);

    const toSearch = await tabUntil(page, (f) => f.role === 'combobox', 'the search box', { max: 3 });
    expect(toSearch.length, 'the search box is the first or second stop').toBeLessThanOrEqual(2);
    await expect(page.getByRole('combobox', { name: 'Search countries, bodies, officials, fields' })).toBeFocused();
    await expectVisibleFocus(page, 'the search box');

    // The header's buttons, in reading order, right after the search box.
    for (const name of ['List view', 'Present', 'Switch to dark colours', '切换到中文', 'Share', 'Export', 'Open data', 'About & source']) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.name, 'header buttons follow the search box in order').toBe(name);
      await expectVisibleFocus(page, `the "${name}" button`);
    }

    // Then the map, as one tab stop, then the legend.
    await tabUntil(page, (f) => f.isMap, 'the map', { max: 3 });
    await expectFocusRingPainted(page, 'the map');
    await page.keyboard.press('Tab');
    const afterMap = await focused(page);
    expect(afterMap.isMap, 'Tab leaves the map after one stop').toBe(false);
    // MapLibre's canvas is no stop of its own: the next is the legend's first toggle.
    expect(afterMap.legendId, `the legend comes right after the map (focus is on ${afterMap.tag} "${afterMap.name}")`).toBe('counter_terrorism');

    // A legend toggle: Enter and Space both toggle it.
    await tabUntil(page, (f) => f.legendId === 'drug_control', 'the Drugs toggle', { max: 4 });
    const drugs = page.locator('[data-legend-id="drug_control"]');
    await expectVisibleFocus(page, 'a legend toggle');
    await expect(drugs).toHaveAttribute('aria-pressed', 'false');
    await page.keyboard.press('Enter');
    await expect(drugs).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/themes=drug_control/);
    await expect(page.getByTestId('announcer')).toContainText('Filter: Drugs & precursor chemicals');
    await page.keyboard.press('Space');
    await expect(drugs).toHaveAttribute('aria-pressed', 'false');
    await expect(page).not.toHaveURL(/themes=/);
    await expect(drugs, 'focus stays on the toggle').toBeFocused();
  });

  test('on the map the arrows travel between places, Enter opens the panel, Esc closes it and focus comes back', async ({
    atlas,
    page,
  }) => {
    await atlas.open();
    await atlas.waitForMap();
    await tabUntil(page, (f) => f.isMap, 'the map');
    const announcer = page.getByTestId('announcer');

    await page.keyboard.press('ArrowRight');
    await expect(announcer).toContainText('Press Enter to open');
    const first = (await announcer.textContent())!.split(':')[0]!;
    const names = new Set(places().map((p) => p.name));
    expect(names.has(first), `the announcer names a place ("${first}")`).toBe(true);

    await page.keyboard.press('ArrowDown');
    await expect(announcer).not.toHaveText(new RegExp(`^${first.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:`));
    await expect(announcer).toContainText('Press Enter to open');
    const second = (await announcer.textContent())!.split(':')[0]!;
    expect(names.has(second), `ArrowDown moves to another place ("${second}")`).toBe(true);
    await expect(page.locator('[role="application"]'), 'arrow keys keep focus in the map').toBeFocused();

    // +/- zoom from the keyboard, focus staying on the map.
    const zoom = () => page.evaluate(() => (window.__atlasMap as { getZoom(): number }).getZoom());
    const before = await zoom();
    await page.keyboard.press('+');
    await expect.poll(zoom).toBeGreaterThan(before);
    await page.keyboard.press('-');
    await expect.poll(zoom).toBeLessThan(before + 0.5);

    await page.keyboard.press('Enter');
    const panel = atlas.panel();
    await expect(panel.getByRole('heading', { level: 2, name: second })).toBeVisible();
    await expect(page).toHaveURL(/sender=/);
    // Focus moves once the panel's first frame is painted.
    await expect(panel.getByRole('heading', { level: 2, name: second })).toBeFocused();
    const inPanel = await focused(page);
    expect(inPanel.inPanel, `focus moves into the panel (it is on ${inPanel.tag} "${inPanel.name}")`).toBe(true);
    await expectVisibleFocus(page, 'the panel heading');

    // Tab reaches the close button inside the panel.
    await tabUntil(page, (f) => f.name === 'Close panel (Esc)', 'the panel close button', { max: 4 });
    await expectVisibleFocus(page, 'the close button');

    await page.keyboard.press('Escape');
    await expect(panel).toHaveCount(0);
    await expect(page).not.toHaveURL(/sender=/);
    const after = await focused(page);
    expect(after.tag, 'after Esc closes the panel, focus is not dropped on <body>').not.toBe('body');
    expect(after.isMap, `after Esc focus returns to the map it came from (it is on ${after.tag} "${after.name}")`).toBe(true);

  });

  test('arrowing across the first (SVG) map: focus and the keyboard\'s place stay when MapLibre takes over, and the focus ring shows on both maps', async ({
    atlas,
    page,
  }) => {
    await atlas.open();
    const svgMap = page.getByTestId('svg-map');
    await expect(svgMap).toBeVisible();
    await tabUntil(page, (f) => f.isMap, 'the map');
    await expect(svgMap).toBeFocused();
    await expectFocusRingPainted(page, 'the SVG map');
    const announcer = page.getByTestId('announcer');
    await page.keyboard.press('ArrowRight');
    await expect(announcer).toContainText('Press Enter to open');
    const place = (await announcer.textContent())!.split(':')[0]!;

    // MapLibre comes in once the map is reached for, and the SVG map leaves.
    await expect(svgMap).toHaveCount(0, { timeout: 60_000 });
    const after = await focused(page);
    expect(after.isMap, `focus is on MapLibre's map (it is on ${after.tag} "${after.name}")`).toBe(true);
    await expectFocusRingPainted(page, "MapLibre's map");
    // The place the keyboard was on came along: Enter opens it.
    await page.keyboard.press('Enter');
    await expect(atlas.panel().getByRole('heading', { level: 2, name: place })).toBeVisible();
  });

  test('a place opened by a click on either map: Esc from "In the source" closes the panel and focus goes to the map, not the page', async ({
    atlas,
    page,
  }) => {
    await atlas.open();
    const panel = atlas.panel();
    const escFromTheSource = async (which: string) => {
      await expect(panel.getByRole('heading', { level: 2, name: 'Australia' })).toBeVisible();
      // Its name changes to "Hide the source" once open.
      const inTheSource = panel.locator('.statement__source-toggle').first();
      await expect(inTheSource).toHaveText('In the source');
      await inTheSource.click();
      await expect(inTheSource).toHaveAttribute('aria-expanded', 'true');
      await expect(inTheSource).toBeFocused();
      await page.keyboard.press('Escape');
      await expect(panel).toHaveCount(0);
      const after = await focused(page);
      expect(after.tag, `${which}: after Esc closes the panel, focus is not dropped on <body>`).not.toBe('body');
      expect(after.isMap, `${which}: focus goes to the map the place was clicked on (it is on ${after.tag} "${after.name}")`).toBe(true);
      // From there the keyboard goes on where the person was: the arrows travel between places.
      await page.keyboard.press('ArrowRight');
      await expect(page.getByTestId('announcer')).toContainText('Press Enter to open');
    };

    // The SVG map, the first one drawn: its shapes take no focus when clicked.
    await expect(page.getByTestId('svg-map')).toBeVisible();
    const onAustralia = await atlas.svgCountryPoint('AUS');
    await page.mouse.click(onAustralia.x, onAustralia.y);
    await escFromTheSource('SVG map');

    // MapLibre's, whose canvas takes focus when clicked.
    await atlas.waitForMap();
    await atlas.clickCountry('AUS');
    await escFromTheSource('MapLibre');
  });

  test('list view by keyboard: sort, filter by Minister, Enter on a row opens the panel as a map click does', async ({
    atlas,
    page,
  }) => {
    await atlas.open();
    await atlas.waitForMap();
    await tabUntil(page, (f) => f.name === 'List view', 'the List view button');
    await page.keyboard.press('Enter');
    const table = page.getByRole('table');
    await expect(table).toBeVisible();
    await expect(page.getByRole('button', { name: 'Map view' })).toHaveAttribute('aria-pressed', 'true');
    const rows = table.locator('tbody tr');
    await expect(rows).toHaveCount(places().length);

    // Level filter: "Minister".
    await tabUntil(page, (f) => f.tag === 'input' && f.name.startsWith('Minister'), 'the Minister checkbox');
    await expectVisibleFocus(page, 'the Minister checkbox');
    await page.keyboard.press('Space');
    await expect(page.getByRole('checkbox', { name: /^Minister/ })).toBeChecked();
    const ministers = places()
      .filter((p) => p.levels.has('minister'))
      .map((p) => p.name)
      .sort();
    expect(ministers.length).toBeGreaterThan(0);
    await expect(rows).toHaveCount(ministers.length);
    const shown = (await rows.locator('th[scope="row"] button').allTextContents()).map((t) => t.trim()).sort();
    expect(shown).toEqual(ministers);

    // Sort by place name: aria-sort on the column header changes.
    const placeHeader = table.locator('thead th').filter({ hasText: 'Place' });
    await expect(placeHeader).not.toHaveAttribute('aria-sort', /ascending|descending/);
    await tabUntil(page, (f) => f.tag === 'button' && f.name.startsWith('Place'), 'the Place sort button');
    await expectVisibleFocus(page, 'a sort button');
    await page.keyboard.press('Enter');
    const firstSort = await placeHeader.getAttribute('aria-sort');
    expect(firstSort, 'aria-sort set after sorting').toMatch(/^(ascending|descending)$/);
    const sortedOnce = (await rows.locator('th[scope="row"] button').allTextContents()).map((t) => t.trim());
    await page.keyboard.press('Enter');
    await expect(placeHeader).toHaveAttribute('aria-sort', firstSort === 'ascending' ? 'descending' : 'ascending');
    const sortedTwice = (await rows.locator('th[scope="row"] button').allTextContents()).map((t) => t.trim());
    expect(sortedTwice).toEqual([...sortedOnce].reverse());
    const collator = new Intl.Collator('en');
    const ascending = firstSort === 'ascending' ? sortedOnce : sortedTwice;
    expect(ascending).toEqual([...ascending].sort(collator.compare));

    // Enter on a row's name selects the place, as a map click does.
    const target = ascending[0]!;
    await tabUntil(page, (f) => f.tag === 'button' && f.name === target, `the row "${target}"`);
    await expectVisibleFocus(page, 'a row button');
    await page.keyboard.press('Enter');
    await expect(atlas.panel().getByRole('heading', { level: 2, name: target })).toBeVisible();
    await expect(page).toHaveURL(/sender=/);
    await expect(table.locator('tr[aria-current="true"]')).toContainText(target);
    await expect(page.getByTestId('announcer')).toContainText(`${target} selected`);
  });

  test('search by keyboard: "jurgen" finds Jürgen Stock (INTERPOL), "viet" finds Vietnam, "myo" finds Myanmar\'s ambassador', async ({
    atlas,
    page,
  }) => {
    await atlas.open();
    await atlas.waitForMap();
    await tabUntil(page, (f) => f.role === 'combobox', 'the search box');
    const box = page.getByRole('combobox', { name: 'Search countries, bodies, officials, fields' });

    await page.keyboard.type('jurgen');
    const listbox = page.getByRole('listbox', { name: 'Suggestions' });
    await expect(listbox.getByRole('option', { name: /^Jürgen Stock/ })).toBeVisible();
    await expect(box).toHaveAttribute('aria-expanded', 'true');
    await page.keyboard.press('ArrowDown');
    const active = await box.getAttribute('aria-activedescendant');
    expect(active, 'ArrowDown makes a suggestion active').toBeTruthy();
    await expect(page.locator(`[id="${active}"]`)).toHaveAttribute('aria-selected', 'true');
    await expect(page.locator(`[id="${active}"]`)).toContainText('Jürgen Stock');
    await expectVisibleFocus(page, 'the search box with suggestions');
    await page.keyboard.press('Enter');
    await expect(atlas.panel().getByRole('heading', { level: 2, name: 'INTERPOL' })).toBeVisible();
    await expect(atlas.panel()).toContainText('Jürgen Stock');
    await expect(page).toHaveURL(/sender=interpol/);

    await box.focus();
    await page.keyboard.type('viet');
    await expect(listbox.getByRole('option', { name: /^Vietnam/ })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(`[id="${await box.getAttribute('aria-activedescendant')}"]`)).toContainText('Vietnam');
    await page.keyboard.press('Enter');
    await expect(atlas.panel().getByRole('heading', { level: 2, name: 'Vietnam' })).toBeVisible();
    await expect(page).toHaveURL(/sender=vnm-/);

    // Finding Myanmar's ambassador and reading his words.
    await box.focus();
    await page.keyboard.type('myo');
    await expect(listbox.getByRole('option', { name: /U Myo Thant Pe/ })).toBeVisible();
    await page.keyboard.press('ArrowDown');
    await expect(page.locator(`[id="${await box.getAttribute('aria-activedescendant')}"]`)).toContainText('U Myo Thant Pe');
    await page.keyboard.press('Enter');
    const panel = atlas.panel();
    await expect(panel.getByRole('heading', { level: 2, name: 'Myanmar' })).toBeVisible();
    await expect(panel).toContainText('U Myo Thant Pe');
    await expect(panel).toContainText('Ambassador of the Republic of the Union of Myanmar to China');
    await expect(panel).toContainText('extended sincere gratitude to China for its long-term assistance');
    await expect(panel.locator('mark', { hasText: 'drug trafficking' })).toBeVisible();
    await expect(page).toHaveURL(/sender=mmr-embassy-in-china/);

    // Esc in the search box closes suggestions and does not close the panel behind.
    await box.focus();
    await page.keyboard.type('thai');
    await expect(listbox).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(listbox).toBeHidden();
    await expect(panel).toBeVisible();
  });
});

test.describe('axe', () => {
  // axe on a page with a live WebGL map is slow on a shared machine.
  test.describe.configure({ timeout: 120_000 });

  test('zero violations: map, panel open, search open, list view', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    await expectNoAxeViolations(page, 'map');

    await atlas.clickCountry('MMR');
    await expect(atlas.panel()).toContainText('U Myo Thant Pe');
    await expectNoAxeViolations(page, 'panel open');

    await page.getByRole('combobox', { name: 'Search countries, bodies, officials, fields' }).fill('an');
    await expect(page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first()).toBeVisible();
    await expectNoAxeViolations(page, 'search open');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'List view' }).click();
    await expect(page.getByRole('table')).toBeVisible();
    await expectNoAxeViolations(page, 'list view');
  });

  test('zero violations: embed', async ({ atlas, page }) => {
    await atlas.open('?embed=1');
    await atlas.waitForMap();
    await expect(page.getByRole('link', { name: /Open the full atlas/ })).toBeVisible();
    await expectNoAxeViolations(page, 'embed');
  });

  test('zero violations: tour slide', async ({ atlas, page }) => {
    await atlas.open('?mode=present&slide=2');
    await expect(page.getByTestId('tour-overlay')).toBeVisible();
    await expect(page.getByTestId('tour-count')).toContainText('2');
    await atlas.waitForMap();
    await expectNoAxeViolations(page, 'tour slide 2');
  });
});

test.describe('axe on the error screen', () => {
  test('zero violations when the dataset is missing', async ({ page, baseURL }) => {
    // The atlas fixture would count the browser's own "Failed to load resource" log as a failure: watch by hand.
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.route('**/data/atlas.json', (route) => route.fulfill({ status: 404, body: 'Not found' }));
    await page.goto(baseURL!);
    await expect(page.getByRole('heading', { name: 'Could not load the dataset' })).toBeVisible();
    await expectNoAxeViolations(page, 'error screen');
    expect(problems).toEqual([]);
  });
});
