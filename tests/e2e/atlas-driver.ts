/**
 * A small given/when/then driver for the atlas: what a person does, in the
 * built app, plus the few reads of the live map that pixels alone can't give.
 */
import { expect, test as base, type Page } from '@playwright/test';

export interface AtlasFixtures {
  atlas: AtlasDriver;
}

/** Every test fails on a console error, a page error or a request to another origin. */
export const test = base.extend<AtlasFixtures>({
  atlas: async ({ page, baseURL }, provide) => {
    const problems: string[] = [];
    const origin = new URL(baseURL!).origin;
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const url = request.url();
      if (url.startsWith('data:') || url.startsWith('blob:')) return;
      if (new URL(url).origin !== origin) problems.push(`request to another origin: ${url}`);
    });
    const driver = new AtlasDriver(page);
    await provide(driver);
    expect(problems, 'console errors, page errors or requests to other origins').toEqual([]);
  },
});

export { expect };

type Rgb = [number, number, number];

export class AtlasDriver {
  constructor(readonly page: Page) {}

  async open(search = '') {
    await this.page.goto(`./${search}`);
  }

  /**
   * Waits until MapLibre has really drawn country features (not merely fired `idle`).
   * MapLibre comes in when a person reaches for the map (or the page has been quiet a
   * while): the pointer passes over the map, as a person's would, then moves off it so
   * that no hover highlight changes the colours a test reads.
   */
  async waitForMap() {
    const frame = await this.page.locator('.atlas__map').boundingBox();
    if (frame) {
      await this.page.mouse.move(frame.x + frame.width / 2, frame.y + Math.min(frame.height * 0.15, 60));
      await this.page.mouse.move(0, 0);
    }
    await this.page.waitForFunction(
      () => {
        const map = window.__atlasMap as
          | { isStyleLoaded(): boolean; isMoving(): boolean; getLayer(id: string): unknown; queryRenderedFeatures(o: object): unknown[]; loaded(): boolean }
          | undefined;
        return Boolean(
          map &&
            map.loaded() &&
            map.isStyleLoaded() &&
            map.getLayer('country-fill') &&
            // Some countries drawn: a panel or a tour slide may have zoomed in on one region.
            map.queryRenderedFeatures({ layers: ['country-fill'] }).length > 0,
        );
      },
      null,
      { timeout: 90_000, polling: 250 },
    );
    // Let the last frame reach the screen.
    await this.page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  }

  /**
   * A page point well inside a country's shape and not covered by anything
   * (legend, labels, panel): its label point if that is clear, else the first
   * clear point on a grid over the shape.
   */
  async countryPoint(iso3: string): Promise<{ x: number; y: number }> {
    await this.waitForCameraToSettle();
    return this.page.evaluate((code) => {
      type Feature = { properties: { iso3: string | null; labelPoint: string | [number, number] }; geometry: { coordinates: unknown } };
      const map = window.__atlasMap as {
        querySourceFeatures(source: string): Feature[];
        queryRenderedFeatures(point: [number, number], options: object): Feature[];
        project(lngLat: [number, number]): { x: number; y: number };
        getCanvas(): HTMLCanvasElement;
      };
      const canvas = map.getCanvas();
      const box = canvas.getBoundingClientRect();
      const features = map.querySourceFeatures('countries').filter((f) => f.properties.iso3 === code);
      if (features.length === 0) throw new Error(`no shape for ${code}`);
      const raw = features[0]!.properties.labelPoint;
      const label = (typeof raw === 'string' ? JSON.parse(raw) : raw) as [number, number];
      const clear = (x: number, y: number) =>
        [[0, 0], [4, 0], [-4, 0], [0, 4], [0, -4]].every(([dx, dy]) => {
          const px = x + dx!;
          const py = y + dy!;
          if (px < 0 || py < 0 || px >= box.width || py >= box.height) return false;
          if (document.elementFromPoint(box.left + px, box.top + py) !== canvas) return false;
          return map.queryRenderedFeatures([px, py], { layers: ['country-fill'] })[0]?.properties.iso3 === code;
        });
      const first = map.project(label);
      if (clear(first.x, first.y)) return { x: box.left + first.x, y: box.top + first.y };
      const coords: [number, number][] = [];
      const collect = (c: unknown) => {
        if (Array.isArray(c) && typeof c[0] === 'number') coords.push(c as [number, number]);
        else if (Array.isArray(c)) c.forEach(collect);
      };
      features.forEach((f) => collect(f.geometry.coordinates));
      const xs = coords.map((c) => map.project(c));
      const [minX, maxX] = [Math.min(...xs.map((p) => p.x)), Math.max(...xs.map((p) => p.x))];
      const [minY, maxY] = [Math.min(...xs.map((p) => p.y)), Math.max(...xs.map((p) => p.y))];
      for (let i = 1; i < 20; i++) {
        for (let j = 1; j < 20; j++) {
          const x = minX + ((maxX - minX) * i) / 20;
          const y = minY + ((maxY - minY) * j) / 20;
          if (clear(x, y)) return { x: box.left + x, y: box.top + y };
        }
      }
      throw new Error(`no uncovered point inside ${code}`);
    }, iso3);
  }

  /** Waits until the camera has stopped (an app-made move such as bringing a selection into view). */
  async waitForCameraToSettle() {
    await this.page.waitForFunction(
      () => !(window.__atlasMap as { isMoving(): boolean } | undefined)?.isMoving(),
      null,
      { timeout: 15_000, polling: 100 },
    );
  }

  /** A page point on open sea, not covered by legend, panel or labels. */
  async seaPoint(): Promise<{ x: number; y: number }> {
    await this.waitForCameraToSettle();
    return this.page.evaluate(() => {
      const map = window.__atlasMap as {
        queryRenderedFeatures(point: [number, number], options: object): unknown[];
        getCanvas(): HTMLCanvasElement;
      };
      const canvas = map.getCanvas();
      const box = canvas.getBoundingClientRect();
      for (let j = 1; j < 12; j++) {
        for (let i = 1; i < 16; i++) {
          const x = (box.width * i) / 16;
          const y = (box.height * j) / 12;
          const clear = [[0, 0], [6, 0], [-6, 0], [0, 6], [0, -6]].every(
            ([dx, dy]) =>
              document.elementFromPoint(box.left + x + dx!, box.top + y + dy!) === canvas &&
              map.queryRenderedFeatures([x + dx!, y + dy!], { layers: ['country-fill'] }).length === 0,
          );
          if (clear) return { x: box.left + x, y: box.top + y };
        }
      }
      throw new Error('no open sea on screen');
    });
  }

  /** The colour on screen at a page point, read from a screenshot (what a person sees). */
  async pixelAt(point: { x: number; y: number }): Promise<Rgb> {
    const png = await this.page.screenshot({ clip: { x: Math.round(point.x), y: Math.round(point.y), width: 1, height: 1 } });
    return this.page.evaluate(async (base64) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const canvas = new OffscreenCanvas(1, 1);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const [r, g, b] = context.getImageData(0, 0, 1, 1).data;
      return [r!, g!, b!] as [number, number, number];
    }, png.toString('base64'));
  }

  /**
   * A page point on a country of the SVG map (the first map drawn) that nothing covers:
   * inside its largest shape, as the box of all its shapes also holds far islands.
   */
  async svgCountryPoint(iso3: string): Promise<{ x: number; y: number }> {
    // The SVG map draws its frame first and its country paths in a deferred render: wait for them.
    await expect(this.page.locator(`[data-testid="svg-map"] path[data-iso3="${iso3}"]`).first(), `${iso3}'s shape on the SVG map`).toBeAttached();
    return this.page.evaluate((code) => {
      const boxes = [...document.querySelectorAll(`[data-testid="svg-map"] path[data-iso3="${code}"]`)].map((p) => p.getBoundingClientRect());
      if (boxes.length === 0) throw new Error(`no shape of ${code} on the SVG map`);
      const box = boxes.reduce((a, b) => (a.width * a.height > b.width * b.height ? a : b));
      for (let i = 5; i < 20; i++) {
        for (let j = 5; j < 20; j++) {
          const x = box.left + (box.width * i) / 25;
          const y = box.top + (box.height * j) / 25;
          if (document.elementFromPoint(x, y)?.getAttribute('data-iso3') === code) return { x, y };
        }
      }
      throw new Error(`no uncovered point on ${code}`);
    }, iso3);
  }

  async countryColour(iso3: string): Promise<Rgb> {
    return this.pixelAt(await this.countryPoint(iso3));
  }

  async clickCountry(iso3: string) {
    const point = await this.countryPoint(iso3);
    await this.page.mouse.click(point.x, point.y);
  }

  legendToggle(label: string | RegExp) {
    return this.page.getByRole('button', { name: label, exact: false }).and(this.page.locator('[data-legend-id]'));
  }

  panel() {
    return this.page.getByTestId('sender-panel');
  }
}

export function hexToRgb(hex: string): Rgb {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

export function expectColourNear(actual: Rgb, expectedHex: string, tolerance = 8) {
  const expected = hexToRgb(expectedHex);
  const off = Math.max(...actual.map((v, i) => Math.abs(v - expected[i]!)));
  expect(off, `colour rgb(${actual.join(',')}) vs ${expectedHex}`).toBeLessThanOrEqual(tolerance);
}
