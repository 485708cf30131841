/**
 * The map drawn as SVG with d3-geo: the no-WebGL fallback and (later) the
 * first paint before MapLibre. It takes MapView's props and draws the same
 * things in the same pixels as MapLibre's initial world view, with the same
 * HTML markers and tooltip, so the app can swap one for the other.
 *
 * Shapes are projected once, for the initial world view at the current size;
 * zoom and pan (and a camera from the URL or the tour) are a scale and
 * translation on top, constrained as MapLibre constrains its camera, so the
 * view can be handed to MapLibre (and the URL) as a centre and zoom.
 */
import { useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useMessages } from '../../components/use-lang';
import { nearestInDirection, type Direction } from '../../domain/keyboard-travel';
import { SCHEMES } from '../../domain/palette';
import { roundCamera, type Camera } from '../../domain/url-state';
import { revealPlace } from '../../domain/world-view';
import type { WorldShapes } from '../../data/world-shapes-schema';
import type { MapViewProps } from './map-view';
import { mapMessages } from './map-messages';
import { ZoomButtons } from './zoom-buttons';
import { MarkerButton, markerButtonProps, type PlaceHover } from './marker-button';
import {
  IDENTITY_TRANSFORM,
  constrainTransform,
  countryFill,
  projectPoint,
  transformForView,
  viewForBounds,
  viewForCamera,
  viewOfTransform,
  unprojectPoint,
  worldView,
  type ScreenTransform,
} from './svg-map-geometry';
import './map-view.css';

declare global {
  interface Window {
    /** Handle for end-to-end tests: true once the SVG map has drawn its countries. */
    __atlasSvgReady?: boolean;
  }
}

interface Size {
  width: number;
  height: number;
}

/** Movement (px) after which a press is a drag, not a click. */
const DRAG_THRESHOLD = 4;
/** Quiet time after the last wheel step before the camera counts as settled. */
const WHEEL_SETTLE_MS = 300;
const DIRECTIONS: Record<string, Direction> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/** The camera after zooming by `factor` around a point in viewport pixels. */
function zoomAround(t: ScreenTransform, factor: number, px: number, py: number): ScreenTransform {
  const k = t.k * factor;
  return { k, x: px - ((px - t.x) * k) / t.k, y: py - ((py - t.y) * k) / t.k };
}

function sameCamera(a: Camera | null, b: Camera | null): boolean {
  return a === b || (!!a && !!b && a.lng === b.lng && a.lat === b.lat && a.zoom === b.zoom);
}

function useElementSize(ref: React.RefObject<HTMLElement | null>): Size | null {
  const [size, setSize] = useState<Size | null>(null);
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const width = element.clientWidth;
      const height = element.clientHeight;
      setSize((old) =>
        width > 0 && height > 0 ? (old && old.width === width && old.height === height ? old : { width, height }) : null,
      );
    };
    measure();
    if (typeof ResizeObserver === 'undefined') {
      window.addEventListener('resize', measure);
      return () => window.removeEventListener('resize', measure);
    }
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}


export type SvgMapProps = Omit<MapViewProps, 'countries' | 'borders' | 'startCamera' | 'onRendered'> & {
  /** The shapes, already projected (see get-world-shapes.ts): drawn scaled, never re-projected. */
  shapes: WorldShapes;
};

export function SvgMap(props: SvgMapProps) {
  const t = useMessages(mapMessages);
  const {
    shapes: world,
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
    onKeyboardPlace,
    ariaLabel,
    occludedRight = 0,
    occludedBottom = 0,
    onCameraChange,
  } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(rootRef);
  // The size is measured in a layout effect, whose update React renders at once, in the task
  // that committed the map. The frame, sea and controls come with it; the 240 country paths
  // come in a deferred render, which React builds in slices between frames instead.
  const pathsShown = useDeferredValue(size !== null);
  /** Where the person (or the tour) moved the map, unrounded; null: where the camera prop says. */
  const [moved, setMoved] = useState<Camera | null>(null);
  const [seenCamera, setSeenCamera] = useState<Camera | null>(camera);
  const [hover, setHover] = useState<PlaceHover | null>(null);
  const [hoverIso3, setHoverIso3] = useState<string | null>(null);
  const [keyboardKey, setKeyboardKey] = useState<string | null>(null);
  const [appliedFocus, setAppliedFocus] = useState<string | null>(null);
  const [revealedKey, setRevealedKey] = useState<string | null>(null);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef({ startX: 0, startY: 0, start: IDENTITY_TRANSFORM, moved: false, pinch: null as number | null });
  const wheelTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  const base = useMemo(() => (size ? worldView(size.width, size.height) : null), [size]);
  const shapes = world.countries;
  const borderPath = world.borders;

  // A new camera from the URL (back/forward, a pasted link) replaces the
  // person's move, unless it is that move coming back rounded.
  if (!sameCamera(camera, seenCamera)) {
    setSeenCamera(camera);
    if (moved && !sameCamera(camera, roundCamera(moved))) setMoved(null);
  }
  const shown = moved ?? camera;
  const transform =
    size && base && shown
      ? transformForView(viewForCamera([shown.lng, shown.lat], shown.zoom, size.width, size.height), base)
      : IDENTITY_TRANSFORM;
  const transformRef = useRef(transform);
  useLayoutEffect(() => {
    transformRef.current = transform;
  });

  // The tour's focus: fit the place once per new key (as MapLibre's fitBounds, at most zoom 5).
  const focusKey = focus?.key ?? null;
  if (focusKey !== appliedFocus && size && base) {
    setAppliedFocus(focusKey);
    if (focus) {
      // A jump, also without reduced motion: the SVG map does not animate.
      const view = viewForBounds(focus.bounds, size.width, size.height, { padding: focusPadding ?? { top: 40, right: 40, bottom: 40, left: 40 }, maxZoom: 5 });
      setMoved({ lng: view.center[0], lat: view.center[1], zoom: view.zoom });
    }
  }

  // A new selection hidden under the panel is brought into the free part of the map, as MapLibre
  // does (the same rule), so that MapLibre takes over exactly this view.
  if (selectedKey !== revealedKey && size && base) {
    setRevealedKey(selectedKey);
    const point = selectedKey ? placePoints.get(selectedKey) : undefined;
    if (point && !focus) {
      const current = viewOfTransform(transform, base);
      const [x, y] = projectPoint(point, current);
      const reveal = revealPlace({
        lngLat: point,
        at: { x, y },
        width: size.width,
        height: size.height,
        occludedRight,
        occludedBottom,
        zoom: current.zoom,
      });
      if (reveal) {
        const centred = viewForCamera(point, reveal.zoom, size.width, size.height);
        const [lng, lat] = unprojectPoint([size.width / 2 - reveal.offset[0], size.height / 2 - reveal.offset[1]], centred);
        setMoved({ lng, lat, zoom: reveal.zoom });
      }
    }
  }

  // Where the SVG map is, for export and for MapLibre to start from when it takes over.
  useEffect(() => {
    if (shown) onCameraChange?.(shown);
  }, [shown, onCameraChange]);

  const move = useCallback(
    (next: ScreenTransform) => {
      if (!size || !base) return;
      const t = constrainTransform(next, base);
      transformRef.current = t;
      const view = viewOfTransform(t, base);
      setMoved({ lng: view.center[0], lat: view.center[1], zoom: view.zoom });
    },
    [size, base],
  );

  const settle = useCallback(() => {
    if (base) onCameraSettled(cameraOf(transformRef.current, base));
  }, [base, onCameraSettled]);

  const countryPaths = useMemo(
    () =>
      shapes.map((shape) =>
        shape.d ? (
          <path
            key={shape.id}
            d={shape.d}
            fill={countryFill(shape.iso3, colourByIso3, recipient.iso3, scheme)}
            data-iso3={shape.iso3 ?? undefined}
          />
        ) : null,
      ),
    [shapes, colourByIso3, recipient.iso3, scheme],
  );
  const outlines = useCallback(
    (iso3: string | null) => (iso3 ? shapes.filter((s) => s.iso3 === iso3 && s.d).map((s) => s.d).join(' ') : ''),
    [shapes],
  );
  const hoverOutline = useMemo(() => outlines(hoverIso3), [outlines, hoverIso3]);
  const selectedOutline = useMemo(() => outlines(selectedIso3), [outlines, selectedIso3]);

  useEffect(() => {
    if (pathsShown && shapes.length > 0) window.__atlasSvgReady = true;
  }, [pathsShown, shapes]);
  useEffect(
    () => () => {
      window.__atlasSvgReady = undefined;
      clearTimeout(wheelTimer.current);
    },
    [],
  );

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !size) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = svg.getBoundingClientRect();
      const unit = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? size.height : 1;
      const factor = Math.exp((-event.deltaY * unit) / 300);
      move(zoomAround(transformRef.current, factor, event.clientX - rect.left, event.clientY - rect.top));
      clearTimeout(wheelTimer.current);
      wheelTimer.current = setTimeout(settle, WHEEL_SETTLE_MS);
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [size, move, settle]);

  const localPoint = (event: { clientX: number; clientY: number }): [number, number] => {
    const rect = rootRef.current?.getBoundingClientRect();
    return [event.clientX - (rect?.left ?? 0), event.clientY - (rect?.top ?? 0)];
  };

  const placeOf = (target: EventTarget | null): { key: string; iso3: string } | null => {
    const path = target instanceof Element ? target.closest('path[data-iso3]') : null;
    const iso3 = path?.getAttribute('data-iso3');
    const key = iso3 ? placeKeyByIso3.get(iso3) : undefined;
    return iso3 && key ? { key, iso3 } : null;
  };

  const clearHover = () => {
    setHover(null);
    setHoverIso3(null);
  };

  const handlePointerDown = (event: React.PointerEvent<SVGSVGElement>) => {
    if (event.pointerType === 'mouse' && event.button !== 0) return;
    const [x, y] = localPoint(event);
    pointers.current.set(event.pointerId, { x, y });
    if (pointers.current.size === 1) {
      Object.assign(gesture.current, { startX: x, startY: y, start: transformRef.current, moved: false, pinch: null });
    }
  };

  const handlePointerMove = (event: React.PointerEvent<SVGSVGElement>) => {
    const [x, y] = localPoint(event);
    const g = gesture.current;
    if (pointers.current.has(event.pointerId)) {
      pointers.current.set(event.pointerId, { x, y });
      const points = [...pointers.current.values()];
      if (points.length >= 2) {
        const [a, b] = points as [{ x: number; y: number }, { x: number; y: number }];
        const distance = Math.hypot(a.x - b.x, a.y - b.y);
        if (g.pinch && distance > 0) {
          move(zoomAround(transformRef.current, distance / g.pinch, (a.x + b.x) / 2, (a.y + b.y) / 2));
        }
        g.pinch = distance;
        g.moved = true;
        return;
      }
      if (!g.moved && Math.hypot(x - g.startX, y - g.startY) < DRAG_THRESHOLD) return;
      if (!g.moved) {
        g.moved = true;
        // Capture only once it is a drag: capturing on press would retarget the click away from the country.
        event.currentTarget.setPointerCapture?.(event.pointerId);
        clearHover();
      }
      move({ k: g.start.k, x: g.start.x + x - g.startX, y: g.start.y + y - g.startY });
      return;
    }
    if (event.pointerType === 'touch') return;
    const place = placeOf(event.target);
    setHoverIso3(place?.iso3 ?? null);
    setHover(place ? { key: place.key, x, y } : null);
  };

  const handlePointerEnd = (event: React.PointerEvent<SVGSVGElement>) => {
    if (!pointers.current.delete(event.pointerId)) return;
    const g = gesture.current;
    g.pinch = null;
    const rest = [...pointers.current.values()][0];
    if (rest) Object.assign(g, { startX: rest.x, startY: rest.y, start: transformRef.current });
    else if (g.moved) settle();
  };

  const handleClick = (event: React.MouseEvent<SVGSVGElement>) => {
    if (gesture.current.moved) {
      gesture.current.moved = false;
      return;
    }
    onSelect(placeOf(event.target)?.key ?? null);
  };

  const zoomBy = (factor: number) => {
    if (!size) return;
    // Around the middle of what the panel leaves visible, as MapLibre's map does (map-view.tsx).
    move(zoomAround(transformRef.current, factor, (size.width - occludedRight) / 2, (size.height - occludedBottom) / 2));
    settle();
  };

  const toScreen = (lngLat: readonly [number, number]): [number, number] | null => {
    if (!base) return null;
    const [x, y] = projectPoint(lngLat, base);
    return [x * transform.k + transform.x, y * transform.k + transform.y];
  };

  // The map is one tab stop, as MapView: arrows travel between places, Enter opens, +/- zoom, Tab leaves.
  const handleKeyDown = (event: React.KeyboardEvent<HTMLDivElement>) => {
    if (event.target !== event.currentTarget || !size) return;
    const direction = DIRECTIONS[event.key];
    if (direction) {
      event.preventDefault();
      const points = [...placePoints].flatMap(([key, lngLat]) => {
        const at = toScreen(lngLat);
        return at ? [{ key, x: at[0], y: at[1] }] : [];
      });
      const from = keyboardKey ? points.find((p) => p.key === keyboardKey) : undefined;
      const origin = from ?? { key: '', x: size.width / 2, y: size.height / 2 };
      const next = nearestInDirection(origin, points, from ? direction : null);
      if (next) {
        setKeyboardKey(next.key);
        onKeyboardPlace(next.key);
        const inView = next.x >= 0 && next.y >= 0 && next.x <= size.width && next.y <= size.height;
        if (!inView) {
          const t = transformRef.current;
          move({ k: t.k, x: t.x + size.width / 2 - next.x, y: t.y + size.height / 2 - next.y });
        }
      }
    } else if ((event.key === 'Enter' || event.key === ' ') && keyboardKey) {
      event.preventDefault();
      onSelect(keyboardKey);
    } else if (event.key === '+' || event.key === '=') {
      event.preventDefault();
      zoomBy(2);
    } else if (event.key === '-' || event.key === '_') {
      event.preventDefault();
      zoomBy(0.5);
    }
  };

  const s = SCHEMES[scheme];
  const tooltip = hover ? describePlace(hover.key) : null;
  const recipientAt = toScreen(recipient.location);
  const keyboardPoint = keyboardKey ? placePoints.get(keyboardKey) : undefined;
  const keyboardAt = keyboardPoint ? toScreen(keyboardPoint) : null;
  // Shapes are in world pixels at the file's zoom: scale them to the base view, then apply the camera.
  const toBase = base ? 2 ** (base.zoom - world.zoom) : 1;
  const svgTransform = base
    ? `translate(${transform.x - transform.k * base.offset[0]} ${transform.y - transform.k * base.offset[1]}) scale(${transform.k * toBase})`
    : undefined;
  const atWorldView = transform.k === 1 && transform.x === 0 && transform.y === 0;
  const pin = (at: [number, number], anchor: string): React.CSSProperties => ({
    position: 'absolute',
    left: 0,
    top: 0,
    transform: `translate(${at[0]}px, ${at[1]}px) ${anchor}`,
  });

  return (
    <div
      ref={rootRef}
      className="map-view map-view--svg"
      data-testid="svg-map"
      style={{ overflow: 'hidden' }}
      tabIndex={0}
      role="application"
      aria-label={ariaLabel}
      aria-roledescription={t.map}
      onKeyDown={handleKeyDown}
      onBlur={() => setKeyboardKey(null)}
    >
      {size && (
        <svg
          ref={svgRef}
          width={size.width}
          height={size.height}
          viewBox={`0 0 ${size.width} ${size.height}`}
          style={{ position: 'absolute', inset: 0, display: 'block', touchAction: 'none', cursor: hover ? 'pointer' : 'grab' }}
          aria-hidden="true"
          onPointerDown={handlePointerDown}
          onPointerMove={handlePointerMove}
          onPointerUp={handlePointerEnd}
          onPointerCancel={handlePointerEnd}
          onPointerLeave={clearHover}
          onClick={handleClick}
        >
          <rect data-testid="svg-map-sea" width={size.width} height={size.height} fill={s.sea} />
          <g transform={svgTransform}>
            {pathsShown && <g>{countryPaths}</g>}
            {borderPath && (
              <path
                d={borderPath}
                fill="none"
                stroke={s.border}
                strokeWidth={0.7}
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
                pointerEvents="none"
              />
            )}
            {hoverOutline && (
              <path
                d={hoverOutline}
                fill="none"
                stroke={s.highlight}
                strokeWidth={1.6}
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
                pointerEvents="none"
              />
            )}
            {selectedOutline && (
              <path
                d={selectedOutline}
                fill="none"
                stroke={s.highlight}
                strokeWidth={2.4}
                strokeLinejoin="round"
                vectorEffect="non-scaling-stroke"
                pointerEvents="none"
                data-testid="svg-map-selected"
              />
            )}
          </g>
        </svg>
      )}
      {size && (
        <div style={{ position: 'absolute', left: 0, top: 0 }}>
          {recipientAt && (
            <div style={pin(recipientAt, 'translateY(-50%)')}>
              <div className="recipient-label" aria-hidden="true">
                <span className="recipient-label__dot" />
                <span>{recipientLabel}</span>
              </div>
            </div>
          )}
          {keyboardAt && (
            <div style={pin(keyboardAt, 'translate(-50%, -50%)')}>
              <div className="keyboard-cursor" aria-hidden="true" />
            </div>
          )}
          {markers.map((marker) => {
            const at = toScreen(marker.lngLat);
            if (!at) return null;
            return (
              <div key={marker.key} className="svg-map__marker" style={pin(at, 'translate(-50%, -50%)')}>
                <MarkerButton {...markerButtonProps(marker, selectedKey, t.marker, onSelect, setHover)} />
              </div>
            );
          })}
        </div>
      )}
      {size && (
        <ZoomButtons
          onZoomIn={() => zoomBy(2)}
          onZoomOut={() => zoomBy(0.5)}
          onWholeWorld={
            atWorldView
              ? null
              : () => {
                  move(IDENTITY_TRANSFORM);
                  settle();
                }
          }
        />
      )}
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

/** The camera of a transform, rounded as the URL keeps it. */
function cameraOf(t: ScreenTransform, base: Parameters<typeof viewOfTransform>[1]): Camera {
  const view = viewOfTransform(t, base);
  return roundCamera({ lng: view.center[0], lat: view.center[1], zoom: view.zoom });
}
