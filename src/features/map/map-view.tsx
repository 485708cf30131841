/**
 * The one module that touches MapLibre. It draws what the domain derived
 * (colours per country, marker places) and reports clicks and hovers; it keeps
 * no knowledge of themes or the dataset. (It hands its map to
 * hold-repaint-after-click.ts, which delays the map's redraw after a click, and
 * its painter to skip-invisible-sky.ts, which skips a pass that draws nothing.)
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Map as MapLibreMap, Layer, Marker, Source, type MapLayerMouseEvent, type MapRef } from '@vis.gl/react-maplibre';
import { setWorkerUrl, type LayerSpecification, type MapLibreEvent, type MapSourceDataEvent } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useLang, useMessages } from '../../components/use-lang';
import type { Lang } from '../../domain/lang';
import type { Borders, Countries } from '../../data/get-countries';
import type { Bounds } from '../../domain/map-model';
import type { Camera } from '../../domain/url-state';
import { nearestInDirection, type Direction } from '../../domain/keyboard-travel';
import type { SchemeName } from '../../domain/palette';
import { SCHEMES } from '../../domain/palette';
import { revealPlace, WORLD_BOUNDS } from '../../domain/world-view';
import { roundCamera } from '../../domain/url-state';
import {
  BASE_STYLE,
  COUNTRIES_SOURCE,
  countriesSourceFilter,
  countriesWithBorders,
  COUNTRY_BORDER_LAYER,
  COUNTRY_FILL_LAYER,
  COUNTRY_HOVER_LAYER,
  COUNTRY_SELECTED_LAYER,
  fillByIso3,
  fillColourFromState,
  fillStateChanges,
  FILL_STATE,
  outlinedCountries,
  outlineFilter,
  outlineVisibility,
  OUTLINES_SOURCE,
} from './map-layers';
import { PlaceMarker } from './place-marker';
import { skipInvisibleSky } from './skip-invisible-sky';
import { markerButtonProps, type PlaceHover } from './marker-button';
import { MAP_MAX_ZOOM, MAP_MIN_ZOOM, worldView } from './svg-map-geometry';
import { useValueAfterPaint } from '../../components/use-after-paint';
import { mapMessages } from './map-messages';
import { holdRepaintAfterClick } from './hold-repaint-after-click';
import { ZoomButtons } from './zoom-buttons';
import './map-view.css';

// MapLibre 6 ships its worker as a separate file; without this the production
// build asks the server for a path it answers with index.html, and the map stays blank.
setWorkerUrl(workerUrl);

export interface MapMarker {
  key: string;
  label: string;
  kind: 'country' | 'organization';
  lngLat: [number, number];
  colour: string;
  matches: boolean;
  /** Always show the label beside the symbol (organisations); otherwise on hover or focus. */
  showLabel: boolean;
}

export interface MapViewProps {
  countries: Countries;
  /**
   * Land borders, or null where they could not be loaded (decoration: the map works
   * without them). Given with the countries: they share the countries' source, and borders
   * arriving later would send all the countries to MapLibre's worker a second time.
   */
  borders: Borders | null;
  scheme: SchemeName;
  /** Fill colour of each sending country, by ISO alpha-3. */
  colourByIso3: ReadonlyMap<string, string>;
  /** Place key of each sending country, by ISO alpha-3 (several bodies, one place). */
  placeKeyByIso3: ReadonlyMap<string, string>;
  recipient: { iso3: string; name: string; location: [number, number] };
  recipientLabel: string;
  markers: readonly MapMarker[];
  selectedKey: string | null;
  selectedIso3: string | null;
  onSelect: (placeKey: string | null) => void;
  /** Short lines for the hover tooltip of a place. */
  describePlace: (placeKey: string) => { title: string; lines: string[] } | null;
  /** A point inside each place (label point or headquarters), for keyboard travel between places. */
  placePoints: ReadonlyMap<string, [number, number]>;
  /** The camera the URL asks for; null: the whole world. */
  camera: Camera | null;
  /** Reports the camera once a move by the person has settled (never for moves the app made). */
  onCameraSettled: (camera: Camera) => void;
  /** A place to fly to (the tour); the map follows when the key changes. */
  focus: { key: string; bounds: Bounds } | null;
  /** Room to leave free for overlays (the tour's card), in pixels. */
  focusPadding?: { top: number; right: number; bottom: number; left: number };
  reducedMotion: boolean;
  /** The keyboard's current place changed (for announcements). */
  onKeyboardPlace: (placeKey: string) => void;
  ariaLabel: string;
  /** Pixels on the right covered by the panel: a selected place there is brought into view. */
  occludedRight?: number;
  /** Pixels at the bottom covered by the panel when it is a bottom sheet. */
  occludedBottom?: number;
  /** Reports where the camera is after every move, the app's own included (unrounded; for export). */
  onCameraChange?: (camera: Camera) => void;
  /** Called once MapLibre has drawn the countries (not merely fired `load` or `idle`). */
  onRendered?: () => void;
  /** Where to start, if not at `camera`: the view the SVG map shows as MapLibre takes over (read once, at mount). */
  startCamera?: () => Camera | null;
  /** On focus: the place the keyboard was on in the SVG map this one took over, if any (handed over once). */
  takeKeyboardPlace?: () => string | null;
}

declare global {
  interface Window {
    /** Handle for end-to-end tests: the live MapLibre map, once loaded. */
    __atlasMap?: unknown;
  }
}

const INITIAL_VIEW = { bounds: WORLD_BOUNDS } as const;

/** The whole world at the map's size, as both maps open (svg-map-geometry.ts). */
function wholeWorldOf(map: MapLibreEvent['target']) {
  const canvas = map.getCanvas();
  return worldView(canvas.clientWidth, canvas.clientHeight);
}

/**
 * + and −: one zoom level in or out, around the middle of what the panel leaves visible (as
 * zoomIn and zoomOut, which zoom around the canvas's middle: there a place open beside the
 * panel slid under the legend or the panel at each step).
 */
function zoomStep(
  map: MapLibreEvent['target'],
  delta: 1 | -1,
  { occludedRight, occludedBottom, reducedMotion }: { occludedRight: number; occludedBottom: number; reducedMotion: boolean },
  eventData?: { originalEvent: Event },
) {
  const canvas = map.getCanvas();
  const around =
    occludedRight > 0 || occludedBottom > 0 ? map.unproject([(canvas.clientWidth - occludedRight) / 2, (canvas.clientHeight - occludedBottom) / 2]) : undefined;
  map.easeTo({ zoom: map.getZoom() + delta, around, duration: reducedMotion ? 0 : 250 }, eventData);
}

/** Whether the map shows the whole world (within a pixel and a hundredth of a zoom level). */
function showsWholeWorld(map: MapLibreEvent['target']): boolean {
  const world = wholeWorldOf(map);
  const here = map.project(map.getCenter());
  const there = map.project(world.center);
  return Math.abs(map.getZoom() - world.zoom) < 0.01 && Math.hypot(here.x - there.x, here.y - there.y) < 1;
}

const INTERACTIVE_LAYERS = [COUNTRY_FILL_LAYER];

/** Markers sit inside the map's container: their pointer events reach the map too. */
function onMarker(event: MapLayerMouseEvent): boolean {
  const target = event.originalEvent.target;
  return target instanceof Element && target.closest('.atlas-marker') !== null;
}
// MapLibre's own UI strings, read once at construction (module constants: props are compared by reference).
const MAP_LOCALES: Readonly<Record<Lang, Record<string, string>>> = {
  en: { 'Map.Title': mapMessages.en.mapTitle },
  zh: { 'Map.Title': mapMessages.zh.mapTitle },
};

export function MapView(props: MapViewProps) {
  const t = useMessages(mapMessages);
  const lang = useLang();
  const {
    countries,
    borders,
    scheme,
    colourByIso3,
    placeKeyByIso3,
    recipient,
    recipientLabel,
    markers,
    selectedKey,
    selectedIso3,
    onSelect,
    describePlace,
    placePoints,
    camera,
    onCameraSettled,
    focus,
    focusPadding,
    reducedMotion,
    onKeyboardPlace,
    ariaLabel,
    occludedRight = 0,
    occludedBottom = 0,
    onRendered,
    onCameraChange,
  } = props;
  // A selection opens the panel at once; the map's outline and any camera move come a frame
  // later, so the panel's frame does not wait for a WebGL redraw.
  const outlinedIso3 = useValueAfterPaint(selectedIso3);
  const revealedKey = useValueAfterPaint(selectedKey);
  const reportedRendered = useRef(false);
  /** The map, once it has loaded (from its own event: see handleIdle). */
  const [loadedMap, setLoadedMap] = useState<MapLibreEvent['target'] | null>(null);
  const [atWholeWorld, setAtWholeWorld] = useState(true);
  const [{ initialView, revealedAtStart }] = useState(() => {
    const taken = props.startCamera?.() ?? null;
    const start = taken ?? camera;
    return {
      initialView: start ? { longitude: start.lng, latitude: start.lat, zoom: start.zoom } : INITIAL_VIEW,
      // Taking over the SVG map's view: that map has already brought this selection into view,
      // and its camera is that view or wherever the person moved it since (the whole world, say).
      revealedAtStart: taken ? revealedKey : null,
    };
  });
  const skipReveal = useRef(revealedAtStart);
  const [keyboardKey, setKeyboardKey] = useState<string | null>(null);
  const userMoving = useRef(false);
  const mapRef = useRef<MapRef>(null);
  const [hover, setHover] = useState<PlaceHover | null>(null);
  const [pointerOverMap, setPointerOverMap] = useState(false);

  const fillLayer = useMemo<LayerSpecification>(
    () => ({
      id: COUNTRY_FILL_LAYER,
      type: 'fill',
      source: COUNTRIES_SOURCE,
      filter: countriesSourceFilter('shapes'),
      paint: { 'fill-color': fillColourFromState(scheme), 'fill-antialias': true },
    }),
    [scheme],
  );
  const countriesData = useMemo(() => countriesWithBorders(countries, borders), [countries, borders]);
  // Each country's fill is a feature state (see fillColourFromState), kept in step with
  // `colourByIso3` here. `appliedFills` remembers what the current source holds: a new
  // source (after a change of style) starts without states.
  const featureIso3 = useMemo(
    () => new Map(countries.features.flatMap((f) => (f.id === undefined ? [] : [[f.id, f.properties.iso3 ?? null] as const]))),
    [countries],
  );
  const wantedFills = useMemo(() => fillByIso3(colourByIso3, recipient.iso3), [colourByIso3, recipient.iso3]);
  const appliedFills = useRef<{ source: unknown; fills: Map<string | number, string | null> } | null>(null);
  const applyFills = useCallback(() => {
    const map = mapRef.current?.getMap();
    const source = map?.getSource(COUNTRIES_SOURCE);
    if (!map || !source) return;
    const fills = appliedFills.current?.source === source ? appliedFills.current.fills : new Map<string | number, string | null>();
    for (const [id, fill] of fillStateChanges(featureIso3, wantedFills, fills)) {
      map.setFeatureState({ source: COUNTRIES_SOURCE, id }, { [FILL_STATE]: fill });
      fills.set(id, fill);
    }
    appliedFills.current = { source, fills };
  }, [featureIso3, wantedFills]);
  const fillsApplied = (map: { getSource(id: string): unknown }) =>
    appliedFills.current !== null && appliedFills.current.source === map.getSource(COUNTRIES_SOURCE);
  // New colours (a toggle) go to the map at once.
  useEffect(() => applyFills(), [applyFills]);
  // The countries' source is added by its component before the map's first frame, and added
  // again after a change of style: it gets its fills from the map's own event as soon as it
  // exists, before its tiles are drawn, not a React render later (a frame of grey countries).
  const applyFillsRef = useRef(applyFills);
  useEffect(() => {
    applyFillsRef.current = applyFills;
  }, [applyFills]);
  const handleSourceData = useCallback((event: MapSourceDataEvent) => {
    // From the countries' first data on, frames skip MapLibre's transparent sky (half a frame
    // in software WebGL). Its painter, not a React ref: the first tiles can come before the ref.
    skipInvisibleSky(event.target.painter);
    const map = mapRef.current?.getMap();
    if (map && !fillsApplied(map)) applyFillsRef.current();
  }, []);
  const borderLayer = useMemo<LayerSpecification>(
    () => ({
      id: COUNTRY_BORDER_LAYER,
      type: 'line',
      source: COUNTRIES_SOURCE,
      filter: countriesSourceFilter('borders'),
      paint: { 'line-color': SCHEMES[scheme].border, 'line-width': 0.7 },
    }),
    [scheme],
  );
  const hoverFeatureId = hover?.featureId ?? null;
  const outlines = useMemo(
    () => outlinedCountries(countries, { hoverFeatureId, selectedIso3: outlinedIso3 }),
    [countries, hoverFeatureId, outlinedIso3],
  );
  const hoverVisibility = outlineVisibility(outlines, 'hover', pointerOverMap);
  const hoverLayer = useMemo<LayerSpecification>(
    () => ({
      id: COUNTRY_HOVER_LAYER,
      type: 'line',
      source: OUTLINES_SOURCE,
      filter: outlineFilter('hover'),
      layout: { visibility: hoverVisibility },
      paint: { 'line-color': SCHEMES[scheme].highlight, 'line-width': 1.6 },
    }),
    [scheme, hoverVisibility],
  );
  const selectedVisibility = outlineVisibility(outlines, 'selected', pointerOverMap);
  const selectedLayer = useMemo<LayerSpecification>(
    () => ({
      id: COUNTRY_SELECTED_LAYER,
      type: 'line',
      source: OUTLINES_SOURCE,
      filter: outlineFilter('selected'),
      layout: { visibility: selectedVisibility },
      paint: { 'line-color': SCHEMES[scheme].highlight, 'line-width': 2.4 },
    }),
    [scheme, selectedVisibility],
  );

  const placeAt = useCallback(
    (event: MapLayerMouseEvent): { key: string; featureId: number | string | undefined } | null => {
      const feature = event.features?.[0];
      const iso3 = feature?.properties?.iso3 as string | undefined;
      const key = iso3 ? placeKeyByIso3.get(iso3) : undefined;
      return key ? { key, featureId: feature?.id } : null;
    },
    [placeKeyByIso3],
  );

  const handleClick = useCallback(
    (event: MapLayerMouseEvent) => {
      if (onMarker(event)) return;
      const place = placeAt(event);
      onSelect(place ? place.key : null);
    },
    [onSelect, placeAt],
  );

  const handleMouseMove = useCallback(
    (event: MapLayerMouseEvent) => {
      // The marker under the pointer set the hover to its own place (the shape beneath may be a neighbour's).
      if (onMarker(event)) return;
      const place = placeAt(event);
      setHover(place ? { key: place.key, x: event.point.x, y: event.point.y, featureId: place.featureId } : null);
    },
    [placeAt],
  );

  // Also called when the pointer leaves the countries for a marker (the marker holds the hover then).
  const handleMouseLeave = useCallback((event: MapLayerMouseEvent) => {
    if (!onMarker(event)) setHover(null);
  }, []);

  // `idle` also fires when the worker failed, so check that countries were really drawn.
  // The event's own map, not the ref: React sets the ref a render after the map is made,
  // and a map whose style and data are at hand (a dataset replacing another) can load first.
  const handleIdle = useCallback((event: MapLibreEvent) => {
    const map = event.target;
    // The map can idle before React has added the layers; querying a missing layer throws.
    if (reportedRendered.current || !map.getLayer(COUNTRY_FILL_LAYER)) return;
    // Drawn without their colours: colour them; the redraw brings another `idle`.
    if (!fillsApplied(map)) return applyFillsRef.current();
    if (map.queryRenderedFeatures({ layers: [COUNTRY_FILL_LAYER] }).length > 0) {
      reportedRendered.current = true;
      onRendered?.();
    }
  }, [onRendered]);

  const handleLoad = useCallback((event: MapLibreEvent) => {
    // The test handle, at once: the SVG map can leave before an effect would run, and tests
    // read the map at that moment.
    window.__atlasMap = event.target;
    setLoadedMap(event.target);
    // It may open where the SVG map had been moved to.
    setAtWholeWorld(showsWholeWorld(event.target));
  }, []);

  // Taken back only if it is still this view's map: when a dataset replaces another, the old
  // view's cleanup can run after the new view's map has been handed out.
  useEffect(() => {
    if (!loadedMap) return;
    return () => {
      if (window.__atlasMap === loadedMap) window.__atlasMap = undefined;
    };
  }, [loadedMap]);

  // The map's redraw after a click waits a frame, so that the click's panel is shown first.
  useEffect(() => {
    if (loadedMap) return holdRepaintAfterClick(loadedMap, loadedMap.getCanvasContainer());
  }, [loadedMap]);

  // One keyboard target, the application around the map: MapLibre makes its canvas a tab stop
  // of its own (for its keyboard handler, which is off here), so a click on the map focused the
  // canvas, a second stop, and closing a panel opened by that click put focus back on it.
  useEffect(() => {
    loadedMap?.getCanvas().removeAttribute('tabindex');
  }, [loadedMap]);

  // MapLibre names its canvas once, in English, at construction; follow the interface language.
  useEffect(() => {
    loadedMap?.getCanvas().setAttribute('aria-label', t.mapTitle);
  }, [loadedMap, t]);

  // A place selected from a link, the list or search may sit under the panel:
  // bring it into the part of the map that is still visible. Not during the tour: its
  // own flight frames the place (this move, a frame later, cut that flight short).
  useEffect(() => {
    const map = loadedMap;
    const point = revealedKey ? placePoints.get(revealedKey) : undefined;
    if (!map) return;
    // Only the selection the map started with, and only until the selection first changes.
    const startedWith = skipReveal.current;
    skipReveal.current = null;
    if (!point || focus || startedWith === revealedKey) return;
    const reveal = revealPlace({
      lngLat: point,
      at: map.project(point),
      width: map.getCanvas().clientWidth,
      height: map.getCanvas().clientHeight,
      occludedRight,
      occludedBottom,
      zoom: map.getZoom(),
    });
    // An offset rather than padding: MapLibre keeps an easeTo padding for good.
    if (reveal) map.easeTo({ center: point, zoom: reveal.zoom, offset: reveal.offset, duration: reducedMotion ? 0 : 600 });
    // Only a new selection moves the map; later changes of the panel width do not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [revealedKey, loadedMap]);

  // URL → map, only when the URL's camera differs from where the map is
  // (back/forward, a pasted link): the map's own moves come back equal, so no loop.
  useEffect(() => {
    const map = mapRef.current?.getMap();
    if (!map || !camera) return;
    const here = roundCamera({ lng: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom() });
    if (here.lng !== camera.lng || here.lat !== camera.lat || here.zoom !== camera.zoom) {
      map.jumpTo({ center: [camera.lng, camera.lat], zoom: camera.zoom });
    }
  }, [camera]);

  const focusKey = focus?.key ?? null;
  const focusBounds = focus?.bounds;
  useEffect(() => {
    const map = loadedMap;
    if (!map || !focusKey || !focusBounds) return;
    map.fitBounds(focusBounds, {
      padding: focusPadding ?? 40,
      maxZoom: 5,
      duration: reducedMotion ? 0 : 1400,
      essential: false,
    });
    // Only a new place moves the camera; bounds and padding objects are derived anew each render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focusKey, reducedMotion, loadedMap]);

  // The buttons' moves are a person's, as a drag or the wheel is: the URL keeps their camera.
  const zoomButtons = loadedMap && (
    <ZoomButtons
      onZoomIn={(event) => zoomStep(loadedMap, 1, { occludedRight, occludedBottom, reducedMotion }, { originalEvent: event.nativeEvent })}
      onZoomOut={(event) => zoomStep(loadedMap, -1, { occludedRight, occludedBottom, reducedMotion }, { originalEvent: event.nativeEvent })}
      onWholeWorld={
        atWholeWorld
          ? null
          : (event) => {
              const world = wholeWorldOf(loadedMap);
              loadedMap.easeTo({ center: world.center, zoom: world.zoom, duration: reducedMotion ? 0 : 600 }, { originalEvent: event.nativeEvent });
            }
      }
    />
  );

  const handleMoveStart = useCallback((event: { originalEvent?: unknown }) => {
    if (event.originalEvent) userMoving.current = true;
  }, []);
  const handleMoveEnd = useCallback((event: { originalEvent?: unknown }) => {
    const map = mapRef.current?.getMap();
    if (!map) return;
    setAtWholeWorld(showsWholeWorld(map));
    onCameraChange?.({ lng: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom() });
    // The wheel's zoom starts without the event that caused it (MapLibre 6) and ends with it.
    if (!(userMoving.current || event.originalEvent)) return;
    userMoving.current = false;
    onCameraSettled(roundCamera({ lng: map.getCenter().lng, lat: map.getCenter().lat, zoom: map.getZoom() }));
  }, [onCameraSettled, onCameraChange]);

  // The map is one tab stop: arrows travel between places (nearest in that
  // direction), Enter opens, +/- zoom, and Tab leaves. MapLibre's own arrow
  // panning is off, so it cannot trap a keyboard user.
  const handleKeyDown = useCallback(
    (event: React.KeyboardEvent<HTMLDivElement>) => {
      const map = mapRef.current?.getMap();
      if (!map || event.target !== event.currentTarget) return;
      const directions: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };
      const direction = directions[event.key];
      if (direction) {
        event.preventDefault();
        const points = [...placePoints].map(([key, lngLat]) => {
          const p = map.project(lngLat);
          return { key, x: p.x, y: p.y };
        });
        const canvas = map.getCanvas();
        const from = keyboardKey ? points.find((p) => p.key === keyboardKey) : undefined;
        const origin = from ?? { key: '', x: canvas.clientWidth / 2, y: canvas.clientHeight / 2 };
        const next = nearestInDirection(origin, points, from ? direction : null);
        if (next) {
          setKeyboardKey(next.key);
          onKeyboardPlace(next.key);
          const inView = next.x >= 0 && next.y >= 0 && next.x <= canvas.clientWidth && next.y <= canvas.clientHeight;
          if (!inView) map.easeTo({ center: placePoints.get(next.key)!, duration: reducedMotion ? 0 : 400 });
        }
      } else if ((event.key === 'Enter' || event.key === ' ') && keyboardKey) {
        event.preventDefault();
        onSelect(keyboardKey);
      } else if (event.key === '+' || event.key === '=') {
        event.preventDefault();
        zoomStep(map, 1, { occludedRight, occludedBottom, reducedMotion });
      } else if (event.key === '-' || event.key === '_') {
        event.preventDefault();
        zoomStep(map, -1, { occludedRight, occludedBottom, reducedMotion });
      }
    },
    [placePoints, keyboardKey, onKeyboardPlace, onSelect, reducedMotion, occludedRight, occludedBottom],
  );

  const tooltip = hover ? describePlace(hover.key) : null;

  return (
    <div
      className="map-view"
      data-testid="map-view"
      tabIndex={0}
      role="application"
      aria-label={ariaLabel}
      aria-roledescription={t.map}
      onKeyDown={handleKeyDown}
      onFocus={() => {
        const handed = props.takeKeyboardPlace?.();
        if (handed && placePoints.has(handed)) setKeyboardKey(handed);
      }}
      onBlur={() => setKeyboardKey(null)}
      // A move rather than an enter: the map can appear under a resting pointer (MapLibre taking over).
      onPointerMove={() => setPointerOverMap(true)}
      onPointerLeave={() => setPointerOverMap(false)}
    >
      <MapLibreMap
        ref={mapRef}
        mapStyle={BASE_STYLE}
        initialViewState={initialView}
        keyboard={false}
        locale={MAP_LOCALES[lang]}
        onMoveStart={handleMoveStart}
        onMoveEnd={handleMoveEnd}
        interactiveLayerIds={INTERACTIVE_LAYERS}
        onClick={handleClick}
        onMouseMove={handleMouseMove}
        onMouseLeave={handleMouseLeave}
        onLoad={handleLoad}
        onIdle={handleIdle}
        onSourceData={handleSourceData}
        cursor={hover ? 'pointer' : 'grab'}
        renderWorldCopies={false}
        dragRotate={false}
        pitchWithRotate={false}
        touchPitch={false}
        minZoom={MAP_MIN_ZOOM}
        maxZoom={MAP_MAX_ZOOM}
        attributionControl={false}
        style={{ position: 'absolute', inset: 0 }}
      >
        <Source id={COUNTRIES_SOURCE} type="geojson" data={countriesData} tolerance={1} buffer={16} maxzoom={6}>
          <Layer {...fillLayer} />
          <Layer {...borderLayer} />
        </Source>
        <Source id={OUTLINES_SOURCE} type="geojson" data={outlines} tolerance={1} buffer={16} maxzoom={6}>
          <Layer {...hoverLayer} />
          <Layer {...selectedLayer} />
        </Source>
        <Marker longitude={recipient.location[0]} latitude={recipient.location[1]} anchor="left">
          <div className="recipient-label" aria-hidden="true">
            <span className="recipient-label__dot" />
            <span>{recipientLabel}</span>
          </div>
        </Marker>
        {keyboardKey && placePoints.get(keyboardKey) && (
          <Marker longitude={placePoints.get(keyboardKey)![0]} latitude={placePoints.get(keyboardKey)![1]} anchor="center">
            <div className="keyboard-cursor" aria-hidden="true" />
          </Marker>
        )}
        {markers.map((marker) => (
          <PlaceMarker
            key={marker.key}
            longitude={marker.lngLat[0]}
            latitude={marker.lngLat[1]}
            {...markerButtonProps(marker, selectedKey, t.marker, onSelect, setHover)}
          />
        ))}
      </MapLibreMap>
      {zoomButtons}
      {tooltip && hover && (
        <div className="map-tooltip" role="tooltip" style={{ left: hover.x, top: hover.y }}>
          <strong>{tooltip.title}</strong>
          {tooltip.lines.map((line) => (
            <span key={line}>{line}</span>
          ))}
        </div>
      )}
    </div>
  );
}
