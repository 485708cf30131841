/**
 * Geometry of the SVG renderer: the view MapLibre starts in, and the country
 * shapes as SVG path data in that view's pixels. Pure: no React, no DOM, so
 * the same numbers serve the no-WebGL map, the first paint and the export.
 *
 * Pixel space is MapLibre's: Web Mercator, 512 px world at zoom 0, the
 * viewport's top-left corner at `offset` in world pixels. Shapes go through
 * the PLANAR `mercatorTransform` (see world-view.ts for why not a d3 projection).
 */
import { geoPath } from 'd3-geo';
import type { Borders, Countries } from '../../data/get-countries';
import { NEUTRALS, SCHEMES, type SchemeName } from '../../domain/palette';
import { WORLD_BOUNDS, mercatorTransform } from '../../domain/world-view';

/** The zoom limits the MapLibre view is created with (keep in step with map-view.tsx). */
export const MAP_MIN_ZOOM = 0.3;
export const MAP_MAX_ZOOM = 8;

const TILE_SIZE = 512;
const MAX_LATITUDE = 85.051129;

export interface MapViewState {
  width: number;
  height: number;
  zoom: number;
  /** World-pixel position (at `zoom`) of the viewport's top-left corner. */
  offset: [number, number];
  /** Longitude and latitude at the viewport's centre. */
  center: [number, number];
}

export interface ZoomLimits {
  minZoom: number;
  maxZoom: number;
}

const DEFAULT_LIMITS: ZoomLimits = { minZoom: MAP_MIN_ZOOM, maxZoom: MAP_MAX_ZOOM };

/** Longitude/latitude → fraction of the world (0..1 each way), as MapLibre's mercator coordinates. */
function mercatorFraction([lng, lat]: readonly [number, number]): [number, number] {
  const clamped = Math.max(-MAX_LATITUDE, Math.min(MAX_LATITUDE, lat));
  const phi = (clamped * Math.PI) / 180;
  return [(lng + 180) / 360, 0.5 - Math.log(Math.tan(Math.PI / 4 + phi / 2)) / (2 * Math.PI)];
}

function lngLatFromFraction([x, y]: readonly [number, number]): [number, number] {
  const lat = (Math.atan(Math.exp((0.5 - y) * 2 * Math.PI)) * 360) / Math.PI - 90;
  return [x * 360 - 180, lat];
}

/** A view of the given size centred on a place at a zoom (no constraint applied). */
export function viewAt(center: readonly [number, number], zoom: number, width: number, height: number): MapViewState {
  const size = TILE_SIZE * 2 ** zoom;
  const [fx, fy] = mercatorFraction(center);
  return {
    width,
    height,
    zoom,
    offset: [fx * size - width / 2, fy * size - height / 2],
    center: [center[0], center[1]],
  };
}

/**
 * What MapLibre's default constraint does with `renderWorldCopies: false`:
 * clamp the zoom to the limits, zoom in until the world covers the viewport,
 * then keep the world's edges outside the viewport.
 */
function constrain(
  centerFraction: [number, number],
  zoom: number,
  width: number,
  height: number,
  limits: ZoomLimits,
): { fraction: [number, number]; zoom: number } {
  let z = Math.max(limits.minZoom, Math.min(limits.maxZoom, zoom));
  let [fx, fy] = centerFraction;
  const size = TILE_SIZE * 2 ** z;
  const scale = Math.max(size < width ? width / size : 0, size < height ? height / size : 0);
  if (scale) {
    // MapLibre centres the world on each axis that was too small, then zooms in.
    if (size < width) fx = 0.5;
    if (size < height) fy = 0.5;
    z += Math.log2(scale);
  }
  const worldSize = TILE_SIZE * 2 ** z;
  const halfW = width / 2 / worldSize;
  const halfH = height / 2 / worldSize;
  if (fx - halfW < 0) fx = halfW;
  if (fx + halfW > 1) fx = 1 - halfW;
  if (fy - halfH < 0) fy = halfH;
  if (fy + halfH > 1) fy = 1 - halfH;
  return { fraction: [fx, fy], zoom: z };
}

export interface Padding {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

const NO_PADDING: Padding = { top: 0, right: 0, bottom: 0, left: 0 };

/**
 * MapLibre's cameraForBounds (no bearing) then its constraint: the bounds'
 * centre in Mercator space, shifted by uneven padding, at the largest zoom
 * that fits the viewport less the padding, capped at `maxZoom`.
 */
export function viewForBounds(
  bounds: readonly [readonly [number, number], readonly [number, number]],
  width: number,
  height: number,
  options: { padding?: Padding; maxZoom?: number; limits?: ZoomLimits } = {},
): MapViewState {
  const padding = options.padding ?? NO_PADDING;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const [[west, south], [east, north]] = bounds;
  const nw = mercatorFraction([west, north]);
  const se = mercatorFraction([east, south]);
  const availableWidth = Math.max(1, width - padding.left - padding.right);
  const availableHeight = Math.max(1, height - padding.top - padding.bottom);
  const zoom = Math.min(
    Math.log2(availableWidth / (TILE_SIZE * Math.max(se[0] - nw[0], 1e-9))),
    Math.log2(availableHeight / (TILE_SIZE * Math.max(se[1] - nw[1], 1e-9))),
    options.maxZoom ?? limits.maxZoom,
  );
  const size = TILE_SIZE * 2 ** zoom;
  // Uneven padding moves the bounds' centre off the viewport's centre, as in MapLibre.
  const middle: [number, number] = [
    (nw[0] + se[0]) / 2 - (padding.left - padding.right) / 2 / size,
    (nw[1] + se[1]) / 2 - (padding.top - padding.bottom) / 2 / size,
  ];
  const constrained = constrain(middle, zoom, width, height, limits);
  return viewAt(lngLatFromFraction(constrained.fraction), constrained.zoom, width, height);
}

/**
 * The view MapLibre opens with `initialViewState={{ bounds: WORLD_BOUNDS }}`:
 * fitBounds without padding puts the bounds' centre in Mercator space at the
 * viewport centre, at the largest zoom that fits, then constrains.
 */
export function worldView(width: number, height: number, limits: ZoomLimits = DEFAULT_LIMITS): MapViewState {
  return viewForBounds(WORLD_BOUNDS, width, height, { limits });
}

/** MapLibre's camera (centre and zoom) at a size, constrained as MapLibre would. */
export function viewForCamera(
  center: readonly [number, number],
  zoom: number,
  width: number,
  height: number,
  limits: ZoomLimits = DEFAULT_LIMITS,
): MapViewState {
  const constrained = constrain(mercatorFraction(center), zoom, width, height, limits);
  return viewAt(lngLatFromFraction(constrained.fraction), constrained.zoom, width, height);
}

/**
 * A view expressed as a scale and translation of another view's pixels, so a
 * drawing projected once (at `base`) can show any view: screen = base px × k + (x, y).
 */
export interface ScreenTransform {
  k: number;
  x: number;
  y: number;
}

export const IDENTITY_TRANSFORM: ScreenTransform = { k: 1, x: 0, y: 0 };

export function transformForView(view: MapViewState, base: MapViewState): ScreenTransform {
  const k = 2 ** (view.zoom - base.zoom);
  return { k, x: -view.offset[0] + base.offset[0] * k, y: -view.offset[1] + base.offset[1] * k };
}

export function viewOfTransform(t: ScreenTransform, base: MapViewState): MapViewState {
  const zoom = base.zoom + Math.log2(t.k);
  const offset: [number, number] = [base.offset[0] * t.k - t.x, base.offset[1] * t.k - t.y];
  const size = TILE_SIZE * 2 ** zoom;
  const center = lngLatFromFraction([(offset[0] + base.width / 2) / size, (offset[1] + base.height / 2) / size]);
  return { width: base.width, height: base.height, zoom, offset, center };
}

/** The transform MapLibre's constraint would allow: zoom within limits, world edges kept outside the viewport. */
export function constrainTransform(t: ScreenTransform, base: MapViewState, limits: ZoomLimits = DEFAULT_LIMITS): ScreenTransform {
  const view = viewOfTransform(t, base);
  return transformForView(viewForCamera(view.center, view.zoom, base.width, base.height, limits), base);
}

/** Longitude/latitude → pixel in the view (x right, y down from the top-left corner). */
export function projectPoint(lngLat: readonly [number, number], view: MapViewState): [number, number] {
  const size = TILE_SIZE * 2 ** view.zoom;
  const [fx, fy] = mercatorFraction(lngLat);
  return [fx * size - view.offset[0], fy * size - view.offset[1]];
}

/** Pixel in the view → longitude/latitude. */
export function unprojectPoint(point: readonly [number, number], view: MapViewState): [number, number] {
  const size = TILE_SIZE * 2 ** view.zoom;
  return lngLatFromFraction([(point[0] + view.offset[0]) / size, (point[1] + view.offset[1]) / size]);
}

export interface ProjectedCountry {
  /** The feature's numeric id in the prepared file. */
  id: number | string;
  iso3: string | null;
  name: string;
  /** SVG path data in view pixels, to 0.1 px; empty for a degenerate shape. */
  d: string;
}

const CACHE_SIZE = 4;
const cache = new WeakMap<Countries, Map<string, ProjectedCountry[]>>();

/**
 * Each country's outline as SVG path data in the view's pixels. Cached per
 * shapes object and view (a few views each), so re-renders at the same size are free.
 */
export function projectCountries(
  countries: Countries,
  width: number,
  height: number,
  view: MapViewState = worldView(width, height),
): ProjectedCountry[] {
  const key = `${view.zoom}|${view.offset[0]}|${view.offset[1]}`;
  let perView = cache.get(countries);
  const hit = perView?.get(key);
  if (hit) return hit;
  const path = geoPath(mercatorTransform(view.zoom, view.offset)).digits(1);
  const projected = countries.features.map((feature, index): ProjectedCountry => ({
    id: feature.id ?? index,
    iso3: feature.properties.iso3,
    name: feature.properties.name,
    d: path(feature) ?? '',
  }));
  if (!perView) {
    perView = new Map();
    cache.set(countries, perView);
  }
  if (perView.size >= CACHE_SIZE) {
    const oldest = perView.keys().next().value;
    if (oldest !== undefined) perView.delete(oldest);
  }
  perView.set(key, projected);
  return projected;
}

const borderCache = new WeakMap<Borders, Map<string, string>>();

/** All land borders as one SVG path's data in the view's pixels (cached like the countries). */
export function projectBorders(borders: Borders, view: MapViewState): string {
  const key = `${view.zoom}|${view.offset[0]}|${view.offset[1]}`;
  let perView = borderCache.get(borders);
  const hit = perView?.get(key);
  if (hit !== undefined) return hit;
  const d = geoPath(mercatorTransform(view.zoom, view.offset)).digits(1)(borders) ?? '';
  if (!perView) {
    perView = new Map();
    borderCache.set(borders, perView);
  }
  if (perView.size >= CACHE_SIZE) {
    const oldest = perView.keys().next().value;
    if (oldest !== undefined) perView.delete(oldest);
  }
  perView.set(key, d);
  return d;
}

/** The fill of a country, as the MapLibre fill expression picks it: the recipient first, then senders, then muted land. */
export function countryFill(
  iso3: string | null,
  colourByIso3: ReadonlyMap<string, string>,
  recipientIso3: string | null,
  scheme: SchemeName,
): string {
  if (iso3 !== null && iso3 === recipientIso3) return NEUTRALS.recipient;
  return (iso3 !== null ? colourByIso3.get(iso3) : undefined) ?? SCHEMES[scheme].nonSender;
}
