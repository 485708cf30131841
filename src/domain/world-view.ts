/**
 * The initial "whole world" view, shared by the map, the marker rule and
 * (later) the SVG renderer, so they agree on what is visible.
 */
import { geoPath, geoTransform } from 'd3-geo';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

/** West, south, east, north: the inhabited world without Antarctica's interior. */
export const WORLD_BOUNDS: [[number, number], [number, number]] = [
  [-168, -56],
  [180, 78],
];

/** MapLibre's world is 512 px wide at zoom 0. */
const TILE_SIZE = 512;

function mercatorY(lat: number): number {
  const phi = (lat * Math.PI) / 180;
  return Math.log(Math.tan(Math.PI / 4 + phi / 2));
}

/** The zoom at which WORLD_BOUNDS fit a viewport of the given size (as MapLibre's fitBounds without padding). */
export function worldZoom(width: number, height: number): number {
  const [[west, south], [east, north]] = WORLD_BOUNDS;
  const fractionX = (east - west) / 360;
  const fractionY = (mercatorY(north) - mercatorY(south)) / (2 * Math.PI);
  const zoomX = Math.log2(width / (TILE_SIZE * fractionX));
  const zoomY = Math.log2(height / (TILE_SIZE * fractionY));
  return Math.min(zoomX, zoomY);
}

/** The viewport the marker rule is measured in: a common laptop window. */
export const REFERENCE_VIEWPORT = { width: 1280, height: 800 } as const;
/** Shapes smaller than this, in px² at the reference world view, are too small to click. */
export const MIN_CLICKABLE_AREA_PX2 = 40;

/**
 * Web Mercator as a planar transform, in MapLibre's pixel space at a zoom.
 * Planar on purpose: the prepared shapes are cut at the antimeridian and wound
 * as RFC 7946 says, which d3's spherical projections would read as the
 * complement of each shape (the whole world minus the country).
 */
export function mercatorTransform(zoom: number, offset: [number, number] = [0, 0]) {
  const size = TILE_SIZE * 2 ** zoom;
  return geoTransform({
    point(lng, lat) {
      const clamped = Math.max(-85.0511, Math.min(85.0511, lat));
      const x = ((lng + 180) / 360) * size - offset[0];
      const y = (0.5 - mercatorY(clamped) / (2 * Math.PI)) * size - offset[1];
      this.stream.point(x, y);
    },
  });
}

/** Area of a shape in screen pixels at a Web Mercator zoom. */
export function areaInPixels(feature: Feature<Polygon | MultiPolygon>, zoom: number): number {
  return Math.abs(geoPath(mercatorTransform(zoom)).area(feature));
}

/** A shape of this area (Web Mercator px² at zoom 0) is too small to click at the reference world view. */
export function isTooSmallToClick(areaAtZoom0: number): boolean {
  const zoom = worldZoom(REFERENCE_VIEWPORT.width, REFERENCE_VIEWPORT.height);
  return areaAtZoom0 * 4 ** zoom < MIN_CLICKABLE_AREA_PX2;
}

export interface RevealRequest {
  /** The place, and where it is now in the map's pixels. */
  lngLat: readonly [number, number];
  at: { x: number; y: number };
  width: number;
  height: number;
  /** Map pixels covered on the right (side panel) and at the bottom (bottom sheet). */
  occludedRight: number;
  occludedBottom: number;
  zoom: number;
}

/**
 * Where the camera goes so that a selected place hidden under the panel (or
 * at the map's edge) sits in the middle of the part of the map left free; null
 * when it is in view. As MapLibre's `easeTo({ center, zoom, offset })`: the
 * place ends at the viewport centre plus `offset`. Without world copies the
 * camera cannot pan past the world's edge, so the zoom is raised until the
 * place can reach that point. Both map renderers use this, so they agree.
 */
export function revealPlace(request: RevealRequest): { zoom: number; offset: [number, number] } | null {
  const { lngLat, at, width, height, occludedRight, occludedBottom } = request;
  const margin = 40;
  const hidden =
    at.x > width - occludedRight - margin || at.x < margin || at.y < margin || at.y > height - occludedBottom - margin;
  if (!hidden) return null;
  const targetX = (width - occludedRight) / 2;
  const fromWest = (lngLat[0] + 180) / 360;
  const worldWidth = Math.max((width - targetX) / Math.max(1 - fromWest, 0.01), targetX / Math.max(fromWest, 0.01));
  return {
    zoom: Math.min(5, Math.max(request.zoom, 2.2, Math.log2(worldWidth / TILE_SIZE))),
    offset: [-occludedRight / 2, -occludedBottom / 2],
  };
}
