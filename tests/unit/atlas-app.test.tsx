/**
 * The app as composed, with the map module replaced by a stub (jsdom has no
 * WebGL): files served from disk through a mocked fetch, the view kept in the
 * URL, the panel, the legend filter, and the designed failure states.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { QueryClientProvider } from '@tanstack/react-query';
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AtlasApp } from '../../src/app/atlas-app';
import { createQueryClient } from '../../src/data/query-client';
import type { MapViewProps } from '../../src/features/map/map-view';

/** The props the stubbed map last received. */
const mapProps: { current: MapViewProps | null } = { current: null };

// jsdom has no WebGL: without this the app would (rightly) choose its SVG map over the mocked MapLibre view.
vi.mock('../../src/features/map/webgl-support', () => ({ hasWebGL: () => true }));
vi.mock('../../src/features/map/map-view', () => ({
  MapView: (props: MapViewProps) => {
    mapProps.current = props;
    const keys = [...new Set([...props.placeKeyByIso3.values(), ...props.markers.map((m) => m.key)])];
    return (
      <div data-testid="map-stub">
        {keys.map((key) => (
          <button key={key} type="button" onClick={() => props.onSelect(key)}>
            {`Map place ${key}`}
          </button>
        ))}
        <button type="button" onClick={() => props.onSelect(null)}>
          Map sea
        </button>
      </div>
    );
  },
}));

const FILES: Record<string, string> = {
  'data/atlas.json': readFileSync(resolve(process.cwd(), 'public/data/atlas.json'), 'utf8'),
  'data/source/article.txt': readFileSync(resolve(process.cwd(), 'public/data/source/article.txt'), 'utf8'),
  'geo/world-shapes.json': readFileSync(resolve(process.cwd(), 'public/geo/world-shapes.json'), 'utf8'),
  'geo/countries.geojson': readFileSync(resolve(process.cwd(), 'public/geo/countries.geojson'), 'utf8'),
  'geo/borders.geojson': '{"type":"FeatureCollection","features":[]}',
};
const atlas = JSON.parse(FILES['data/atlas.json']!) as {
  themes: { id: string; label: string }[];
  senders: { id: string; kind: string; iso3: string | null; officials: { title?: string }[] }[];
};

type Override = (path: string) => Response | undefined;
let override: Override = () => undefined;
const requested: string[] = [];

function serve(input: RequestInfo | URL): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : String(input));
  requested.push(url.pathname);
  const path = Object.keys(FILES).find((p) => url.pathname.endsWith(`/${p}`));
  const custom = path ? override(path) : undefined;
  if (custom) return Promise.resolve(custom);
  if (!path) return Promise.resolve(new Response('not found', { status: 404 }));
  return Promise.resolve(new Response(FILES[path], { status: 200 }));
}

beforeEach(() => {
  override = () => undefined;
  requested.length = 0;
  mapProps.current = null;
  window.history.replaceState(null, '', '/');
  vi.stubGlobal('fetch', vi.fn(serve));
});
afterEach(() => {
  vi.unstubAllGlobals();
});

function renderApp(search = '') {
  window.history.replaceState(null, '', `/${search}`);
  const client = createQueryClient();
  render(
    <QueryClientProvider client={client}>
      <AtlasApp />
    </QueryClientProvider>,
  );
  return userEvent.setup({ pointerEventsCheck: 0 });
}

/** The (stubbed) MapLibre view comes in when a person reaches for the map, as the real one does. */
async function reachForMap() {
  // Generous waits: the dataset renders deferred and the map view is a lazy chunk, both slower
  // on a busy machine than testing-library's 1 s default.
  await waitFor(() => expect(document.querySelector('.atlas__map')).not.toBeNull(), { timeout: 5000 });
  // The map frame listens for the pointer from an effect, which can run a little after the frame
  // is in the DOM (under load, after this wait has seen it): a pointer that came first went
  // unheard, and the test waited in vain (1 run in a few on a busy machine). A person's pointer
  // sends another pointerover with each element it crosses; so does this, until the map comes.
  return waitFor(
    () => {
      fireEvent.pointerOver(document.querySelector('.atlas__map')!);
      return screen.getByText('Map place VNM');
    },
    { timeout: 8000, interval: 100 },
  );
}

const TITLE = "Congratulations from abroad on the first Chinese People's Police Day";
const labelOf = (id: string) => atlas.themes.find((t) => t.id === id)!.label;
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const legend = () => within(screen.getByRole('region', { name: 'Fields of cooperation' }));
const legendToggle = (id: string) =>
  legend().getByRole('button', { name: new RegExp(`^${escape(labelOf(id))}\\s*\\d+\\s*places?$`) });
const search = () => new URLSearchParams(window.location.search);

// The whole app in jsdom: each test renders it, waits for the deferred dataset and the lazy map
// view (up to 5 s each, see reachForMap) and clicks through it. Vitest's 5 s default per test
// is shorter than those waits together, and a test ran into it now and then under full load.
describe('AtlasApp', { timeout: 15_000 }, () => {
  it('keeps MapLibre out until the map is reached for: the SVG map serves the first view', async () => {
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-testid="svg-map"]')).not.toBeNull());
    expect(mapProps.current, 'MapLibre view mounted before anyone reached for the map').toBeNull();
    // The first view draws the pre-projected shapes; MapLibre's GeoJSON comes with MapLibre.
    expect(requested.some((p) => p.endsWith('/geo/world-shapes.json'))).toBe(true);
    expect(requested.some((p) => p.endsWith('/geo/countries.geojson') || p.endsWith('/geo/borders.geojson'))).toBe(false);
    fireEvent.pointerOver(document.querySelector('.atlas__map')!);
    expect(await screen.findByTestId('map-stub')).toBeTruthy();
    expect(mapProps.current).not.toBeNull();
    expect(requested.some((p) => p.endsWith('/geo/countries.geojson'))).toBe(true);
  });

  it('loads: shows a loading state, then the title, legend and map', async () => {
    renderApp();
    expect(screen.getByRole('status').textContent).toContain('Loading the dataset');
    const countries = new Set(atlas.senders.filter((s) => s.kind === 'country').map((s) => s.iso3)).size;
    const orgs = atlas.senders.filter((s) => s.kind === 'organization').length;
    expect(await screen.findByText(new RegExp(`${countries} countries and ${orgs} international organisations wrote`))).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: TITLE })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Fields of cooperation' })).toBeTruthy();
    // The switch to Chinese is named in text, its label drawn: no Chinese text to lay out on the English page.
    const languageSwitch = screen.getByRole('button', { name: '切换到中文' });
    expect(languageSwitch.querySelector('svg[aria-hidden="true"] path')?.getAttribute('d')).toMatch(/^M/);
    expect(languageSwitch.textContent).toBe('');
    expect(await reachForMap()).toBeTruthy();
    expect(screen.getByText('Map place interpol-general-secretariat')).toBeTruthy();
    expect(requested.some((p) => p.endsWith('/data/atlas.json'))).toBe(true);
    expect(requested.some((p) => p.endsWith('/geo/countries.geojson'))).toBe(true);
    // No panel until a place is chosen; the URL stays clean.
    expect(screen.queryByTestId('sender-panel')).toBeNull();
    expect(window.location.search).toBe('');
  });

  it('paints the shipped dataset\'s title before asking for any data file', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal(
      'fetch',
      vi.fn(async (input: RequestInfo | URL) => {
        await held;
        return serve(input);
      }),
    );
    renderApp();
    // The first render: the title (known at build time) and the loading state, no request yet.
    expect(screen.getByRole('heading', { level: 1, name: TITLE })).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('Loading the dataset');
    expect(vi.mocked(fetch)).not.toHaveBeenCalled();
    // After the first paint the data files are asked for; the title stays while they load.
    await waitFor(() => expect(vi.mocked(fetch)).toHaveBeenCalled());
    expect(screen.getByRole('heading', { level: 1, name: TITLE })).toBeTruthy();
    release();
    expect(await screen.findByText(/countries and \d+ international organisations wrote/)).toBeTruthy();
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('shows no title while another dataset (a ?data= link) loads, and asks for it at once', () => {
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => undefined)));
    renderApp('?data=other/atlas-2022.json');
    expect(screen.getByRole('status').textContent).toContain('Loading the dataset');
    expect(screen.queryByRole('heading', { level: 1 })).toBeNull();
    // Nothing to paint first: its file is asked for at once.
    expect(vi.mocked(fetch).mock.calls.map(([input]) => (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url))).toContainEqual(expect.stringContaining('/other/atlas-2022.json'));
  });

  it('opens the panel when a country is clicked and writes its first body to the URL', async () => {
    const user = renderApp();
    await user.click(await reachForMap());
    const panel = await screen.findByTestId('sender-panel');
    expect(within(panel).getByRole('heading', { level: 2, name: 'Vietnam' })).toBeTruthy();
    expect(within(panel).getByText(/Member of Political Bureau of the Central Committee/)).toBeTruthy();
    expect(search().get('sender')).toBe('vnm-ministry-of-public-security');
    expect(mapProps.current!.selectedKey).toBe('VNM');
    expect(mapProps.current!.selectedIso3).toBe('VNM');

    // A country with two bodies writes the first one's id.
    await user.click(screen.getByText('Map place GBR'));
    expect(search().get('sender')).toBe('gbr-national-crime-agency');
    expect(within(screen.getByTestId('sender-panel')).getByRole('heading', { level: 2, name: 'United Kingdom' })).toBeTruthy();
  });

  it('shows the source paragraph in the panel once the article has loaded', async () => {
    const user = renderApp('?sender=vnm-ministry-of-public-security');
    const panel = await screen.findByTestId('sender-panel');
    const [button] = within(panel).getAllByRole('button', { name: 'In the source' });
    await user.click(button!);
    const context = document.getElementById(button!.getAttribute('aria-controls')!)!;
    const hit = await within(context).findByText(/^noted that the high-level dialogue/);
    expect(hit.tagName).toBe('MARK');
    expect(requested.some((p) => p.endsWith('/data/source/article.txt'))).toBe(true);
  });

  it('fetches the source article only once the page is idle after its first paint, or at once for a panel', async () => {
    const idleCallbacks: (() => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (callback: () => void) => idleCallbacks.push(callback));
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const articleRequested = () => requested.some((p) => p.endsWith('/data/source/article.txt'));
    renderApp();
    await screen.findByRole('region', { name: 'Fields of cooperation' });
    await waitFor(() => expect(idleCallbacks.length).toBeGreaterThan(0));
    expect(articleRequested()).toBe(false);
    act(() => idleCallbacks.forEach((callback) => callback()));
    await waitFor(() => expect(articleRequested()).toBe(true));
    cleanup();
  });

  it('fetches the source article at once when a panel opens before the page is idle', async () => {
    vi.stubGlobal('requestIdleCallback', () => 0);
    vi.stubGlobal('cancelIdleCallback', () => undefined);
    const articleRequested = () => requested.some((p) => p.endsWith('/data/source/article.txt'));
    const user = renderApp();
    await reachForMap();
    expect(articleRequested()).toBe(false);
    await user.click(screen.getByText('Map place GBR'));
    await waitFor(() => expect(articleRequested()).toBe(true));
    // Unmounted while the stubs stand: the page's cleanup cancels its idle callback.
    cleanup();
  });

  it('closes the panel with Esc, with the close button and by clicking the sea', async () => {
    const user = renderApp();
    await user.click(await reachForMap());
    expect(await screen.findByTestId('sender-panel')).toBeTruthy();
    await user.keyboard('{Escape}');
    expect(screen.queryByTestId('sender-panel')).toBeNull();
    expect(search().has('sender')).toBe(false);

    await user.click(screen.getByText('Map place MNG'));
    await user.click(within(screen.getByTestId('sender-panel')).getByRole('button', { name: /^Close panel/ }));
    expect(screen.queryByTestId('sender-panel')).toBeNull();

    await user.click(screen.getByText('Map place AUS'));
    expect(search().get('sender')).toBe('aus-australian-federal-police');
    await user.click(screen.getByText('Map sea'));
    expect(screen.queryByTestId('sender-panel')).toBeNull();
    expect(window.location.search).toBe('');
  });

  it('writes the theme filter to the URL in legend order and recolours the map', async () => {
    const user = renderApp();
    await reachForMap();
    const before = mapProps.current!.colourByIso3;
    const mongolia = before.get('MNG');

    await user.click(legendToggle('public_security'));
    expect(search().get('themes')).toBe('public_security');
    expect(legendToggle('public_security').getAttribute('aria-pressed')).toBe('true');
    await user.click(legendToggle('drug_control'));
    // Codebook order, not click order: one filter, one link.
    expect(window.location.search).toBe('?themes=drug_control,public_security');

    const fills = mapProps.current!.colourByIso3;
    expect(fills.get('VNM')).toBe(fills.get('AUS'));
    expect(fills.get('MNG')).not.toBe(mongolia);

    await user.click(legendToggle('public_security'));
    expect(search().get('themes')).toBe('drug_control');
    await user.click(legend().getByRole('button', { name: 'Show all' }));
    expect(window.location.search).toBe('');
    expect(mapProps.current!.colourByIso3.get('MNG')).toBe(mongolia);
  });

  it('restores a deep link: the panel of the named body and the filter', async () => {
    renderApp('?sender=gbr-national-police-chiefs-council&themes=drug_control');
    const panel = await screen.findByTestId('sender-panel');
    expect(within(panel).getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual([
      'National Police Chiefs Council',
      'National Crime Agency',
    ]);
    expect(legendToggle('drug_control').getAttribute('aria-pressed')).toBe('true');
    expect(screen.queryByText(/^No sender|^Ignored/)).toBeNull();
  });

  it('follows back and forward', async () => {
    const user = renderApp();
    await user.click(await reachForMap());
    await user.click(screen.getByText('Map place MNG'));
    expect(search().get('sender')).toBe('mng-national-police-agency');
    window.history.replaceState(null, '', '/?sender=vnm-ministry-of-public-security');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(await screen.findByRole('heading', { level: 2, name: 'Vietnam' })).toBeTruthy();
    window.history.replaceState(null, '', '/');
    window.dispatchEvent(new PopStateEvent('popstate'));
    await vi.waitFor(() => expect(screen.queryByTestId('sender-panel')).toBeNull());
  });

  it('shows a notice for an unknown sender and an unknown theme, and can dismiss it', async () => {
    const user = renderApp('?sender=atlantis-police&themes=piracy,drug_control');
    const notice = await screen.findByText('No sender "atlantis-police" in this dataset; the link\'s selection was ignored.');
    expect(screen.getByText('No theme "piracy" in this dataset; it was left out of the filter.')).toBeTruthy();
    expect(screen.queryByTestId('sender-panel')).toBeNull();
    expect(legendToggle('drug_control').getAttribute('aria-pressed')).toBe('true');
    await user.click(within(notice.parentElement!).getByRole('button', { name: 'Dismiss notice' }));
    expect(screen.queryByText(/atlantis-police/)).toBeNull();
  });

  it('shows a hostile link parameter as text, clipped, never as markup', async () => {
    renderApp(`?sender=${encodeURIComponent('<img src=x onerror=alert(1)>')}&${'k'.repeat(500)}=1`);
    expect(await screen.findByText(/^Ignored sender "<img src=x onerror=alert\(1\)>"/)).toBeTruthy();
    const unknown = screen.getByText(/unknown link parameter/);
    expect(unknown.textContent.length).toBeLessThan(120);
    expect(document.querySelector('img')).toBeNull();
  });

  it('names the sender and field when the dataset fails validation, and retries', async () => {
    const broken = JSON.parse(FILES['data/atlas.json']!) as typeof atlas;
    delete broken.senders[0]!.officials[0]!.title;
    let serveBroken = true;
    override = (path) => (path === 'data/atlas.json' && serveBroken ? new Response(JSON.stringify(broken)) : undefined);
    const user = renderApp();
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByRole('heading', { name: 'Could not load the dataset' })).toBeTruthy();
    expect(within(alert).getByText('It does not match the atlas format (1 problem).')).toBeTruthy();
    expect(
      within(alert).getByText(
        'sender "vnm-ministry-of-public-security" (#1) field officials[0].title: expected string, found nothing (the field is missing)',
      ),
    ).toBeTruthy();
    expect(screen.queryByRole('heading', { level: 1, name: TITLE })).toBeNull();

    serveBroken = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeTruthy();
  });

  it('says the dataset was not found on a 404', async () => {
    override = (path) => (path === 'data/atlas.json' ? new Response('gone', { status: 404 }) : undefined);
    renderApp();
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/not found/);
    expect(alert.textContent).toContain('data/atlas.json');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy();
    // The atlas's own dataset failed: there is nothing else to offer.
    expect(within(alert).queryByRole('button', { name: /instead/ })).toBeNull();
  });

  it("offers the atlas's own dataset when a ?data= link fails, keeping the link's selection; Back returns to the link", async () => {
    const user = renderApp('?data=other/missing.json&sender=vnm-ministry-of-public-security&themes=drug_control');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toMatch(/not found/);
    expect(alert.textContent).toContain('other/missing.json');
    const entries = window.history.length;
    await user.click(within(alert).getByRole('button', { name: `Open “${TITLE}” instead` }));
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeTruthy();
    expect(search().get('data')).toBeNull();
    expect(search().get('sender')).toBe('vnm-ministry-of-public-security');
    expect(within(await screen.findByTestId('sender-panel')).getByRole('heading', { level: 2, name: 'Vietnam' })).toBeTruthy();
    expect(legendToggle('drug_control').getAttribute('aria-pressed')).toBe('true');
    expect(requested.some((p) => p.endsWith('/data/atlas.json'))).toBe(true);
    expect(window.history.length, 'a new history entry, so Back returns to the link').toBe(entries + 1);
    window.history.back();
    expect((await screen.findByRole('alert')).textContent).toContain('other/missing.json');
    expect(search().get('data')).toBe('other/missing.json');
  });

  it('says what is wrong when the dataset is an HTML page', async () => {
    override = (path) => (path === 'data/atlas.json' ? new Response('<!doctype html><html></html>') : undefined);
    renderApp();
    expect((await screen.findByRole('alert')).textContent).toContain('It is an HTML page, not JSON');
  });

  it("keeps the SVG map when MapLibre's GeoJSON cannot load: no MapLibre, no error, the SVG map stays", async () => {
    override = (path) => (path === 'geo/countries.geojson' ? new Response('', { status: 404 }) : undefined);
    renderApp();
    expect(await screen.findByRole('heading', { level: 1, name: TITLE })).toBeTruthy();
    await waitFor(() => expect(document.querySelector('[data-testid="svg-map"]')).not.toBeNull());
    fireEvent.pointerOver(document.querySelector('.atlas__map')!);
    await waitFor(() => expect(requested.some((p) => p.endsWith('/geo/countries.geojson'))).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByTestId('map-stub')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(document.querySelector('[data-testid="svg-map"]'), 'the SVG map stays in charge').not.toBeNull();
  });

  it('keeps the legend and panel working when the shapes 404, with a retry for the shapes', async () => {
    let shapesMissing = true;
    override = (path) =>
      path === 'geo/world-shapes.json' && shapesMissing ? new Response('', { status: 404 }) : undefined;
    const user = renderApp('?sender=vnm-ministry-of-public-security');
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The map shapes could not be shown.');
    expect(alert.textContent).toMatch(/not found/);
    expect(screen.queryByTestId('map-stub')).toBeNull();

    // The legend still filters and the panel still opens from the link.
    expect(screen.getByTestId('sender-panel')).toBeTruthy();
    await user.click(legendToggle('drug_control'));
    expect(search().get('themes')).toBe('drug_control');
    expect(legendToggle('drug_control').getAttribute('aria-pressed')).toBe('true');

    shapesMissing = false;
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await reachForMap()).toBeTruthy();
    expect(screen.queryByText('The map shapes could not be shown.', { exact: false })).toBeNull();
  });
});
