/**
 * The presentation tour (issue 4, "Presentation tour"): the Present button,
 * the keys a clicker or a slide program sends, deep links to a slide of each
 * tour, the camera on a place slide, the blank screen and the size of the type.
 * Expected slides are derived here from public/data/atlas.json, not copied.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './atlas-driver';

interface Sender {
  id: string;
  kind: 'country' | 'organization';
  iso3?: string | null;
  name: string;
  themes: string[];
  officials: unknown[];
  statements: unknown[];
  location?: [number, number] | null;
}
interface Dataset {
  title: string;
  date: string;
  themes: { id: string; label: string }[];
  senders: Sender[];
}
interface Place {
  key: string;
  kind: 'country' | 'organization';
  iso3: string | null;
  name: string;
  status: 'themed' | 'goodwill' | 'listed';
  legendIds: string[];
  location: [number, number] | null;
}

const dataset = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as Dataset;
const countries = JSON.parse(readFileSync(resolve(process.cwd(), 'public/geo/countries.geojson'), 'utf8')) as {
  features: { properties: { iso3: string | null; labelPoint: [number, number] } }[];
};

/** Places in article order: a country with several bodies is one place. */
const places: Place[] = (() => {
  const byKey = new Map<string, Sender[]>();
  for (const s of dataset.senders) {
    const key = s.kind === 'country' && s.iso3 ? s.iso3 : s.id;
    byKey.set(key, [...(byKey.get(key) ?? []), s]);
  }
  return [...byKey].map(([key, senders]) => {
    const named = new Set(senders.flatMap((s) => s.themes));
    const themes = dataset.themes.map((t) => t.id).filter((id) => named.has(id));
    const wrote = senders.some((s) => s.statements.length > 0 || s.officials.length > 0);
    const status = themes.length > 0 ? 'themed' : wrote ? 'goodwill' : 'listed';
    return {
      key,
      kind: senders[0]!.kind,
      iso3: senders[0]!.kind === 'country' ? (senders[0]!.iso3 ?? null) : null,
      name: senders[0]!.name,
      status,
      legendIds: status === 'themed' ? themes : [status],
      location: senders.find((s) => s.location)?.location ?? null,
    };
  });
})();

/** Slide titles (the heading on the card), 1-based position = index + 1. */
const sendersTour: string[] = [
  dataset.title,
  ...places.filter((p) => p.status !== 'listed').map((p) => p.name),
  ...(places.some((p) => p.status === 'listed') ? ['Also wrote'] : []),
];
const themesTour: string[] = [
  dataset.title,
  // Codebook order, a theme nobody named has no slide; then goodwill; the listed places close the tour.
  ...dataset.themes.filter((t) => places.some((p) => p.legendIds.includes(t.id))).map((t) => t.label),
  ...(places.some((p) => p.status === 'goodwill') ? ['Goodwill only'] : []),
  ...(places.some((p) => p.status === 'listed') ? ['Also wrote'] : []),
];

/** How much each place slide has to show: statement text, plus a line's worth per official and body. */
const textByPlace = places
  .filter((p) => p.status !== 'listed')
  .map((p) => {
    const senders = dataset.senders.filter((s) => (s.kind === 'country' && s.iso3 ? s.iso3 : s.id) === p.key);
    const chars = senders.reduce(
      (n, s) =>
        n + 80 + s.officials.length * 120 + (s.statements as { text: string }[]).reduce((m, st) => m + st.text.length + 40, 0),
      0,
    );
    return { name: p.name, chars };
  });

function placeNamed(name: string): Place {
  const place = places.find((p) => p.name === name);
  if (!place) throw new Error(`no place ${name}`);
  return place;
}

/** Where the camera should look for a place: its label point, or the organisation's location. */
function anchorOf(place: Place): [number, number] {
  if (place.location) return place.location;
  const feature = countries.features.find((f) => f.properties.iso3 === place.iso3);
  if (!feature) throw new Error(`no shape for ${place.iso3}`);
  return feature.properties.labelPoint;
}

function overlay(page: Page) {
  return page.getByTestId('tour-overlay');
}

/** Everything that says which slide is showing agrees: URL, heading, counter, progress bar, live region. */
async function expectSlide(page: Page, n: number, tour: string[], tourName: 'senders' | 'themes' = 'senders') {
  const total = tour.length;
  const title = tour[n - 1]!;
  // One read of the page per poll: the machine is shared, and each round trip costs.
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          const overlay = document.querySelector('[data-testid="tour-overlay"]');
          const progress = overlay?.querySelector('[role="progressbar"][aria-label="Tour progress"]');
          const params = new URLSearchParams(location.search);
          return {
            mode: params.get('mode'),
            tour: params.get('tour'),
            slide: params.get('slide'),
            heading: overlay?.querySelector('h2.tour__title')?.textContent ?? null,
            count: overlay?.querySelector('[data-testid="tour-count"]')?.textContent ?? null,
            valuenow: progress?.getAttribute('aria-valuenow') ?? null,
            valuemax: progress?.getAttribute('aria-valuemax') ?? null,
            live: overlay?.querySelector('[aria-live="polite"]')?.textContent ?? null,
          };
        }),
      { timeout: 20_000 },
    )
    .toEqual({
      mode: 'present',
      tour: tourName === 'themes' ? 'themes' : null,
      slide: String(n),
      heading: title,
      count: `${n} / ${total}`,
      valuenow: String(n),
      valuemax: String(total),
      live: `Slide ${n} of ${total}: ${title}`,
    });
  // The address lists the tour first, in a fixed order.
  expect(page.url()).toMatch(new RegExp(`\\?mode=present${tourName === 'themes' ? '&tour=themes' : ''}&slide=${n}(&|$)`));
}

async function mapState(page: Page, point: [number, number]) {
  return page.evaluate((p) => {
    const map = window.__atlasMap as {
      isMoving(): boolean;
      getZoom(): number;
      getBounds(): { contains(l: [number, number]): boolean };
      project(l: [number, number]): { x: number; y: number };
      getCanvas(): HTMLCanvasElement;
    };
    const card = document.querySelector('.tour__card')!.getBoundingClientRect();
    const canvas = map.getCanvas().getBoundingClientRect();
    const at = map.project(p);
    return {
      moving: map.isMoving(),
      zoom: map.getZoom(),
      contains: map.getBounds().contains(p),
      // Page x of the point, and the right edge of the card it must clear.
      x: canvas.left + at.x,
      y: canvas.top + at.y,
      cardRight: card.right,
      height: canvas.height / devicePixelRatio,
    };
  }, point);
}

/** Polls (without rAF) until the camera has stopped with the point in view. */
async function waitForCameraOn(page: Page, point: [number, number]) {
  await page.waitForFunction(
    (p) => {
      const map = window.__atlasMap as { isMoving(): boolean; getBounds(): { contains(l: [number, number]): boolean } };
      return !map.isMoving() && map.getBounds().contains(p);
    },
    point,
    { timeout: 20_000, polling: 100 },
  );
}

async function nextFrame(page: Page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

// Two cores shared with other sessions: WebGL in SwiftShader is slow, so give each walk room.
test.describe.configure({ timeout: 120_000 });

test.describe('the presentation tour', () => {
  test('the Present button opens the title slide, and clicker keys move through the slides with the URL in step', async ({
    atlas,
    page,
  }) => {
    // The keys, not the camera, are under test here: no flights (the camera has its own tests below).
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await atlas.open();
    await page.getByRole('button', { name: 'Present', exact: true }).click();

    // Title slide: event, date, counts; no page chrome.
    await expectSlide(page, 1, sendersTour);
    const card = overlay(page);
    await expect(card.getByRole('heading', { level: 2 })).toHaveText(dataset.title);
    await expect(card.locator('time')).toHaveText('10 January 2021');
    await expect(card.locator('time')).toHaveAttribute('datetime', dataset.date);
    const countryCount = places.filter((p) => p.kind === 'country').length;
    const orgCount = places.length - countryCount;
    const statements = dataset.senders.reduce((n, s) => n + s.statements.length, 0);
    const officials = dataset.senders.reduce((n, s) => n + s.officials.length, 0);
    await expect(card.locator('.tour__counts dd')).toHaveText([countryCount, orgCount, statements, officials].map(String));
    await expect(card.locator('.tour__counts dt')).toHaveText([
      'countries',
      orgCount === 1 ? 'organisation' : 'organisations',
      'statements',
      'officials',
    ]);
    await expect(page.getByRole('button', { name: 'About & source' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Previous slide' })).toBeDisabled();

    // Forward: PageDown, Space, →, ↓.
    await page.keyboard.press('PageDown');
    await expectSlide(page, 2, sendersTour);
    expect(sendersTour[1], 'the first place in the article').toBe('Vietnam');
    await page.keyboard.press('Space');
    await expectSlide(page, 3, sendersTour);
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 4, sendersTour);
    await page.keyboard.press('ArrowDown');
    await expectSlide(page, 5, sendersTour);
    // Back: ←, PageUp, ↑.
    await page.keyboard.press('ArrowLeft');
    await expectSlide(page, 4, sendersTour);
    await page.keyboard.press('PageUp');
    await expectSlide(page, 3, sendersTour);
    await page.keyboard.press('ArrowUp');
    await expectSlide(page, 2, sendersTour);

    // End: the closing slide lists every place the source only lists.
    await page.keyboard.press('End');
    await expectSlide(page, sendersTour.length, sendersTour);
    const listed = places.filter((p) => p.status === 'listed').map((p) => p.name);
    await expect(card.locator('.tour__listed li')).toHaveText(listed);
    await expect(page.getByRole('button', { name: 'Next slide' })).toBeDisabled();
    await page.keyboard.press('PageDown');
    await expectSlide(page, sendersTour.length, sendersTour);
    await page.keyboard.press('Home');
    await expectSlide(page, 1, sendersTour);
    await page.getByRole('button', { name: 'Next slide' }).click();
    await expectSlide(page, 2, sendersTour);

    // Esc leaves: the URL forgets the tour and the page chrome comes back.
    await page.keyboard.press('Escape');
    await expect(overlay(page)).toHaveCount(0);
    await expect(page).not.toHaveURL(/mode=present/);
    await expect(page).not.toHaveURL(/slide=/);
    await expect(page.getByRole('button', { name: 'About & source' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
    // Focus was on the tour's Next button, which left with it: it goes back to Present, not the page.
    await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeFocused();
  });

  test('deep links open a slide of each tour', async ({ atlas, page }) => {
    await page.emulateMedia({ reducedMotion: 'reduce' });
    // Senders tour (the default): slide 5 is the fourth place of the article.
    await atlas.open('?mode=present&slide=5');
    await expectSlide(page, 5, sendersTour);
    const place = placeNamed(sendersTour[4]!);
    await expect(overlay(page).locator('.tour__kicker').first()).toContainText(
      place.kind === 'organization' ? 'International organisation' : 'Country',
    );

    // Themes tour: slides follow the codebook, skipping themes nobody named.
    await atlas.open('?mode=present&tour=themes&slide=3');
    await expectSlide(page, 3, themesTour, 'themes');
    const theme = dataset.themes.find((t) => t.label === themesTour[2])!;
    const named = places.filter((p) => p.legendIds.includes(theme.id)).map((p) => p.name);
    await expect(overlay(page).locator('.tour__place-name')).toHaveText(named);
    await expect(overlay(page).locator('.tour__kicker').nth(1)).toHaveText(
      `Named by ${named.length} ${named.length === 1 ? 'place' : 'places'}`,
    );
    // Walk the rest of the themes tour: every slide in codebook order, then goodwill, then the closing slide.
    for (let n = 4; n <= themesTour.length; n++) {
      await page.keyboard.press('PageDown');
      await expectSlide(page, n, themesTour, 'themes');
    }
    await page.keyboard.press('Home');
    await expectSlide(page, 1, themesTour, 'themes');
  });

  test('a place slide flies the camera to the place, clear of the card; under reduced motion it jumps', async ({
    atlas,
    page,
  }) => {
    await atlas.open('?mode=present&slide=1');
    await atlas.waitForMap();
    await page.waitForFunction(() => !(window.__atlasMap as { isMoving(): boolean }).isMoving(), null, { polling: 100 });
    const world = await page.evaluate(() => (window.__atlasMap as { getZoom(): number }).getZoom());
    // Record how long each camera move lasts, from its start to its end (wall-clock).
    await page.evaluate(() => {
      const map = window.__atlasMap as { on(type: string, fn: () => void): void };
      const w = window as unknown as { __moves: number[] };
      w.__moves = [];
      let started = 0;
      map.on('movestart', () => (started = performance.now()));
      map.on('moveend', () => w.__moves.push(performance.now() - started));
    });
    const moves = () => page.evaluate(() => (window as unknown as { __moves: number[] }).__moves.splice(0));

    const steps: { n: number; reduced: boolean }[] = [
      { n: 2, reduced: false },
      { n: 3, reduced: false },
      { n: 4, reduced: true },
      { n: 5, reduced: true },
    ];
    for (const { n, reduced } of steps) {
      const name = sendersTour[n - 1]!;
      const point = anchorOf(placeNamed(name));
      if (reduced && n === 4) {
        await page.emulateMedia({ reducedMotion: 'reduce' });
        await expect.poll(() => page.evaluate(() => matchMedia('(prefers-reduced-motion: reduce)').matches)).toBe(true);
        await nextFrame(page);
        await page.waitForFunction(() => !(window.__atlasMap as { isMoving(): boolean }).isMoving(), null, { polling: 100 });
        await moves();
      }
      await page.keyboard.press('PageDown');
      await expectSlide(page, n, sendersTour);
      if (reduced) {
        // A jump: settled one frame after the slide shows.
        await nextFrame(page);
        const state = await mapState(page, point);
        expect(state.moving, `${name}: no flight under reduced motion`).toBe(false);
        expect(state.contains, `${name} in view right after the slide change`).toBe(true);
        const durations = await moves();
        expect(durations.length, `${name}: the camera moved`).toBeGreaterThan(0);
        expect(Math.max(...durations), `${name}: move durations ${durations.join(", ")} ms`).toBeLessThan(100);
      } else {
        await waitForCameraOn(page, point);
        const durations = await moves();
        // A flight, not a jump: the camera was under way for a good second (1.4 s asked).
        expect(durations.length, `${name}: the camera moved`).toBeGreaterThan(0);
        expect(Math.max(...durations), `${name}: move durations ${durations.join(", ")} ms`).toBeGreaterThan(1000);
      }
      const state = await mapState(page, point);
      expect(state.zoom, `${name}: zoomed in from the world view (${world})`).toBeGreaterThan(world + 1);
      expect(state.x, `${name} lands right of the slide card`).toBeGreaterThan(state.cardRight);
      expect(state.y).toBeGreaterThan(0);
      expect(state.y).toBeLessThan(state.height);
    }
  });

  test('B and . blank the screen, any key brings it back; F5 starts the tour and restarts it', async ({ atlas, page }) => {
    await atlas.open();
    await expect(page.getByRole('button', { name: 'Present', exact: true })).toBeVisible();
    // F5 in explore mode starts the show, as in slide programs.
    await page.keyboard.press('F5');
    await expectSlide(page, 1, sendersTour);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expectSlide(page, 3, sendersTour);

    const viewport = page.viewportSize()!;
    for (const key of ['b', 'B', '.']) {
      await page.keyboard.press(key);
      const blank = page.getByTestId('tour-blank');
      await expect(blank).toBeVisible();
      const box = (await blank.boundingBox())!;
      expect(box, `${key}: the blank covers the viewport`).toEqual({ x: 0, y: 0, width: viewport.width, height: viewport.height });
      const covered = await page.evaluate(
        ({ w, h }) =>
          [
            [w / 2, h / 2],
            [5, 5],
            [w - 5, h - 5],
            [w * 0.2, h * 0.5],
          ].every(([x, y]) => document.elementFromPoint(x!, y!)?.closest('[data-testid="tour-blank"]') !== null),
        { w: viewport.width, h: viewport.height },
      );
      expect(covered, 'nothing shows through or above the blank').toBe(true);
      for (const point of [
        { x: viewport.width / 2, y: viewport.height / 2 },
        { x: viewport.width * 0.2, y: viewport.height * 0.8 },
      ]) {
        expect(await atlas.pixelAt(point), `${key}: black at ${point.x},${point.y}`).toEqual([0, 0, 0]);
      }
      // Any key unblanks, and does nothing else: → does not also advance.
      await page.keyboard.press(key === '.' ? 'x' : 'ArrowRight');
      await expect(blank).toHaveCount(0);
      await expectSlide(page, 3, sendersTour);
    }

    // F5 inside the tour starts it again from the title slide.
    await page.keyboard.press('F5');
    await expectSlide(page, 1, sendersTour);
    await page.getByRole('button', { name: 'Exit' }).click();
    await expect(page).not.toHaveURL(/mode=present/);
    await expect(page.getByRole('button', { name: 'Share' })).toBeVisible();
  });

  test('F5 starts the show from the frame that first shows the atlas', async ({ atlas, page }) => {
    // F5 pressed as the Present button appears, before the page's script has run anything else:
    // the key is heard (a listener added later would leave the browser to reload the page).
    await page.addInitScript(() => {
      const presentButton = () => [...document.querySelectorAll('button')].some((b) => b.textContent?.trim() === 'Present');
      const observer = new MutationObserver(() => {
        if (!presentButton()) return;
        observer.disconnect();
        const f5 = new KeyboardEvent('keydown', { key: 'F5', bubbles: true, cancelable: true });
        window.dispatchEvent(f5);
        document.documentElement.dataset.f5Heard = String(f5.defaultPrevented);
      });
      observer.observe(document, { childList: true, subtree: true });
    });
    await atlas.open();
    await expectSlide(page, 1, sendersTour);
    await expect(page.locator('html')).toHaveAttribute('data-f5-heard', 'true');
  });

  test('F toggles full screen', async ({ atlas, page }) => {
    await atlas.open('?mode=present&slide=2');
    await expectSlide(page, 2, sendersTour);
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(true);
    await expect(page.getByRole('button', { name: 'Full screen' })).toHaveAttribute('aria-pressed', 'true');
    await page.keyboard.press('f');
    await expect.poll(() => page.evaluate(() => document.fullscreenElement !== null)).toBe(false);
    await expect(page.getByRole('button', { name: 'Full screen' })).toHaveAttribute('aria-pressed', 'false');
    await expectSlide(page, 2, sendersTour);
  });
});

test.describe('the tour at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('place slides use type large enough for the back of a room', async ({ atlas, page }) => {
    // Reduced motion: the camera jumps, so moving between slides costs no flights.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const serbia = sendersTour.indexOf('Serbia') + 1;
    expect(serbia, 'Serbia has a slide').toBeGreaterThan(1);
    await atlas.open(`?mode=present&slide=${serbia}`);
    await expectSlide(page, serbia, sendersTour);
    const sizes = () =>
      overlay(page)
        .locator('.tour__statement-text')
        .evaluateAll((els) => els.map((el) => parseFloat(getComputedStyle(el).fontSize)));
    // A short slide keeps the full size.
    const short = await sizes();
    expect(short.length).toBeGreaterThan(0);
    expect(Math.min(...short), 'statement text on a short slide (px)').toBeGreaterThanOrEqual(28);

    // The slides with the most to say (the ones the overlay shrinks to fit) stay readable too.
    // Each is reached as back/forward would reach it: a history entry and popstate, no reload.
    const longest = [...textByPlace]
      .sort((a, b) => b.chars - a.chars)
      .slice(0, 6)
      .map((p) => sendersTour.indexOf(p.name) + 1);
    const small: string[] = [];
    for (const n of longest) {
      await page.evaluate((slide) => {
        history.pushState(null, '', `?mode=present&slide=${slide}`);
        dispatchEvent(new PopStateEvent('popstate'));
      }, n);
      await expectSlide(page, n, sendersTour);
      const px = await sizes();
      expect(px.length, `slide ${n} has statements`).toBeGreaterThan(0);
      if (Math.min(...px) < 22) small.push(`slide ${n} (${sendersTour[n - 1]}): ${Math.min(...px).toFixed(1)}px`);
    }
    expect(small, 'place slides whose statement text is under 22 px at 1920×1080').toEqual([]);
  });
});
