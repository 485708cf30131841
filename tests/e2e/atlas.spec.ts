import { readFileSync } from 'node:fs';
import type { Locator } from '@playwright/test';
import { test, expect, expectColourNear, type AtlasDriver } from './atlas-driver';

async function swatchColour(atlas: AtlasDriver, legendId: string): Promise<string> {
  const rgb = await atlas.page
    .locator(`[data-legend-id="${legendId}"] .legend__swatch`)
    .evaluate((el) => getComputedStyle(el).backgroundColor);
  const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

test.describe('the world map', () => {
  test('renders the countries in their primary theme colours and marks China as the recipient', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    // Each country shows its legend entry's colour: primary theme, goodwill or also-wrote.
    expectColourNear(await atlas.countryColour('AUS'), await swatchColour(atlas, 'drug_control'));
    expectColourNear(await atlas.countryColour('RUS'), await swatchColour(atlas, 'public_security'));
    expectColourNear(await atlas.countryColour('MNG'), await swatchColour(atlas, 'pandemic_response'));
    expectColourNear(await atlas.countryColour('ARG'), await swatchColour(atlas, 'goodwill'));
    expectColourNear(await atlas.countryColour('BRA'), await swatchColour(atlas, 'listed'));
    // A country that did not write stays the muted land colour, unlike any sender.
    const land = await atlas.countryColour('IND');
    const brazil = await atlas.countryColour('BRA');
    expect(land).not.toEqual(brazil);

    // China, the recipient: labelled, and coloured unlike any sender or the muted land.
    await expect(page.getByText('China · recipient')).toBeVisible();
    const china = await atlas.countryColour('CHN');
    for (const other of [await atlas.countryColour('RUS'), land]) expect(china).not.toEqual(other);

    // Dark colours rebuild the map's style: the countries keep their colours, and a filter still repaints them.
    const mongolia = await atlas.countryColour('MNG');
    await page.getByRole('button', { name: 'Switch to dark colours' }).click();
    await expect(page).toHaveURL(/scheme=dark/);
    await atlas.waitForMap();
    const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));
    const darkLand = await atlas.countryColour('IND');
    expect(distance(darkLand, land), 'the muted land turns dark').toBeGreaterThan(100);
    expectColourNear(await atlas.countryColour('AUS'), await swatchColour(atlas, 'drug_control'));
    expectColourNear(await atlas.countryColour('RUS'), await swatchColour(atlas, 'public_security'));
    expectColourNear(await atlas.countryColour('MNG'), await swatchColour(atlas, 'pandemic_response'));
    await page.locator('[data-legend-id="drug_control"]').click();
    await atlas.waitForMap();
    expectColourNear(await atlas.countryColour('AUS'), await swatchColour(atlas, 'drug_control'));
    const fadedMongolia = await atlas.countryColour('MNG');
    expect(distance(fadedMongolia, darkLand)).toBeLessThan(distance(fadedMongolia, mongolia));
  });

  test("a frame draws only what shows: the borders in the countries' source, no empty outline layer, no transparent sky", async ({
    atlas,
    page,
  }) => {
    await atlas.open();
    await atlas.waitForMap();
    const seen = await page.evaluate(async () => {
      type Feature = { properties: Record<string, unknown> };
      const map = window.__atlasMap as {
        getSource(id: string): unknown;
        getLayer(id: string): { source: string } | undefined;
        getLayoutProperty(layer: string, name: string): unknown;
        setLayoutProperty(layer: string, name: string, value: unknown): void;
        queryRenderedFeatures(options: { layers: string[] }): Feature[];
        triggerRepaint(): void;
        once(event: 'render', listener: () => void): void;
        painter: { context: { gl: WebGL2RenderingContext } };
      };
      const borders = map.queryRenderedFeatures({ layers: ['country-border'] });
      const shapes = map.queryRenderedFeatures({ layers: ['country-fill'] });
      const layout = { hover: map.getLayoutProperty('country-hover', 'visibility'), selected: map.getLayoutProperty('country-selected', 'visibility') };
      // With the two country layers hidden too, nothing on the map shows: count what one frame draws.
      const gl = map.painter.context.gl;
      let draws = 0;
      const drawElements = gl.drawElements.bind(gl);
      const drawArrays = gl.drawArrays.bind(gl);
      gl.drawElements = (...args: Parameters<typeof drawElements>) => {
        draws += 1;
        drawElements(...args);
      };
      gl.drawArrays = (...args: Parameters<typeof drawArrays>) => {
        draws += 1;
        drawArrays(...args);
      };
      for (const layer of ['country-fill', 'country-border']) map.setLayoutProperty(layer, 'visibility', 'none');
      await new Promise<void>((resolve) => {
        map.once('render', resolve);
        map.triggerRepaint();
      });
      Reflect.deleteProperty(gl, 'drawElements');
      Reflect.deleteProperty(gl, 'drawArrays');
      for (const layer of ['country-fill', 'country-border']) map.setLayoutProperty(layer, 'visibility', 'visible');
      return {
        bordersSource: map.getSource('borders') === undefined ? 'none' : 'own',
        borderLayerSource: map.getLayer('country-border')?.source,
        borders: borders.length,
        bordersAllMarked: borders.every((f) => f.properties.border === true),
        shapes: shapes.length,
        shapesWithBorderMark: shapes.filter((f) => 'border' in f.properties).length,
        layout,
        drawsWithNothingShown: draws,
      };
    });
    expect(seen.bordersSource, 'no source of their own: they share the countries\' tile masks').toBe('none');
    expect(seen.borderLayerSource).toBe('countries');
    expect(seen.borders, 'borders drawn').toBeGreaterThan(0);
    expect(seen.bordersAllMarked, 'the border layer draws borders alone').toBe(true);
    expect(seen.shapes, 'countries drawn').toBeGreaterThan(0);
    expect(seen.shapesWithBorderMark, 'the fill layer draws no border').toBe(0);
    expect(seen.layout, 'nothing hovered or selected: no outline layer drawn').toEqual({ hover: 'none', selected: 'none' });
    expect(seen.drawsWithNothingShown, 'nothing shown, nothing drawn (MapLibre draws a transparent sky)').toBe(0);
    // The pointer over the map shows both outline layers before anything is outlined (showing one
    // reloads the outlines' source: a hover would wait for that); off the map, they go again.
    const outlineLayers = () =>
      page.evaluate(() => {
        const map = window.__atlasMap as { getLayoutProperty(layer: string, name: string): unknown };
        return [map.getLayoutProperty('country-hover', 'visibility'), map.getLayoutProperty('country-selected', 'visibility')];
      });
    const sea = await atlas.seaPoint();
    await page.mouse.move(sea.x, sea.y);
    await expect.poll(outlineLayers).toEqual(['visible', 'visible']);
    await page.mouse.move(0, 0);
    await expect.poll(outlineLayers).toEqual(['none', 'none']);

    // And the map is whole again.
    await atlas.waitForMap();
    expectColourNear(await atlas.countryColour('AUS'), await swatchColour(atlas, 'drug_control'));
  });
});

test.describe('zoom buttons', () => {
  test("stay once MapLibre has taken over: + zooms its map and the link keeps the camera; ⌂ goes back to the whole world and then hides", async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    const zoom = () => page.evaluate(() => (window.__atlasMap as { getZoom(): number }).getZoom());
    const worldZoom = await zoom();
    await expect(page.getByRole('button', { name: 'Show the whole world' })).toHaveCount(0);

    await page.getByRole('button', { name: 'Zoom in' }).click();
    await atlas.waitForCameraToSettle();
    expect(await zoom()).toBeCloseTo(worldZoom + 1, 1);
    await expect.poll(() => new URL(page.url()).searchParams.get('camera')).not.toBeNull();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await atlas.waitForCameraToSettle();
    await page.getByRole('button', { name: 'Zoom out' }).click();
    await atlas.waitForCameraToSettle();
    expect(await zoom()).toBeCloseTo(worldZoom + 1, 1);

    await page.getByRole('button', { name: 'Show the whole world' }).click();
    await atlas.waitForCameraToSettle();
    expect(await zoom()).toBeCloseTo(worldZoom, 2);
    await expect(page.getByRole('button', { name: 'Show the whole world' })).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Zoom in' })).toBeVisible();
  });

  test('+ with a place open zooms around the part of the map the panel leaves visible: the place stays in sight', async ({ atlas, page }) => {
    await atlas.open('?sender=mmr-embassy-in-china');
    await expect(atlas.panel().getByRole('heading', { level: 2, name: 'Myanmar' })).toBeVisible();
    await atlas.waitForMap();
    await atlas.waitForCameraToSettle();
    const panelLeft = (await atlas.panel().boundingBox())!.x;
    const myanmarAt = () =>
      page.evaluate(() => {
        const map = window.__atlasMap as { project(p: [number, number]): { x: number; y: number }; getCanvas(): HTMLCanvasElement };
        const box = map.getCanvas().getBoundingClientRect();
        // Myanmar's capital, Naypyidaw.
        const p = map.project([96.13, 19.76]);
        return { x: box.left + p.x, y: box.top + p.y };
      });
    const before = await myanmarAt();
    expect(before.x, 'Myanmar is brought into view beside the panel').toBeLessThan(panelLeft);
    for (let step = 0; step < 2; step++) {
      await page.getByRole('button', { name: 'Zoom in' }).click();
      await atlas.waitForCameraToSettle();
    }
    const after = await myanmarAt();
    // Around the canvas's middle (under the panel's edge), two steps moved it about 4 × its
    // distance from there: under the legend. Around the visible part's middle it stays in sight.
    expect(after.x, `Myanmar stays left of the panel (at ${Math.round(after.x)}, panel at ${Math.round(panelLeft)})`).toBeLessThan(panelLeft);
    expect(after.x, 'and right of the legend').toBeGreaterThan((await page.locator('.atlas__legend').boundingBox())!.x + (await page.locator('.atlas__legend').boundingBox())!.width);
    expect(Math.abs(after.x - before.x), 'it barely moves').toBeLessThan(150);
  });

  test('⌂ on a link to a place: the whole world stays when MapLibre takes over, and the panel stays open', async ({ atlas, page }) => {
    await atlas.open('?sender=aus-australian-federal-police');
    // The SVG map opens on Australia, brought into view beside the panel.
    await expect(page.getByTestId('svg-map')).toBeVisible();
    await expect(atlas.panel().getByRole('heading', { level: 2, name: 'Australia' })).toBeVisible();
    await page.getByRole('button', { name: 'Show the whole world' }).click();
    await expect(page.getByRole('button', { name: 'Show the whole world' })).toHaveCount(0);
    const linkZoom = Number(new URL(page.url()).searchParams.get('camera')?.split(',')[2]);

    await atlas.waitForMap();
    await atlas.waitForCameraToSettle();
    // MapLibre starts where the SVG map was, and does not bring Australia back into view.
    const zoom = await page.evaluate(() => (window.__atlasMap as { getZoom(): number }).getZoom());
    expect(zoom, 'MapLibre kept the whole world').toBeCloseTo(linkZoom, 1);
    await expect(page.getByRole('button', { name: 'Show the whole world' })).toHaveCount(0);
    await expect(atlas.panel().getByRole('heading', { level: 2, name: 'Australia' })).toBeVisible();
    expect(new URL(page.url()).searchParams.get('sender')).toBe('aus-australian-federal-police');
  });

  test('the link keeps the camera the wheel leaves, zooming out as well as in', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    const linkZoom = () => Number(new URL(page.url()).searchParams.get('camera')?.split(',')[2]);
    const mapZoom = () => page.evaluate(() => (window.__atlasMap as { getZoom(): number }).getZoom());
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await atlas.waitForCameraToSettle();
    await expect.poll(linkZoom).toBeCloseTo(await mapZoom(), 1);
    const zoomedIn = await mapZoom();
    const sea = await atlas.seaPoint();
    await page.mouse.move(sea.x, sea.y);
    for (let step = 0; step < 4; step++) {
      await page.mouse.wheel(0, 200);
      await page.waitForTimeout(100);
    }
    await atlas.waitForCameraToSettle();
    const zoomedOut = await mapZoom();
    expect(zoomedOut, 'the wheel zoomed out').toBeLessThan(zoomedIn - 0.5);
    await expect.poll(linkZoom).toBeCloseTo(zoomedOut, 1);
  });
});

test.describe('hover', () => {
  test('the pointer on a country outlines it alone and names it; on the sea, the outline goes', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    const hovered = () =>
      page.evaluate(() => {
        const map = window.__atlasMap as { queryRenderedFeatures(o: object): { properties: { iso3?: string } }[] };
        return [...new Set(map.queryRenderedFeatures({ layers: ['country-hover'] }).map((f) => f.properties.iso3))];
      });
    expect(await hovered()).toEqual([]);
    const point = await atlas.countryPoint('AUS');
    await page.mouse.move(point.x, point.y);
    await expect(page.getByRole('tooltip')).toContainText('Australia');
    await expect.poll(hovered).toEqual(['AUS']);
    const sea = await atlas.seaPoint();
    await page.mouse.move(sea.x, sea.y);
    await expect(page.getByRole('tooltip')).toHaveCount(0);
    await expect.poll(hovered).toEqual([]);
  });

  test("a press on the map restyles none of its markers: the canvas container's cursor stays as it was", async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    const sea = await atlas.seaPoint();
    await page.mouse.move(sea.x, sea.y);
    const cursors = () =>
      page.evaluate(() => {
        const container = (window.__atlasMap as { getCanvasContainer(): HTMLElement }).getCanvasContainer();
        const marker = container.querySelector('.maplibregl-marker');
        return {
          pressed: container.matches(':active'),
          canvas: getComputedStyle(container.querySelector('canvas')!).cursor,
          container: getComputedStyle(container).cursor,
          marker: marker ? getComputedStyle(marker).cursor : null,
        };
      });
    const before = await cursors();
    expect(before).toEqual({ pressed: false, canvas: 'grab', container: 'grab', marker: 'grab' });
    await page.mouse.down();
    const whilePressed = await cursors();
    await page.mouse.up();
    // An inherited cursor that changed on the press would restyle every marker in the container.
    expect(whilePressed).toEqual({ ...before, pressed: true });
  });
});

test.describe('marker hover', () => {
  test("the pointer on Singapore's marker names Singapore, not Malaysia beneath it", async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    const marker = page.locator('.atlas-marker[data-place="SGP"]');
    const box = (await marker.boundingBox())!;
    // Across the map onto the marker, as a pointer comes: the map saw Malaysia on the way.
    await page.mouse.move(box.x - 40, box.y - 40);
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 5 });
    await expect(page.getByRole('tooltip')).toContainText('Singapore');
    await page.mouse.move(box.x + box.width / 2 + 1, box.y + box.height / 2 + 1);
    await expect(page.getByRole('tooltip')).toContainText('Singapore');
  });

  test("a hovered marker's name shows above its neighbours: Andorra's beside INTERPOL's marker", async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    const andorra = page.locator('.atlas-marker[data-place="AND"]');
    const interpol = page.locator('.atlas-marker[data-place="interpol-general-secretariat"]');
    const own = (await andorra.boundingBox())!;
    const neighbour = (await interpol.boundingBox())!;
    // The two overlap at the world view; the organisation's marker is drawn above the country's.
    expect(neighbour.x < own.x + own.width && own.x < neighbour.x + neighbour.width).toBe(true);
    expect(neighbour.y < own.y + own.height && own.y < neighbour.y + neighbour.height).toBe(true);
    // Onto Andorra's round marker, on its side away from INTERPOL's (which covers the rest).
    const centre = { x: own.x + own.width / 2, y: own.y + own.height / 2 };
    const away = { x: centre.x - (neighbour.x + neighbour.width / 2), y: centre.y - (neighbour.y + neighbour.height / 2) };
    const reach = (own.width * 0.3) / Math.hypot(away.x, away.y);
    await page.mouse.move(centre.x + away.x * reach, centre.y + away.y * reach);
    const label = andorra.locator('.atlas-marker__label');
    await expect(label).toBeVisible();
    const labelBox = (await label.boundingBox())!;
    // The label runs under INTERPOL's marker: each of its points must show Andorra's own button.
    expect(labelBox.y < neighbour.y + neighbour.height && labelBox.x < neighbour.x + neighbour.width).toBe(true);
    const hidden = await andorra.evaluate((button) => {
      const box = button.querySelector('.atlas-marker__label')!.getBoundingClientRect();
      const points: string[] = [];
      for (const fy of [0.2, 0.5, 0.8]) {
        for (let fx = 0.05; fx < 1; fx += 0.1) {
          const x = box.left + box.width * fx;
          const y = box.top + box.height * fy;
          const top = document.elementFromPoint(x, y);
          if (!top || !button.contains(top)) points.push(`${Math.round(x)},${Math.round(y)}`);
        }
      }
      return points;
    });
    expect(hidden).toEqual([]);
  });
});

test.describe('the panel', () => {
  test("clicking Vietnam opens its panel with To Lam's title and his words; the close button, Esc and a click on the sea close it", async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    await atlas.clickCountry('VNM');
    const panel = atlas.panel();
    await expect(panel.getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    await expect(panel).toContainText('Member of Political Bureau of the Central Committee of the Communist Party of Vietnam');
    await expect(panel.locator('mark', { hasText: 'anti-terrorism' })).toBeVisible();
    await expect(page).toHaveURL(/sender=vnm-ministry-of-public-security/);

    await page.getByRole('button', { name: /Close panel/ }).click();
    await expect(atlas.panel()).toHaveCount(0);
    await expect(page).not.toHaveURL(/sender=/);

    await atlas.clickCountry('VNM');
    await expect(atlas.panel()).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(atlas.panel()).toHaveCount(0);

    await atlas.clickCountry('VNM');
    await expect(atlas.panel()).toBeVisible();
    const sea = await atlas.seaPoint();
    await page.mouse.click(sea.x, sea.y);
    await expect(atlas.panel()).toHaveCount(0);
  });

  test('before any place is opened, each font its panel draws with is already in use, out of sight', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    // Style, weight, size and family of each element that draws text of its own: what a font is made for.
    const fontsIn = (selector: string) =>
      page.evaluate((root) => {
        const fonts = new Set<string>();
        for (const element of document.querySelector(root)!.querySelectorAll('*')) {
          const ownText = [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent!.trim() !== '');
          const pseudo = getComputedStyle(element, '::before').content;
          if (!ownText && (pseudo === 'none' || pseudo === 'normal')) continue;
          const style = getComputedStyle(element);
          fonts.add(`${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`);
        }
        return [...fonts];
      }, selector);
    await expect(page.getByTestId('panel-font-sample')).toBeAttached();
    const sampleFonts = await fontsIn('[data-testid="panel-font-sample"]');
    // Australia's police quote and are paraphrased: both kinds of statement.
    await atlas.clickCountry('AUS');
    await expect(atlas.panel().getByRole('heading', { level: 2, name: 'Australia' })).toBeVisible();
    const panelFonts = await fontsIn('[data-testid="sender-panel"]');
    // The heading, the kicker, a body, an official, a quote in serif, chips and buttons.
    expect(panelFonts.length).toBeGreaterThanOrEqual(6);
    expect(panelFonts.some((font) => font.includes('serif') && !font.includes('sans-serif'))).toBe(true);
    expect(panelFonts.filter((font) => !sampleFonts.includes(font))).toEqual([]);
  });

  test("a click's panel is painted before the map redraws, and the map then outlines the country", async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    const point = await atlas.countryPoint('VNM');
    // The pointer rests on the country first, as a person's does: its hover outline is drawn before the click.
    await page.mouse.move(point.x, point.y);
    await page.waitForFunction(() => (window.__atlasMap as { isMoving(): boolean }).isMoving() === false);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300)))));
    await page.evaluate(() => {
      const events: string[] = [];
      (window as unknown as { __clickFrames: string[] }).__clickFrames = events;
      const map = window.__atlasMap as { on(type: 'render', listener: () => void): void; getCanvasContainer(): HTMLElement };
      map.on('render', () => events.push('map drawn'));
      // Only what follows the press counts: a frame of the map still drawing the hover before it is no finding.
      map.getCanvasContainer().addEventListener('pointerdown', () => (events.length = 0), { capture: true, once: true });
      const frame = () => {
        if (document.querySelector('[data-testid="sender-panel"]')) {
          events.push('panel in a frame');
          // A task posted from a frame's callbacks runs once that frame is done.
          const channel = new MessageChannel();
          channel.port1.onmessage = () => events.push('frame done');
          channel.port2.postMessage(null);
          return;
        }
        requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });
    await page.mouse.click(point.x, point.y);
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    await page.waitForFunction(() => (window as unknown as { __clickFrames: string[] }).__clickFrames.includes('frame done'));
    const clickFrames = () => page.evaluate(() => (window as unknown as { __clickFrames: string[] }).__clickFrames);
    const events = await clickFrames();
    // MapLibre redraws on every mouseup; in that frame the panel would wait for a redraw of an unchanged map.
    expect(events.slice(0, events.indexOf('frame done') + 1)).toEqual(['panel in a frame', 'frame done']);
    await page.waitForFunction(() => {
      const map = window.__atlasMap as { queryRenderedFeatures(o: object): { properties: { iso3?: string } }[] };
      return map.queryRenderedFeatures({ layers: ['country-selected'] }).some((f) => f.properties.iso3 === 'VNM');
    });
    // The outline's change asks for a redraw of its own; that the held redraw is given back is the unit tests' part.
    expect((await clickFrames()).includes('map drawn')).toBe(true);
  });

  test('shows a statement in the context of its source paragraph', async ({ atlas, page }) => {
    await atlas.open('?sender=vnm-ministry-of-public-security');
    const panel = atlas.panel();
    await panel.getByRole('button', { name: 'In the source' }).first().click();
    const context = panel.locator('.statement__context').first();
    await expect(context).toContainText('To Lam, Member of Political Bureau');
    await expect(context.locator('mark')).toContainText('the high-level dialogue');
    await expect(page.getByRole('button', { name: 'Hide the source' })).toBeVisible();
  });

  test('a list-only country says it sent a letter and nothing is quoted', async ({ atlas }) => {
    await atlas.open('?sender=bra-listed');
    await expect(atlas.panel()).toContainText('sent a congratulatory letter');
    await expect(atlas.panel()).toContainText('quotes nothing');
  });

  test('a country with two bodies shows both, the linked one first', async ({ atlas }) => {
    await atlas.open('?sender=gbr-national-police-chiefs-council');
    const bodies = atlas.panel().locator('[data-sender-id]');
    await expect(bodies).toHaveCount(2);
    await expect(bodies.first()).toHaveAttribute('data-sender-id', 'gbr-national-police-chiefs-council');
  });
});

test.describe('the legend filters', () => {
  test('toggling drugs keeps Vietnam, Myanmar, Australia and the US in colour and fades Mongolia; several themes colour by the first in codebook order', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    const mongoliaBefore = await atlas.countryColour('MNG');
    const drugs = page.locator('[data-legend-id="drug_control"]');
    await drugs.click();
    await expect(drugs).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/themes=drug_control/);
    await atlas.waitForMap();
    const drugColour = await swatchColour(atlas, 'drug_control');
    for (const iso3 of ['VNM', 'MMR', 'AUS', 'USA']) expectColourNear(await atlas.countryColour(iso3), drugColour);
    const mongolia = await atlas.countryColour('MNG');
    expect(mongolia).not.toEqual(mongoliaBefore);
    // Faded: closer to the muted land than to its own colour.
    const land = await atlas.countryColour('IND');
    const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));
    expect(distance(mongolia, land)).toBeLessThan(distance(mongolia, mongoliaBefore));

    // Several themes: places naming any of them, each coloured by the first in codebook order.
    await drugs.click();
    await page.locator('[data-legend-id="pandemic_response"]').click();
    await page.locator('[data-legend-id="counter_terrorism"]').click();
    await expect(page).toHaveURL(/themes=counter_terrorism%2Cpandemic_response|themes=counter_terrorism,pandemic_response/);
    await atlas.waitForMap();
    expectColourNear(await atlas.countryColour('VNM'), await swatchColour(atlas, 'counter_terrorism'));
    expectColourNear(await atlas.countryColour('MNG'), await swatchColour(atlas, 'pandemic_response'));
    expectColourNear(await atlas.countryColour('THA'), await swatchColour(atlas, 'pandemic_response'));

    // Faded places stay clickable.
    await atlas.clickCountry('AUS');
    await expect(atlas.panel().getByRole('heading', { name: 'Australia' }).first()).toBeVisible();

    await page.getByRole('button', { name: 'Show all' }).click();
    await expect(page).not.toHaveURL(/themes=/);
  });

  test('the search finds a field: "narco" offers the drugs field, Enter filters the map to it as its legend entry does, and says so', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    const mongoliaBefore = await atlas.countryColour('MNG');
    const box = page.getByRole('combobox', { name: 'Search countries, bodies, officials, fields' });
    await box.fill('narco');
    const option = page.getByRole('listbox', { name: 'Suggestions' }).getByRole('option').first();
    await expect(option).toHaveText(/^Drugs & precursor chemicals, Field of cooperation · 4 places$/);
    const legendSwatch = await page.locator('[data-legend-id="drug_control"] .legend__swatch').evaluate((el) => getComputedStyle(el).backgroundColor);
    await expect(option.locator('.search-box__swatch')).toHaveCSS('background-color', legendSwatch);
    await box.press('Enter');
    await expect(page.locator('[data-legend-id="drug_control"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(page).toHaveURL(/themes=drug_control(&|$)/);
    await expect(page.getByTestId('announcer')).toHaveText('Filter: Drugs & precursor chemicals.');
    await atlas.waitForMap();
    const drugColour = await swatchColour(atlas, 'drug_control');
    for (const iso3 of ['VNM', 'MMR', 'AUS', 'USA']) expectColourNear(await atlas.countryColour(iso3), drugColour);
    const land = await atlas.countryColour('IND');
    const mongolia = await atlas.countryColour('MNG');
    const distance = (a: number[], b: number[]) => Math.hypot(...a.map((v, i) => v - b[i]!));
    expect(distance(mongolia, land), 'Mongolia, which names no drugs, is faded').toBeLessThan(distance(mongolia, mongoliaBefore));
    // No panel opened: a field is not a place.
    await expect(atlas.panel()).toHaveCount(0);
  });

  test('shows a theme description on demand', async ({ atlas, page }) => {
    await atlas.open();
    await page.getByRole('button', { name: 'What "Drugs & precursor chemicals" means' }).click();
    await expect(page.getByText(/drug control, narcotics/i)).toBeVisible();
  });
});

test.describe('markers', () => {
  test('a small country and an international organisation each have a clickable marker', async ({ atlas, page }) => {
    await atlas.open();
    await atlas.waitForMap();
    // INTERPOL first: its marker is clear of the panel, so the camera stays where it is.
    await page.getByRole('button', { name: /INTERPOL \(international organisation\)/ }).click();
    await expect(atlas.panel()).toContainText('Jürgen Stock');
    await expect(atlas.panel()).toContainText('International organisation');
    await page.getByRole('button', { name: /Close panel/ }).click();

    await page.getByRole('button', { name: 'Singapore' }).click();
    await expect(atlas.panel().getByRole('heading', { name: 'Singapore' })).toBeVisible();
    for (const name of ['Andorra', 'Trinidad and Tobago']) {
      await expect(page.getByRole('button', { name, exact: true })).toBeAttached();
    }
  });
});

test.describe('the view in the URL', () => {
  test('a deep link opens the panel and the filter; back and forward work', async ({ atlas, page }) => {
    await atlas.open('?sender=mmr-embassy-in-china&themes=drug_control');
    await expect(atlas.panel()).toContainText('U Myo Thant Pe');
    await expect(page.locator('[data-legend-id="drug_control"]')).toHaveAttribute('aria-pressed', 'true');
    await atlas.waitForMap();
    await atlas.clickCountry('VNM');
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
    await page.goBack();
    await expect(atlas.panel()).toContainText('U Myo Thant Pe');
    await page.goForward();
    await expect(atlas.panel().getByRole('heading', { name: 'Vietnam' })).toBeVisible();
  });

  test('an unknown sender or theme is ignored with a visible notice', async ({ atlas, page }) => {
    await atlas.open('?sender=atlantis-ministry&themes=drug_control,witchcraft');
    await expect(page.getByText('No sender "atlantis-ministry" in this dataset')).toBeVisible();
    await expect(page.getByText('No theme "witchcraft" in this dataset')).toBeVisible();
    await expect(page.locator('[data-legend-id="drug_control"]')).toHaveAttribute('aria-pressed', 'true');
    await expect(atlas.panel()).toHaveCount(0);
  });
});

test.describe('layout', () => {
  /** Whether a click at the middle of `locator` lands on it: on screen, and nothing over it. */
  function reachable(locator: Locator): Promise<boolean> {
    return locator.evaluate((el) => {
      const box = el.getBoundingClientRect();
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (x < 0 || y < 0 || x > window.innerWidth || y > window.innerHeight) return false;
      const hit = document.elementFromPoint(x, y);
      return hit !== null && (hit === el || el.contains(hit));
    });
  }

  test('on a 1024 × 768 projector every header button is on screen and clickable', async ({ atlas, page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await atlas.open();
    const buttons = page.locator('.atlas__actions button');
    await expect(buttons).toHaveCount(8);
    for (const button of await buttons.all()) {
      expect(await reachable(button), `${await button.textContent()} can be clicked`).toBe(true);
    }
    await page.getByRole('button', { name: 'About & source' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
  });

  test('on a 1280 × 800 laptop the title and the line under it are whole, the search and buttons on a row of their own', async ({ atlas, page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await atlas.open();
    for (const selector of ['.atlas__title', '.atlas__subtitle']) {
      const cut = await page.locator(selector).evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
      expect(cut, `${selector} is shown whole`).toBe(false);
    }
    const headingBottom = (await page.locator('.atlas__heading').boundingBox())!;
    const buttons = page.locator('.atlas__actions button');
    await expect(buttons).toHaveCount(8);
    for (const button of await buttons.all()) {
      expect((await button.boundingBox())!.y, `${await button.textContent()} is under the heading`).toBeGreaterThanOrEqual(headingBottom.y + headingBottom.height);
    }
    // The search's list of matches opens over the map, not over the buttons.
    await page.getByRole('combobox', { name: 'Search countries, bodies, officials, fields' }).fill('viet');
    await expect(page.getByRole('option').first()).toBeVisible();
    for (const button of await buttons.all()) {
      expect(await reachable(button), `${await button.textContent()} can be clicked with the matches open`).toBe(true);
    }
  });

  test("the list view leaves the legend its column, so no place's name is under it", async ({ atlas, page }) => {
    await atlas.open();
    await page.getByRole('button', { name: 'List view' }).click();
    await expect(page.locator('[data-legend-id="drug_control"]')).toBeVisible();
    const names = page.locator('.places-table__scroll tbody th[scope="row"] button');
    await expect(names.first()).toBeVisible();
    for (const name of (await names.all()).slice(0, 6)) {
      await name.scrollIntoViewIfNeeded();
      expect(await reachable(name), `${await name.textContent()} is not under the legend`).toBe(true);
    }
  });

  test('on a 1024 × 768 projector the list view with a place open folds the legend into its button, leaving the table room', async ({
    atlas,
    page,
  }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    await atlas.open('?sender=vnm-ministry-of-public-security');
    await expect(atlas.panel()).toBeVisible();
    await page.getByRole('button', { name: 'List view' }).click();
    const table = page.locator('.places-table__scroll');
    await expect(table).toBeVisible();
    // Beside the legend's column and the panel it had 270 px, its text one word to a line.
    expect((await table.boundingBox())!.width, 'the table is at least 500 px wide').toBeGreaterThanOrEqual(500);
    await expect(page.locator('[data-legend-id="drug_control"]')).toBeHidden();
    const legendButton = page.getByRole('button', { name: 'Legend', exact: true });
    expect(await reachable(legendButton), 'the folded legend can be opened').toBe(true);
    // Asked for, the legend opens and filters as ever.
    await legendButton.click();
    await page.locator('[data-legend-id="drug_control"]').click();
    await expect(page.locator('[data-legend-id="drug_control"]')).toHaveAttribute('aria-pressed', 'true');
    // With the panel closed the table has room again: the legend docks beside it, open.
    await page.keyboard.press('Escape');
    await expect(atlas.panel()).toHaveCount(0);
    await expect(table).toBeVisible();
    await expect(page.locator('.atlas--legend-docked')).toHaveCount(1);
    await expect(page.locator('[data-legend-id="drug_control"]')).toBeVisible();
  });

  test('the title and the line under it are whole at every laptop width; in Chinese the header keeps one row from 1280 px', async ({ atlas, page }) => {
    const whole = async (width: number) => {
      for (const selector of ['.atlas__title', '.atlas__subtitle']) {
        const cut = await page.locator(selector).evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
        expect(cut, `${selector} is shown whole at ${width} px`).toBe(false);
      }
    };
    // At 1440 px the line under the title was cut after two lines, beside all the buttons.
    for (const width of [1366, 1440, 1536, 1680, 1920]) {
      await page.setViewportSize({ width, height: 900 });
      if (width === 1366) await atlas.open();
      await whole(width);
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByRole('button', { name: '切换到中文' }).click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
    await whole(1280);
    const heading = (await page.locator('.atlas__heading').boundingBox())!;
    const firstButton = (await page.locator('.atlas__actions button').first().boundingBox())!;
    expect(firstButton.y, 'the Chinese buttons sit beside the heading, in one row').toBeLessThan(heading.y + heading.height);
  });

  test('the list view is in the link: a reload or a shared link opens the list, and Map view takes it out', async ({ atlas, page }) => {
    await atlas.open('?themes=drug_control');
    await page.getByRole('button', { name: 'List view' }).click();
    await expect(page.locator('.places-table__scroll')).toBeVisible();
    await expect(page).toHaveURL(/[?&]view=list/);
    await expect(page).toHaveURL(/themes=drug_control/);
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('dialog')).toContainText('the list view');
    const link = await page.getByRole('dialog').getByRole('textbox').first().inputValue();
    expect(link, 'the shared link opens the list').toMatch(/[?&]view=list/);
    await page.keyboard.press('Escape');

    await page.reload();
    await expect(page.locator('.places-table__scroll')).toBeVisible();
    await expect(page.getByRole('button', { name: 'Map view' })).toHaveAttribute('aria-pressed', 'true');
    // The legend's filter came along, and the list follows it: the four places that name drugs.
    await expect(page.locator('.places-table__scroll tbody tr')).toHaveCount(4);

    await page.getByRole('button', { name: 'Map view' }).click();
    await expect(page.locator('.places-table__scroll')).toHaveCount(0);
    await expect(page).not.toHaveURL(/view=/);
  });

  test('on a 1280 × 800 laptop the list view with a place open shows all six columns, none cut off at the panel', async ({ atlas, page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await atlas.open('?sender=vnm-ministry-of-public-security');
    await expect(atlas.panel()).toBeVisible();
    await page.getByRole('button', { name: 'List view' }).click();
    const table = page.locator('.places-table__scroll');
    await expect(table).toBeVisible();
    // Beside the legend's column the table had 516 px; Fields and Statements were cut off at the panel.
    const { clientWidth, scrollWidth } = await table.evaluate((el) => ({ clientWidth: el.clientWidth, scrollWidth: el.scrollWidth }));
    expect(scrollWidth, `the table needs no sideways scrolling (it is ${clientWidth} px wide)`).toBeLessThanOrEqual(clientWidth);
    const box = (await table.boundingBox())!;
    const panelLeft = (await atlas.panel().boundingBox())!.x;
    expect(box.x + box.width, 'the table ends before the panel').toBeLessThanOrEqual(panelLeft);
    for (const name of ['Place', 'Bodies', 'Officials', 'Highest level', 'Fields', 'Statements']) {
      const header = page.getByRole('columnheader', { name: new RegExp(`^${name}`) });
      const h = (await header.boundingBox())!;
      expect(h.x + h.width, `the ${name} column is inside the table`).toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
    await expect(page.locator('[data-legend-id="drug_control"]')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Legend', exact: true })).toBeVisible();
  });

  test("on a narrow screen the folded legend's button covers none of the list's table", async ({ atlas, page }) => {
    await page.setViewportSize({ width: 700, height: 800 });
    await atlas.open();
    await page.getByRole('button', { name: 'List view' }).click();
    const table = page.locator('.places-table__scroll');
    await expect(table).toBeVisible();
    const legendButton = page.getByRole('button', { name: 'Legend', exact: true });
    await expect(legendButton).toBeVisible();
    const [t, b] = [(await table.boundingBox())!, (await legendButton.boundingBox())!];
    const overlap = b.x < t.x + t.width && t.x < b.x + b.width && b.y < t.y + t.height && t.y < b.y + b.height;
    expect(overlap, `the Legend button (${JSON.stringify(b)}) is clear of the table (${JSON.stringify(t)})`).toBe(false);
    // Scrolled to its end, the last place's name can be clicked.
    await table.evaluate((el) => el.scrollTo(0, el.scrollHeight));
    const last = page.locator('.places-table__scroll tbody th[scope="row"] button').last();
    expect(await reachable(last), `${await last.textContent()} can be clicked`).toBe(true);
    expect(await reachable(legendButton), 'the Legend button can be clicked').toBe(true);
  });

  test("with another dataset, the note that it is not the atlas's covers none of the list's buttons", async ({ atlas, page }) => {
    const shipped = JSON.parse(readFileSync('public/data/atlas.json', 'utf8')) as { senders: unknown[] };
    const other = { ...shipped, title: 'Another event', senders: shipped.senders.slice(0, 5), source: { title: 'Test source', file: null } };
    await page.route('**/__test-data/other-event.json', (route) => route.fulfill({ contentType: 'application/json', body: JSON.stringify(other) }));
    await atlas.open('?data=__test-data/other-event.json');
    await expect(page.getByTestId('provenance')).toBeVisible();
    await page.getByRole('button', { name: 'List view' }).click();
    for (const name of ['Download data (JSON)', 'Download data (CSV + companion)']) {
      const button = page.getByRole('button', { name });
      await expect(button).toBeVisible();
      expect(await reachable(button), `${name} can be clicked`).toBe(true);
    }
  });
});
