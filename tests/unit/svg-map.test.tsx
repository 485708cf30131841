/**
 * The SVG map (no-WebGL fallback) with the real prepared shapes: clicks on a
 * sending country select its place, clicks on the sea clear, markers are buttons.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { worldShapesSchema } from '../../src/data/world-shapes-schema';
import { SvgMap, type SvgMapProps } from '../../src/features/map/svg-map';

const shapes = worldShapesSchema.parse(JSON.parse(readFileSync(join(process.cwd(), 'public/geo/world-shapes.json'), 'utf8')));

const restore: Array<() => void> = [];
beforeAll(() => {
  class StubResizeObserver {
    observe() {}
    unobserve() {}
    disconnect() {}
  }
  vi.stubGlobal('ResizeObserver', StubResizeObserver);
  for (const [name, value] of [
    ['clientWidth', 1280],
    ['clientHeight', 800],
  ] as const) {
    const original = Object.getOwnPropertyDescriptor(HTMLElement.prototype, name);
    Object.defineProperty(HTMLElement.prototype, name, { configurable: true, get: () => value });
    restore.push(() => original && Object.defineProperty(HTMLElement.prototype, name, original));
  }
});
afterAll(() => {
  vi.unstubAllGlobals();
  restore.forEach((undo) => undo());
});

function renderMap(overrides: Partial<SvgMapProps> = {}) {
  const onSelect = vi.fn();
  const props: SvgMapProps = {
    shapes,
    scheme: 'light',
    colourByIso3: new Map([
      ['VNM', '#009150'],
      ['FRA', '#006ec8'],
    ]),
    placeKeyByIso3: new Map([
      ['VNM', 'country:VNM'],
      ['FRA', 'country:FRA'],
    ]),
    recipient: { iso3: 'CHN', name: 'China', location: [116.4, 39.9] },
    recipientLabel: 'China · recipient',
    markers: [
      { key: 'org:interpol', label: 'INTERPOL', kind: 'organization', lngLat: [4.85, 45.76], colour: '#d75a5a', matches: true, showLabel: true },
      { key: 'country:SGP', label: 'Singapore', kind: 'country', lngLat: [103.8, 1.35], colour: '#fab95a', matches: false, showLabel: false },
    ],
    selectedKey: null,
    selectedIso3: null,
    onSelect,
    describePlace: (key) => ({ title: key, lines: ['1 statement'] }),
    placePoints: new Map([
      ['country:VNM', [105.8, 21.0]],
      ['country:FRA', [2.35, 48.85]],
    ]),
    camera: null,
    onCameraSettled: vi.fn(),
    focus: null,
    reducedMotion: true,
    onKeyboardPlace: vi.fn(),
    ariaLabel: 'Map of the senders',
    ...overrides,
  };
  const view = render(<SvgMap {...props} />);
  return { ...view, onSelect, props };
}

describe('SvgMap', () => {
  it('draws every country with its fill and reports ready', () => {
    const { container } = renderMap();
    const paths = container.querySelectorAll('path[data-iso3]');
    expect(paths.length).toBeGreaterThan(200);
    expect(container.querySelector('path[data-iso3="VNM"]')?.getAttribute('fill')).toBe('#009150');
    expect(container.querySelector('path[data-iso3="CHN"]')?.getAttribute('fill')).toBe('#a31f29');
    expect(container.querySelector('path[data-iso3="BRA"]')?.getAttribute('fill')).toBe('#f2efe9');
    expect(window.__atlasSvgReady).toBe(true);
    expect(screen.getByRole('application', { name: 'Map of the senders' }).dataset.testid).toBe('svg-map');
  });

  it('selects the place of a clicked sending country, and clears on the sea or a non-sender', () => {
    const { container, onSelect } = renderMap();
    fireEvent.click(container.querySelector('path[data-iso3="VNM"]')!);
    expect(onSelect).toHaveBeenLastCalledWith('country:VNM');
    fireEvent.click(screen.getByTestId('svg-map-sea'));
    expect(onSelect).toHaveBeenLastCalledWith(null);
    fireEvent.click(container.querySelector('path[data-iso3="BRA"]')!);
    expect(onSelect).toHaveBeenLastCalledWith(null);
  });

  it('renders markers as buttons by name and selects them', () => {
    const { onSelect } = renderMap({ selectedKey: 'org:interpol' });
    const interpol = screen.getByRole('button', { name: 'INTERPOL (international organisation)' });
    expect(interpol.getAttribute('aria-pressed')).toBe('true');
    expect(interpol.dataset.place).toBe('org:interpol');
    expect(interpol.className).toContain('atlas-marker--labelled');
    const singapore = screen.getByRole('button', { name: 'Singapore' });
    expect(singapore.className).toContain('atlas-marker--faded');
    fireEvent.click(singapore);
    expect(onSelect).toHaveBeenLastCalledWith('country:SGP');
  });

  it('outlines the selected country and shows a tooltip on hover', () => {
    const { container } = renderMap({ selectedIso3: 'VNM', selectedKey: 'country:VNM' });
    expect(screen.getByTestId('svg-map-selected').getAttribute('d')).toBe(
      container.querySelector('path[data-iso3="VNM"]')!.getAttribute('d'),
    );
    fireEvent.pointerMove(container.querySelector('path[data-iso3="FRA"]')!, { pointerType: 'mouse', clientX: 600, clientY: 200 });
    expect(screen.getByRole('tooltip').textContent).toContain('country:FRA');
  });

  it('zooms with the buttons and reports the settled camera', () => {
    const onCameraSettled = vi.fn();
    renderMap({ onCameraSettled });
    fireEvent.click(screen.getByRole('button', { name: 'Zoom in' }));
    expect(onCameraSettled).toHaveBeenCalledTimes(1);
    const camera = onCameraSettled.mock.calls[0]![0] as { zoom: number };
    expect(camera.zoom).toBeCloseTo(2.37, 1);
    expect(screen.getByRole('button', { name: 'Show the whole world' })).toBeDefined();
  });

  it('travels between places with the arrow keys and opens one with Enter', () => {
    const onKeyboardPlace = vi.fn();
    const { onSelect } = renderMap({ onKeyboardPlace });
    const map = screen.getByRole('application');
    map.focus();
    fireEvent.keyDown(map, { key: 'ArrowRight' });
    const first = onKeyboardPlace.mock.calls.at(-1)![0] as string;
    fireEvent.keyDown(map, { key: first === 'country:FRA' ? 'ArrowRight' : 'ArrowLeft' });
    const second = onKeyboardPlace.mock.calls.at(-1)![0] as string;
    expect(new Set([first, second])).toEqual(new Set(['country:FRA', 'country:VNM']));
    fireEvent.keyDown(map, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith(second);
  });
});
