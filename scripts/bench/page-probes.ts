/**
 * What the benchmark measures inside the page. These functions are sent to
 * the browser (Playwright serialises them), so each is self-contained: no
 * imports, no closures over this module.
 *
 * "Visible" means painted: a condition is checked in requestAnimationFrame,
 * which runs just before the browser paints a frame, and the time is taken
 * in a message posted from there, which runs once that frame is done.
 * MapLibre's `idle` is never trusted (it fires even when its worker failed):
 * the map counts as rendered when it reports rendered country features.
 */

/** The slice of MapLibre's Map the probes use. */
interface ProbeMap {
  getLayer(id: string): unknown;
  getSource(id: string): unknown;
  isSourceLoaded(id: string): boolean;
  queryRenderedFeatures(options: { layers: string[] }): unknown[];
  getPaintProperty(layer: string, name: string): unknown;
  querySourceFeatures(source: string): { id?: string | number }[];
  getFeatureState(feature: { source: string; id: string | number }): Record<string, unknown>;
  on(type: 'render', listener: () => void): void;
  off(type: 'render', listener: () => void): void;
}

export interface LoadMarks {
  /** ms from navigation start: the first painted frame showing a coloured map (SVG or MapLibre). */
  firstColouredMap?: number;
  /** ms from navigation start: the first frame in which MapLibre has rendered country features. */
  maplibreRendered?: number;
}

declare global {
  interface Window {
    __benchLoad?: LoadMarks;
    /** The measurement armed before an action, awaited after it (see `armed`). */
    __benchPending?: Promise<number>;
    /** ms from the last armed click to the panel's new text in the DOM (before any frame). */
    __benchPanelInDom?: number;
  }
}

/** Init script: watches every frame from the start of the page until both marks are set. */
export function installLoadProbe() {
  const marks: LoadMarks = {};
  window.__benchLoad = marks;
  const afterPaint = (set: (t: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => set(performance.now());
    channel.port2.postMessage(null);
  };
  // queryRenderedFeatures over the whole map costs tens of ms here: ask it only once the
  // countries' source has loaded, so the probe does not slow the load it measures.
  const maplibreDrawn = () => {
    const map = window.__atlasMap as ProbeMap | undefined;
    return Boolean(
      map?.getLayer('country-fill') &&
        map.getSource('countries') &&
        map.isSourceLoaded('countries') &&
        map.queryRenderedFeatures({ layers: ['country-fill'] }).length > 0,
    );
  };
  // The atlas's first paint: an SVG map in which some country wears a theme colour of the
  // legend, so a grey placeholder would not count. (Counting distinct fills does not work: in
  // the large dataset every place names the first theme, so the map has one theme colour.)
  const hex = (rgb: string) =>
    `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((v) => Number(v).toString(16).padStart(2, '0')).join('')}`;
  const svgColoured = () => {
    const paths = document.querySelectorAll('[data-testid="svg-map"] path[data-iso3]');
    if (paths.length === 0) return false;
    const themes = new Set(
      [...document.querySelectorAll('[data-legend-id] .legend__swatch')].map((swatch) => hex(getComputedStyle(swatch).backgroundColor)),
    );
    for (const path of paths) if (themes.has((path.getAttribute('fill') ?? '').toLowerCase())) return true;
    return false;
  };
  let coloured = false;
  const frame = () => {
    const gl = maplibreDrawn();
    if (!coloured && (gl || svgColoured())) {
      coloured = true;
      afterPaint((t) => (marks.firstColouredMap = t));
    }
    // MapLibre drawn implies a coloured map: nothing left to watch.
    if (gl) afterPaint((t) => (marks.maplibreRendered = t));
    else requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/**
 * The arm* functions install their listeners and leave the measurement in
 * `window.__benchPending`: the benchmark awaits the arming, then acts (a click
 * through Playwright's input), then awaits the result, so the listener is
 * certain to be there before the click.
 */
export function armedResult(): Promise<number> {
  return window.__benchPending ?? Promise.reject(new Error('nothing armed'));
}

/**
 * Arms a measurement of the next click anywhere in the page: from the click
 * event's time stamp to the first painted frame in which the sender panel
 * shows text other than `before`. Resolves with milliseconds. Also notes in
 * `window.__benchPanelInDom` when that text reached the DOM: the page's own
 * work, before the browser draws the frame (which, with MapLibre, includes a
 * WebGL redraw that MapLibre asks for on every mouseup).
 */
export function armClickToPanel(before: string | null): void {
  window.__benchPanelInDom = undefined;
  window.__benchPending = new Promise((resolve, reject) => {
    let clickedAt: number | null = null;
    document.addEventListener('click', (event) => (clickedAt = event.timeStamp), { capture: true, once: true });
    const panelText = () => document.querySelector('[data-testid="sender-panel"]')?.textContent?.trim() ?? '';
    const inDom = new MutationObserver(() => {
      const text = panelText();
      if (clickedAt === null || text === '' || text === before) return;
      window.__benchPanelInDom = performance.now() - clickedAt;
      inDom.disconnect();
    });
    inDom.observe(document.body, { childList: true, subtree: true, characterData: true });
    const deadline = performance.now() + 30_000;
    const frame = () => {
      const text = panelText();
      if (clickedAt !== null && text !== '' && text !== before) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - clickedAt!);
        channel.port2.postMessage(null);
        return;
      }
      if (performance.now() > deadline) return reject(new Error('no panel text within 30 s of the click'));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Arms a measurement of the next click on a legend toggle: from the click to
 * the first MapLibre frame drawn with other fill colours than before, whether
 * a page changes the fill layer's paint (the plain page) or the countries'
 * feature states (the atlas).
 */
export function armToggleToRepaint(): void {
  window.__benchPending = new Promise((resolve, reject) => {
    const map = window.__atlasMap as ProbeMap | undefined;
    if (!map) return reject(new Error('no map'));
    const ids = [...new Set(map.querySourceFeatures('countries').map((f) => f.id))].filter((id) => id !== undefined);
    const paint = () =>
      JSON.stringify([
        map.getPaintProperty('country-fill', 'fill-color'),
        ids.map((id) => map.getFeatureState({ source: 'countries', id })),
      ]);
    // Read as the click arrives (before the page answers it), so the pointer leaving the
    // map on its way to the legend, which clears a hover state, does not count as the repaint.
    let before = '';
    let clickedAt: number | null = null;
    document.addEventListener(
      'click',
      (event) => {
        before = paint();
        clickedAt = event.timeStamp;
      },
      { capture: true, once: true },
    );
    // 'render' fires at the end of each frame MapLibre draws: the first one with the new paint drew it.
    const onRender = () => {
      if (clickedAt === null || paint() === before) return;
      map.off('render', onRender);
      clearTimeout(timer);
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve(performance.now() - clickedAt!);
      channel.port2.postMessage(null);
    };
    map.on('render', onRender);
    const timer = setTimeout(() => {
      map.off('render', onRender);
      reject(new Error('the map was not repainted within 30 s of the toggle'));
    }, 30_000);
  });
}

/** Arms a measurement of the next click: until a painted frame shows a table row in the list view. */
export function armClickToList(): void {
  window.__benchPending = new Promise((resolve, reject) => {
    let clickedAt: number | null = null;
    document.addEventListener('click', (event) => (clickedAt = event.timeStamp), { capture: true, once: true });
    const deadline = performance.now() + 30_000;
    const frame = () => {
      if (clickedAt !== null && document.querySelector('.places-table__scroll tbody tr')) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve(performance.now() - clickedAt!);
        channel.port2.postMessage(null);
        return;
      }
      if (performance.now() > deadline) return reject(new Error('no list rows within 30 s of the click'));
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

/**
 * Scrolls the list view from top to bottom in `steps` steps, one per frame,
 * and returns each step's time from the scroll to the end of the painted frame.
 */
export async function measureListScroll(steps: number): Promise<{ frames: number[]; rows: number }> {
  const scroller = document.querySelector('.places-table__scroll');
  if (!scroller) throw new Error('no list view scroller');
  const rows = scroller.querySelectorAll('tbody tr').length;
  scroller.scrollTop = 0;
  const stepPx = Math.max(1, (scroller.scrollHeight - scroller.clientHeight) / steps);
  const frames: number[] = [];
  for (let i = 0; i < steps; i++) {
    frames.push(
      await new Promise<number>((resolve) => {
        const start = performance.now();
        scroller.scrollTop += stepPx;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start);
          channel.port2.postMessage(null);
        });
      }),
    );
  }
  return { frames, rows };
}

/**
 * A page point inside the country `iso3` that a click reaches (the canvas is
 * on top there and MapLibre reports that country), or null.
 */
export function countryClickPoint(iso3: string): { x: number; y: number } | null {
  const map = window.__atlasMap as
    | (ProbeMap & {
        getCanvas(): HTMLCanvasElement;
        queryRenderedFeatures(point: [number, number], options: { layers: string[] }): { properties: { iso3?: string } }[];
      })
    | undefined;
  if (!map) return null;
  const canvas = map.getCanvas();
  const box = canvas.getBoundingClientRect();
  // A coarse grid over the canvas: the first point of the country clear of legend, labels and markers.
  for (let j = 2; j < 60; j++) {
    for (let i = 2; i < 90; i++) {
      const x = (box.width * i) / 92;
      const y = (box.height * j) / 62;
      const clear = [[0, 0], [5, 0], [-5, 0], [0, 5], [0, -5]].every(([dx, dy]) => {
        const px = x + dx!;
        const py = y + dy!;
        return (
          document.elementFromPoint(box.left + px, box.top + py) === canvas &&
          map.queryRenderedFeatures([px, py], { layers: ['country-fill'] })[0]?.properties.iso3 === iso3
        );
      });
      if (clear) return { x: box.left + x, y: box.top + y };
    }
  }
  return null;
}
