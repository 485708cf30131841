/**
 * The map drawn as SVG with d3-geo: the no-WebGL fallback and (later) the
 * first paint before MapLibre. It takes MapView's props and draws the same
 * things in the same pixels as MapLibre's initial world view, with the same
 * HTML markers and tooltip, so the app can swap one for the other.
 *
 * Zoom and pan are a transform on top of that view (no re-projection): cheap,
 * and enough for a fallback.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { SCHEMES } from '../../domain/palette';
import type { MapViewProps } from './map-view';
import { countryFill, MAP_MAX_ZOOM, projectCountries, projectPoint, worldView } from './svg-map-geometry';
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

/** Zoom factor `k` and translation, applied after the world view's projection. */
interface Camera {
  k: number;
  x: number;
  y: number;
}

interface Hover {
  key: string;
  x: number;
  y: number;
}

const IDENTITY: Camera = { k: 1, x: 0, y: 0 };
/** Movement (px) after which a press is a drag, not a click. */
const DRAG_THRESHOLD = 4;

function clampCamera(camera: Camera, size: Size, maxK: number): Camera {
  const k = Math.max(1, Math.min(maxK, camera.k));
  // Keep the viewport's centre over the map, so it can never be lost off screen.
  const clampAxis = (t: number, extent: number) => Math.max(extent / 2 - extent * k, Math.min(extent / 2, t));
  return { k, x: clampAxis(camera.x, size.width), y: clampAxis(camera.y, size.height) };
}

/** The camera after zooming by `factor` around a point in viewport pixels. */
function zoomAround(camera: Camera, factor: number, px: number, py: number): Camera {
  const k = camera.k * factor;
  return { k, x: px - ((px - camera.x) * k) / camera.k, y: py - ((py - camera.y) * k) / camera.k };
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

const zoomButtonStyle: React.CSSProperties = {
  width: 36,
  height: 36,
  font: '600 20px/1 var(--font)',
  color: 'var(--text)',
  background: 'var(--surface)',
  border: '1px solid var(--divider)',
  borderRadius: 6,
  cursor: 'pointer',
  padding: 0,
};

export function SvgMap(props: MapViewProps) {
  const {
    countries,
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
  } = props;
  const rootRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const size = useElementSize(rootRef);
  const [camera, setCamera] = useState<Camera>(IDENTITY);
  const cameraRef = useRef<Camera>(IDENTITY);
  const [hover, setHover] = useState<Hover | null>(null);
  const [hoverIso3, setHoverIso3] = useState<string | null>(null);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ startX: number; startY: number; start: Camera; moved: boolean; pinch: number | null }>({
    startX: 0,
    startY: 0,
    start: IDENTITY,
    moved: false,
    pinch: null,
  });

  const view = useMemo(() => (size ? worldView(size.width, size.height) : null), [size]);
  const maxK = view ? 2 ** (MAP_MAX_ZOOM - view.zoom) : 1;
  const shapes = useMemo(
    () => (view ? projectCountries(countries, view.width, view.height, view) : []),
    [countries, view],
  );

  const applyCamera = useCallback(
    (next: Camera) => {
      if (!size) return;
      const clamped = clampCamera(next, size, maxK);
      cameraRef.current = clamped;
      setCamera(clamped);
    },
    [size, maxK],
  );

  const countryPaths = useMemo(
    () =>
      shapes.map((shape) =>
        shape.d ? (
          <path
            key={shape.id}
            d={shape.d}
            fill={countryFill(shape.iso3, colourByIso3, recipient.iso3, scheme)}
            data-iso3={shape.iso3 ?? undefined}
            vectorEffect="non-scaling-stroke"
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
    if (shapes.length > 0) window.__atlasSvgReady = true;
  }, [shapes]);
  useEffect(() => () => {
    window.__atlasSvgReady = undefined;
  }, []);

  // Wheel zoom needs a non-passive listener to keep the page from scrolling.
  useEffect(() => {
    const svg = svgRef.current;
    if (!svg || !size) return;
    const onWheel = (event: WheelEvent) => {
      event.preventDefault();
      const rect = svg.getBoundingClientRect();
      const lines = event.deltaMode === 1 ? 16 : event.deltaMode === 2 ? size.height : 1;
      const factor = Math.exp((-event.deltaY * lines) / 300);
      applyCamera(zoomAround(cameraRef.current, factor, event.clientX - rect.left, event.clientY - rect.top));
    };
    svg.addEventListener('wheel', onWheel, { passive: false });
    return () => svg.removeEventListener('wheel', onWheel);
  }, [size, applyCamera]);

  const localPoint = (event: React.PointerEvent | React.MouseEvent): [number, number] => {
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
    const g = gesture.current;
    if (pointers.current.size === 1) {
      Object.assign(g, { startX: x, startY: y, start: cameraRef.current, moved: false, pinch: null });
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
          applyCamera(zoomAround(cameraRef.current, distance / g.pinch, (a.x + b.x) / 2, (a.y + b.y) / 2));
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
      applyCamera({ k: g.start.k, x: g.start.x + x - g.startX, y: g.start.y + y - g.startY });
      return;
    }
    if (event.pointerType !== 'mouse' && event.pointerType !== 'pen') return;
    const place = placeOf(event.target);
    setHoverIso3(place?.iso3 ?? null);
    setHover(place ? { key: place.key, x, y } : null);
  };

  const handlePointerEnd = (event: React.PointerEvent<SVGSVGElement>) => {
    pointers.current.delete(event.pointerId);
    const g = gesture.current;
    g.pinch = null;
    const rest = [...pointers.current.values()][0];
    if (rest) Object.assign(g, { startX: rest.x, startY: rest.y, start: cameraRef.current });
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
    applyCamera(zoomAround(cameraRef.current, factor, size.width / 2, size.height / 2));
  };

  const toScreen = (lngLat: readonly [number, number]): [number, number] | null => {
    if (!view) return null;
    const [x, y] = projectPoint(lngLat, view);
    return [x * camera.k + camera.x, y * camera.k + camera.y];
  };

  const s = SCHEMES[scheme];
  const tooltip = hover ? describePlace(hover.key) : null;
  const recipientAt = toScreen(recipient.location);
  const transform = `translate(${camera.x} ${camera.y}) scale(${camera.k})`;

  return (
    <div ref={rootRef} className="map-view map-view--svg" data-testid="svg-map" style={{ overflow: 'hidden' }}>
      {size && (
        <svg
          ref={svgRef}
          width={size.width}
          height={size.height}
          viewBox={`0 0 ${size.width} ${size.height}`}
          style={{
            position: 'absolute',
            inset: 0,
            display: 'block',
            touchAction: 'none',
            cursor: hover ? 'pointer' : 'grab',
          }}
          aria-hidden="true"
          onPointerDown={handlePointerDown}
          onPointerMove={handlePointerMove}
          onPointerUp={handlePointerEnd}
          onPointerCancel={handlePointerEnd}
          onPointerLeave={() => clearHover()}
          onClick={handleClick}
        >
          <rect data-testid="svg-map-sea" width={size.width} height={size.height} fill={s.sea} />
          <g transform={transform}>
            <g stroke={s.border} strokeWidth={0.6} strokeLinejoin="round">
              {countryPaths}
            </g>
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
            <div
              style={{ position: 'absolute', left: 0, top: 0, transform: `translate(${recipientAt[0]}px, ${recipientAt[1]}px) translateY(-50%)` }}
            >
              <div className="recipient-label" aria-hidden="true">
                <span className="recipient-label__dot" />
                <span>{recipientLabel}</span>
              </div>
            </div>
          )}
          {markers.map((marker) => {
            const at = toScreen(marker.lngLat);
            if (!at) return null;
            return (
              <div
                key={marker.key}
                style={{ position: 'absolute', left: 0, top: 0, transform: `translate(${at[0]}px, ${at[1]}px) translate(-50%, -50%)` }}
              >
                <button
                  type="button"
                  className={`atlas-marker atlas-marker--${marker.kind}${marker.matches ? '' : ' atlas-marker--faded'}${
                    marker.key === selectedKey ? ' atlas-marker--selected' : ''
                  }${marker.showLabel ? ' atlas-marker--labelled' : ''}`}
                  style={{ '--marker-colour': marker.colour } as React.CSSProperties}
                  aria-label={`${marker.label}${marker.kind === 'organization' ? ' (international organisation)' : ''}`}
                  aria-pressed={marker.key === selectedKey}
                  data-place={marker.key}
                  onClick={() => onSelect(marker.key)}
                  onMouseEnter={(e) => {
                    const map = rootRef.current?.getBoundingClientRect();
                    const own = e.currentTarget.getBoundingClientRect();
                    if (map) setHover({ key: marker.key, x: own.left - map.left + own.width / 2, y: own.top - map.top });
                  }}
                  onMouseLeave={() => setHover(null)}
                >
                  <span className="atlas-marker__symbol" aria-hidden="true" />
                  <span className="atlas-marker__label">{marker.label}</span>
                </button>
              </div>
            );
          })}
        </div>
      )}
      {size && (
        <div style={{ position: 'absolute', left: 12, top: 12, display: 'flex', flexDirection: 'column', gap: 4, zIndex: 1 }}>
          <button type="button" style={zoomButtonStyle} aria-label="Zoom in" onClick={() => zoomBy(2)}>
            +
          </button>
          <button type="button" style={zoomButtonStyle} aria-label="Zoom out" onClick={() => zoomBy(0.5)}>
            −
          </button>
          {camera.k !== 1 && (
            <button
              type="button"
              style={{ ...zoomButtonStyle, fontSize: 16 }}
              aria-label="Show the whole world"
              onClick={() => applyCamera(IDENTITY)}
            >
              ⌂
            </button>
          )}
        </div>
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
