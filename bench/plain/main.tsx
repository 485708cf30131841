/**
 * The benchmark's reference: what a plain MapLibre map of the same shapes
 * costs. It keeps the handles and selectors the benchmark drives in the atlas
 * (`window.__atlasMap`, a layer 'country-fill', a `[data-legend-id]` button
 * that recolours the map, a `[data-testid="sender-panel"]` that a click on a
 * country fills), so one measuring script serves both pages.
 */
import { StrictMode, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Map as MaplibreMap, setWorkerUrl, type ExpressionSpecification, type MapLayerMouseEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

// MapLibre 6 loads its worker from a separate file; without this a build requests a missing path.
setWorkerUrl(workerUrl);

declare global {
  interface Window {
    __atlasMap?: unknown;
  }
}

// A colour per country from its code, so the plain map is as "coloured" as the atlas's.
const BY_LETTER: ExpressionSpecification = [
  'match',
  ['slice', ['coalesce', ['get', 'iso3'], 'X'], 0, 1],
  ['A', 'B', 'C', 'D', 'E'],
  '#4e79a7',
  ['F', 'G', 'H', 'I', 'J', 'K'],
  '#f28e2b',
  ['L', 'M', 'N', 'O'],
  '#59a14f',
  ['P', 'Q', 'R', 'S'],
  '#e15759',
  '#b07aa1',
];
// The "filtered" colouring: some countries keep their colour, the rest fade, as a legend toggle does.
const FILTERED: ExpressionSpecification = ['case', ['in', ['slice', ['coalesce', ['get', 'iso3'], 'X'], 0, 1], 'ABCDE'], '#4e79a7', '#d9d9d9'];

function PlainMap() {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<MaplibreMap | null>(null);
  const [filtered, setFiltered] = useState(false);
  const [clicked, setClicked] = useState<string | null>(null);

  useEffect(() => {
    const map = new MaplibreMap({
      container: container.current!,
      style: {
        version: 8,
        sources: { countries: { type: 'geojson', data: './geo/countries.geojson' } },
        layers: [
          { id: 'sea', type: 'background', paint: { 'background-color': '#e8eef3' } },
          { id: 'country-fill', type: 'fill', source: 'countries', paint: { 'fill-color': BY_LETTER } },
        ],
      },
      bounds: [-170, -58, 180, 80],
      renderWorldCopies: false,
    });
    mapRef.current = map;
    map.on('click', 'country-fill', (event: MapLayerMouseEvent) => {
      setClicked(String(event.features?.[0]?.properties?.name ?? '?'));
    });
    map.on('load', () => {
      window.__atlasMap = map;
    });
    return () => {
      map.remove();
      mapRef.current = null;
    };
  }, []);

  useEffect(() => {
    const map = mapRef.current;
    if (map?.getLayer('country-fill')) map.setPaintProperty('country-fill', 'fill-color', filtered ? FILTERED : BY_LETTER);
  }, [filtered]);

  return (
    <main style={{ position: 'relative', height: '100%' }}>
      <div ref={container} style={{ position: 'absolute', inset: 0 }} />
      <button
        type="button"
        data-legend-id="drug_control"
        aria-pressed={filtered}
        style={{ position: 'absolute', left: 12, top: 12 }}
        onClick={() => setFiltered((f) => !f)}
      >
        Filter
      </button>
      {clicked && (
        <aside data-testid="sender-panel" style={{ position: 'absolute', right: 12, top: 12, background: '#fff', padding: 12 }}>
          <h2>{clicked}</h2>
        </aside>
      )}
    </main>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PlainMap />
  </StrictMode>,
);
