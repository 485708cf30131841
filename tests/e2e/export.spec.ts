/**
 * Image export, checked by reading the files the browser saves: the PNG's
 * size and pixels (decoded in the page), and the SVG parsed as a document.
 * Assumes the header's "Export" button opens the export dialog.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, hexToRgb, type AtlasDriver } from './atlas-driver';

const dataset = JSON.parse(readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8')) as {
  senders: { iso3: string | null }[];
};
const sendingCountries = [...new Set(dataset.senders.flatMap((s) => (s.iso3 ? [s.iso3] : [])))].sort();

const TITLE = 'Export check: Police Day letters';

async function legendColours(page: Page): Promise<Record<string, string>> {
  return page.locator('[data-legend-id]').evaluateAll((buttons) =>
    Object.fromEntries(
      buttons.map((button) => {
        const swatch = button.querySelector('.legend__swatch');
        const [r, g, b] = (swatch ? getComputedStyle(swatch).backgroundColor : '').match(/\d+/g)?.map(Number) ?? [0, 0, 0];
        const hex = `#${[r!, g!, b!].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
        return [(button as HTMLElement).dataset.legendId!, hex];
      }),
    ),
  );
}

async function openExport(page: Page) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** Chooses a format, presses Download and returns the saved file's name and bytes. */
async function download(page: Page, format: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const dialog = page.getByRole('dialog', { name: 'Export image' });
  await dialog.getByRole('radio', { name: format }).check();
  const [file] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()]);
  await expect(dialog.getByRole('status')).toContainText(`Downloaded ${file.suggestedFilename()}`);
  return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
}

interface SvgFacts {
  parseErrors: number;
  width: number;
  height: number;
  mapTop: number;
  title: string | null;
  titleBox: { x: number; y: number; width: number; height: number };
  titleFill: string;
  surface: string;
  fills: Record<string, string>;
  pathsPerIso3: Record<string, number>;
  /** Whether each probe point (map pixels) lies inside the named country's shape. */
  inside: boolean[];
}

interface Probe {
  iso3: string;
  x: number;
  y: number;
}

/** Parses the SVG in the page and, drawn into the document, measures the title and probes Australia's shape. */
async function readSvg(page: Page, svg: string, probes: Probe[] = []): Promise<SvgFacts> {
  return page.evaluate(
    ({ text, points }) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      const host = document.createElement('div');
      host.style.cssText = 'position:fixed;left:0;top:0;opacity:0;pointer-events:none';
      host.append(document.importNode(root, true));
      document.body.append(host);
      try {
        const live = host.querySelector('svg')!;
        const title = live.querySelector<SVGTextElement>('text[data-role="title"]');
        const box = title?.getBBox() ?? { x: 0, y: 0, width: 0, height: 0 };
        const map = live.querySelector('[data-role="map"]')!;
        const mapTop = Number(/translate\(0 ([\d.]+)\)/.exec(map.getAttribute('transform') ?? '')?.[1]);
        const paths = [...live.querySelectorAll<SVGPathElement>('path[data-iso3]')];
        const fills: Record<string, string> = {};
        const pathsPerIso3: Record<string, number> = {};
        for (const path of paths) {
          const iso3 = path.dataset.iso3!;
          fills[iso3] = (path.getAttribute('fill') ?? '').toLowerCase();
          pathsPerIso3[iso3] = (pathsPerIso3[iso3] ?? 0) + 1;
        }
        return {
          parseErrors: doc.getElementsByTagName('parsererror').length,
          width: Number(root.getAttribute('width')),
          height: Number(root.getAttribute('height')),
          mapTop,
          title: title?.textContent ?? null,
          titleBox: { x: box.x, y: box.y, width: box.width, height: box.height },
          titleFill: (title?.getAttribute('fill') ?? '').toLowerCase(),
          surface: (live.querySelector(':scope > rect')?.getAttribute('fill') ?? '').toLowerCase(),
          fills,
          pathsPerIso3,
          inside: points.map((p) =>
            Boolean(paths.find((path) => path.dataset.iso3 === p.iso3)?.isPointInFill(new DOMPoint(p.x, p.y))),
          ),
        };
      } finally {
        host.remove();
      }
    },
    { text: svg, points: probes },
  );
}

type Rgb = [number, number, number];

interface PngFacts {
  width: number;
  height: number;
  /** Pixels within ±6 of each colour, anywhere in the image. */
  counts: number[];
  /** Colours at the given image pixels. */
  samples: Rgb[];
  /** Pixels differing from the background inside / right of the title's box. */
  inkInTitle: number;
  inkRightOfTitle: number;
}

/** Decodes the PNG in the page (createImageBitmap on a data URL) and reads its pixels. */
async function readPng(
  page: Page,
  png: Buffer,
  query: { colours: Rgb[]; samples: { x: number; y: number }[]; titleBox: { x: number; y: number; width: number; height: number }; background: Rgb },
): Promise<PngFacts> {
  return page.evaluate(
    async ({ base64, colours, samples, titleBox, background }) => {
      const blob = await (await fetch(`data:image/png;base64,${base64}`)).blob();
      const bitmap = await createImageBitmap(blob);
      const { width, height } = bitmap;
      const canvas = new OffscreenCanvas(width, height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, width, height).data;
      const near = (i: number, [r, g, b]: number[], tolerance: number) =>
        Math.abs(data[i]! - r!) <= tolerance && Math.abs(data[i + 1]! - g!) <= tolerance && Math.abs(data[i + 2]! - b!) <= tolerance;
      const counts = colours.map(() => 0);
      for (let i = 0; i < data.length; i += 4) {
        colours.forEach((colour, k) => {
          if (near(i, colour, 6)) counts[k]!++;
        });
      }
      const at = (x: number, y: number) => 4 * (Math.round(y) * width + Math.round(x));
      const ink = (x0: number, x1: number) => {
        let n = 0;
        for (let y = Math.max(0, Math.floor(titleBox.y)); y < Math.min(height, titleBox.y + titleBox.height); y++) {
          for (let x = Math.max(0, Math.floor(x0)); x < Math.min(width, x1); x++) if (!near(at(x, y), background, 24)) n++;
        }
        return n;
      };
      return {
        width,
        height,
        counts,
        samples: samples.map(({ x, y }) => {
          const i = at(x, y);
          return [data[i]!, data[i + 1]!, data[i + 2]!] as [number, number, number];
        }),
        inkInTitle: ink(titleBox.x, titleBox.x + titleBox.width),
        inkRightOfTitle: ink(titleBox.x + titleBox.width + 8, width),
      };
    },
    { base64: png.toString('base64'), ...query },
  );
}

function scaleBox(box: { x: number; y: number; width: number; height: number }, k: number) {
  return { x: box.x * k, y: box.y * k, width: box.width * k, height: box.height * k };
}

/** A point well inside a country on screen, in map (canvas) pixels. */
async function pointOnMap(atlas: AtlasDriver, iso3: string): Promise<Probe> {
  const point = await atlas.countryPoint(iso3);
  const box = (await atlas.page.locator('.maplibregl-canvas').boundingBox())!;
  return { iso3, x: point.x - box.x, y: point.y - box.y };
}

function expectNear(actual: Rgb, expectedHex: string, tolerance = 6) {
  const expected = hexToRgb(expectedHex);
  const off = Math.max(...actual.map((v, i) => Math.abs(v - expected[i]!)));
  expect(off, `rgb(${actual.join(',')}) vs ${expectedHex}`).toBeLessThanOrEqual(tolerance);
}

test.describe('export', () => {
  test('SVG with one path per sending country in its theme colour; PNG at 2×: twice the exported frame, map in theme colours, the edited title drawn in', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    const colours = await legendColours(page);
    const canvas = (await page.locator('.maplibregl-canvas').boundingBox())!;
    const australia = await pointOnMap(atlas, 'AUS');

    const dialog = await openExport(page);
    await dialog.getByRole('textbox', { name: 'Title' }).fill(TITLE);

    // The SVG of the same export says what the frame is: its size, where the map starts, where the title sits.
    const svgFile = await download(page, /^SVG/);
    expect(svgFile.name).toBe('export-check-police-day-letters.svg');
    const svg = await readSvg(page, svgFile.bytes.toString('utf8'), [australia]);
    expect(svg.parseErrors).toBe(0);
    expect(svg.title).toBe(TITLE);
    // 1× is the map as it is on screen; the title and legend bands add height.
    expect(Math.abs(svg.width - canvas.width)).toBeLessThanOrEqual(1);
    expect(svg.height).toBeGreaterThan(canvas.height);
    expect(svg.inside).toEqual([true]);

    // One path per sending country, with its data-iso3 and theme colour.
    const legendHexes = new Set(Object.values(colours));
    const themed = Object.keys(svg.fills)
      .filter((iso3) => legendHexes.has(svg.fills[iso3]!))
      .sort();
    // Exactly the sending countries wear a legend colour; each has one path.
    expect(themed).toEqual(sendingCountries);
    for (const iso3 of sendingCountries) expect(svg.pathsPerIso3[iso3], iso3).toBe(1);
    expect(svg.fills.AUS).toBe(colours.drug_control);
    expect(svg.fills.RUS).toBe(colours.public_security);
    expect(svg.fills.MNG).toBe(colours.pandemic_response);
    expect(svg.fills.ARG).toBe(colours.goodwill);
    expect(svg.fills.BRA).toBe(colours.listed);
    expect(legendHexes.has(svg.fills.IND!)).toBe(false);

    await expect(dialog.getByRole('radio', { name: /^PNG 2×/ })).toHaveAccessibleName(
      `PNG 2× — ${svg.width * 2} × ${svg.height * 2} px`,
    );
    const pngFile = await download(page, /^PNG 2×/);
    expect(pngFile.name).toBe('export-check-police-day-letters-2x.png');
    expect([...pngFile.bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');

    const themeIds = ['drug_control', 'public_security', 'pandemic_response'];
    const png = await readPng(page, pngFile.bytes, {
      colours: themeIds.map((id) => hexToRgb(colours[id]!)),
      // The point that is Australia on screen, in the image: 2 × (x, map top + y).
      samples: [{ x: 2 * australia.x, y: 2 * (svg.mapTop + australia.y) }],
      titleBox: scaleBox(svg.titleBox, 2),
      background: hexToRgb(svg.surface),
    });
    expect({ width: png.width, height: png.height }).toEqual({ width: 2 * svg.width, height: 2 * svg.height });
    expectNear(png.samples[0]!, colours.drug_control!);
    // Each of these themes colours at least one country; at 2× even a small one covers hundreds of pixels.
    themeIds.forEach((id, k) => expect(png.counts[k], `${id} pixels`).toBeGreaterThan(300));
    // Australia alone is thousands of drug-control pixels at 2×.
    expect(png.counts[0]).toBeGreaterThan(5000);
    // The title is drawn: ink inside its box, none in the rest of its line.
    expect(png.inkInTitle).toBeGreaterThan(0.08 * svg.titleBox.width * svg.titleBox.height * 4);
    expect(png.inkRightOfTitle).toBeLessThan(png.inkInTitle / 50);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeFocused();
  });

  test('exports the view on screen: the camera from the link is the camera in the image', async ({ atlas }) => {
    // Zoom 2 around the equator (MapLibre keeps the world's edge in view, so the centre shifts west).
    await atlas.open('?camera=100,0,2');
    await atlas.waitForMap();
    const probes = [];
    for (const iso3 of ['AUS', 'IND', 'NGA', 'RUS']) probes.push(await pointOnMap(atlas, iso3));
    const dialog = await openExport(atlas.page);
    const file = await download(atlas.page, /^SVG/);
    // The same map pixels fall in the same countries in the export.
    const svg = await readSvg(atlas.page, file.bytes.toString('utf8'), probes);
    expect(svg.inside).toEqual([true, true, true, true]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    await expect(dialog).toHaveCount(0);
  });
});
