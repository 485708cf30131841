/**
 * Build-time preparation of the world geometry (pure: no file access).
 *
 * Input: the world-atlas 50m topology (Natural Earth 1:50m countries, spherical
 * rings stitched across the antimeridian, numeric ISO ids).
 * Output: planar GeoJSON that MapLibre (Web Mercator) can draw without
 * antimeridian streaks, keyed by ISO 3166-1 alpha-3, plus a mesh of the land
 * borders between countries.
 *
 * Steps, all deterministic:
 * 0. Drop world-atlas's pole cap from Antarctica (see withoutPoleCaps).
 * 1. Drop small unattached islands (never a country's largest polygon, never
 *    an island state's islands).
 * 2. Simplify in topology space (Visvalingam, weights measured in Web Mercator)
 *    so borders shared by two countries stay identical in both. Small
 *    countries keep every point; every kept island keeps at least a triangle.
 * 3. Convert to GeoJSON, merge shapes that share one ISO code, compute the
 *    spherical area (d3 geoArea, steradians).
 * 4. Cut at the antimeridian with d3-geo's own spherical clipping: rings that
 *    cross ±180° are split and closed along the meridian; a ring that encloses
 *    a pole (Antarctica) becomes a planar ring closed along latitude −90°.
 * 5. Round to a fixed number of decimals, drop degenerate rings, nest holes,
 *    wind rings as RFC 7946 says (exterior counter-clockwise, holes clockwise).
 * 6. Place a label point inside each country's largest polygon (polylabel,
 *    computed in Web Mercator so it looks central on the map).
 */
import type {
  Feature,
  FeatureCollection,
  Geometry,
  MultiLineString,
  MultiPolygon,
  Polygon,
  Position,
} from 'geojson';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { feature, mesh } from 'topojson-client';
import { filter, filterAttached, presimplify, simplify, type WeightedPoint } from 'topojson-simplify';
import { geoArea, geoCentroid, geoEquirectangular, geoStream, type GeoStream } from 'd3-geo';
import polylabel from 'polylabel';
import { numericToIso3 } from '../../src/domain/iso-codes.ts';

/**
 * Tunables. Areas are planar areas in Web Mercator measured in "equatorial
 * degrees" squared (x = longitude, y = Mercator y scaled so that 1 unit = 1° at
 * the equator). At zoom 4 one such degree is about 23 px, at zoom 5 about 45 px,
 * so 0.008 unit² is about 4 px² at zoom 4 and 17 px² at zoom 5 (corners of a
 * few pixels are cut at zoom 5; 0.02 gives a ~25% smaller file).
 */
export interface GeometrySettings {
  minTriangleArea: number;
  capLatitude: number;
  minIslandArea: number;
  keepAllPointsBelow: number;
  decimals: number;
  labelPrecision: number;
}

export const GEOMETRY_SETTINGS: Readonly<GeometrySettings> = {
  /** Visvalingam effective-area threshold: points whose triangle is smaller are removed. */
  minTriangleArea: 0.008,
  /** Poleward of this latitude, weights stop growing with the Mercator scale. */
  capLatitude: 60,
  /** Unattached polygons (islands) smaller than this are dropped, unless a country's largest or the country is small. */
  minIslandArea: 0.01,
  /** A country whose largest polygon is smaller than this keeps every point of it, and all its islands. */
  keepAllPointsBelow: 0.5,
  /** Decimals kept in output coordinates (3 ≈ 110 m). */
  decimals: 3,
  /** polylabel precision in Mercator degrees (smaller for small polygons). */
  labelPrecision: 0.1,
};

export type LngLat = [number, number];

export interface CountryProperties {
  /** ISO 3166-1 alpha-3, or null for shapes without an ISO code (Kosovo, N. Cyprus, Somaliland…). */
  iso3: string | null;
  /** Natural Earth short name as given by world-atlas. */
  name: string;
  /** A point well inside the country's largest polygon, for markers: [lng, lat]. */
  labelPoint: LngLat;
  /** Area on the unit sphere in steradians (d3 geoArea); × 6371.0088² ≈ km². */
  area: number;
}

export type CountryFeature = Feature<Polygon | MultiPolygon, CountryProperties> & { id: number };
export type CountryCollection = FeatureCollection<Polygon | MultiPolygon, CountryProperties>;
export type BorderCollection = FeatureCollection<MultiLineString, { kind: 'border' }>;

export interface PreparedGeometry {
  countries: CountryCollection;
  borders: BorderCollection;
}

interface WorldAtlasProperties {
  name: string;
}

// ---------------------------------------------------------------------------
// Web Mercator helpers (planar units: "equatorial degrees")

const MAX_MERCATOR_LAT = 85.0511287798066;
const DEG = Math.PI / 180;

function mercatorY(lat: number): number {
  const clamped = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, lat));
  return Math.log(Math.tan(Math.PI / 4 + (clamped * DEG) / 2)) / DEG;
}

function inverseMercatorY(y: number): number {
  return (2 * Math.atan(Math.exp(y * DEG)) - Math.PI / 2) / DEG;
}

/**
 * Visvalingam weight: the triangle's area in Web Mercator, except that beyond
 * `capLatitude` the Mercator enlargement stops growing (the Arctic islands,
 * Greenland and Antarctica would otherwise take a third of the file).
 */
function mercatorTriangleArea(capLatitude: number) {
  const capCos = Math.cos(capLatitude * DEG);
  return ([a, b, c]: [WeightedPoint, WeightedPoint, WeightedPoint]): number => {
    const ay = mercatorY(a[1]);
    const by = mercatorY(b[1]);
    const cy = mercatorY(c[1]);
    const area = Math.abs((a[0] - c[0]) * (by - ay) - (a[0] - b[0]) * (cy - ay)) / 2;
    const lat = Math.abs(b[1]);
    return lat > capLatitude ? area * (Math.cos(lat * DEG) / capCos) ** 2 : area;
  };
}

/** Signed planar area of a ring (shoelace); positive = counter-clockwise. */
function signedArea(ring: Position[], project: (p: Position) => [number, number] = identity): number {
  let sum = 0;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const [x0, y0] = project(ring[j]!);
    const [x1, y1] = project(ring[i]!);
    sum += x0 * y1 - x1 * y0;
  }
  return sum / 2;
}

function identity(p: Position): [number, number] {
  return [p[0]!, p[1]!];
}

function toMercator(p: Position): [number, number] {
  return [p[0]!, mercatorY(p[1]!)];
}

const SQUARE_DEGREES_PER_STERADIAN = (180 / Math.PI) ** 2;

/**
 * Approximate Web Mercator area of a spherical polygon (d3 winding), in
 * equatorial degrees²: its spherical area scaled by the Mercator area factor
 * at its centroid. Works for polygons that cross the antimeridian or contain
 * a pole. Only used to rank polygons and to drop small islands.
 */
function mercatorAreaEstimate(polygon: Position[][]): number {
  const geometry: Polygon = { type: 'Polygon', coordinates: polygon };
  const lat = Math.max(-MAX_MERCATOR_LAT, Math.min(MAX_MERCATOR_LAT, geoCentroid(geometry)[1]));
  return (geoArea(geometry) * SQUARE_DEGREES_PER_STERADIAN) / Math.cos(lat * DEG) ** 2;
}

// ---------------------------------------------------------------------------
// Topology stage

function countriesObject(topology: Topology): GeometryCollection<WorldAtlasProperties> {
  const object = topology.objects.countries;
  if (!object || object.type !== 'GeometryCollection') {
    throw new Error('world-atlas topology has no "countries" GeometryCollection');
  }
  return object as GeometryCollection<WorldAtlasProperties>;
}

function polygonsOf(geometry: GeometryObject): number[][][] {
  if (geometry.type === 'Polygon') return [geometry.arcs];
  if (geometry.type === 'MultiPolygon') return geometry.arcs;
  return [];
}

function polygonCoordinates(topology: Topology, polygon: number[][]): Position[][] {
  return feature(topology, { type: 'Polygon', arcs: polygon }).geometry.coordinates;
}

/**
 * world-atlas draws Antarctica's mainland as a tiny "exterior" circle at
 * latitude −89.999° with the coastline as its "hole" (valid on the sphere).
 * Dropping the circle leaves the coastline as a ring that, in d3's winding,
 * encloses the land and the pole, which the antimeridian cut understands.
 */
function withoutPoleCaps(topology: Topology): GeometryCollection<WorldAtlasProperties> {
  const isPoleCap = (ring: number[]): boolean =>
    polygonCoordinates(topology, [ring])[0]!.every((p) => Math.abs(p[1]!) > 89.99);
  const fix = (polygon: number[][]): number[][] =>
    polygon.length > 1 && isPoleCap(polygon[0]!) ? polygon.slice(1) : polygon;
  const object = countriesObject(topology);
  return {
    ...object,
    geometries: object.geometries.map((geometry) => {
      if (geometry.type === 'Polygon') return { ...geometry, arcs: fix(geometry.arcs) };
      if (geometry.type === 'MultiPolygon') return { ...geometry, arcs: geometry.arcs.map(fix) };
      return geometry;
    }),
  };
}

interface PolygonSize {
  area: number;
  /** The country's largest polygon. */
  largest: boolean;
  /** Area of the country's largest polygon. */
  countryLargest: number;
}

/** Size of every polygon, keyed by its exterior ring's arc list (by identity). */
function polygonSizes(topology: Topology): Map<number[], PolygonSize> {
  const sizes = new Map<number[], PolygonSize>();
  for (const geometry of countriesObject(topology).geometries) {
    const own: PolygonSize[] = [];
    for (const polygon of polygonsOf(geometry)) {
      if (!polygon[0]) continue;
      const size = { area: mercatorAreaEstimate(polygonCoordinates(topology, polygon)), largest: false, countryLargest: 0 };
      sizes.set(polygon[0], size);
      own.push(size);
    }
    const max = Math.max(...own.map((size) => size.area));
    for (const size of own) size.countryLargest = max;
    const best = own.find((size) => size.area === max);
    if (best) best.largest = true;
  }
  return sizes;
}

/** Filters small islands and simplifies; the result has absolute coordinates and no transform. */
export function simplifyTopology(input: Topology, settings: GeometrySettings = GEOMETRY_SETTINGS): Topology {
  // Only the countries object: world-atlas's "land" object shares every arc,
  // which would make every island look attached to something.
  const base: Topology = {
    type: 'Topology',
    arcs: input.arcs,
    objects: { countries: withoutPoleCaps(input) },
    ...(input.transform ? { transform: input.transform } : {}),
  };

  const attached = filterAttached(base);
  const sizes = polygonSizes(base);
  const filtered = filter(base, (ring, interior) => {
    if (interior || attached(ring, interior)) return true;
    const size = sizes.get(ring);
    // Island states (Kiribati, Maldives, Tuvalu…) keep all their islands.
    return !size || size.largest || size.area >= settings.minIslandArea || size.countryLargest < settings.keepAllPointsBelow;
  });

  const weighted = presimplify(filtered, mercatorTriangleArea(settings.capLatitude));

  // Small countries (Andorra, Singapore, island states) keep their whole outline.
  const protectedArcs = new Set<number>();
  for (const geometry of countriesObject(weighted).geometries) {
    const polygons = polygonsOf(geometry);
    const sizes = polygons.map((polygon) => mercatorAreaEstimate(polygonCoordinates(weighted, polygon)));
    if (Math.max(...sizes) < settings.keepAllPointsBelow) {
      for (const arc of polygons.flat(2)) protectedArcs.add(arc < 0 ? ~arc : arc);
    }
  }
  for (const index of protectedArcs) {
    for (const point of weighted.arcs[index] ?? []) point[2] = Infinity;
  }

  // An island that passed the size filter keeps at least a triangle: a closed
  // arc keeps its three heaviest interior points whatever their weight.
  for (const arc of weighted.arcs) {
    const first = arc[0];
    const last = arc[arc.length - 1];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) continue;
    const interior = arc.slice(1, -1).sort((a, b) => b[2]! - a[2]!);
    for (const point of interior.slice(0, 3)) point[2] = Infinity;
  }

  return simplify(weighted, settings.minTriangleArea);
}

// ---------------------------------------------------------------------------
// Antimeridian cut (d3-geo spherical clipping through a plate carrée in degrees)

const plateCarree = geoEquirectangular()
  .scale(180 / Math.PI)
  .translate([0, 0])
  .precision(0); // no adaptive resampling: vertices pass through unchanged

/**
 * Streams a spherical geometry through d3's antimeridian clipping and returns
 * the resulting planar rings or lines as [lng, lat] arrays (rings unclosed).
 */
function cutAtAntimeridian(geometry: Geometry): Position[][] {
  const parts: Position[][] = [];
  let current: Position[] = [];
  const sink: GeoStream = {
    point(x, y) {
      current.push([x, -y]);
    },
    lineStart() {
      current = [];
    },
    lineEnd() {
      if (current.length > 0) parts.push(current);
    },
    polygonStart() {},
    polygonEnd() {},
    sphere() {
      throw new Error('a country covers the whole sphere: wrong winding?');
    },
  };
  geoStream(geometry, plateCarree.stream(sink));
  return parts;
}

function roundTo(decimals: number): (value: number) => number {
  const factor = 10 ** decimals;
  return (value) => Math.round(value * factor) / factor + 0; // + 0 turns -0 into 0
}

/**
 * Rounds, removes repeated points and splits long edges so that no two
 * consecutive vertices are 180° or more apart in longitude (only edges along
 * a pole or the antimeridian cut are that long; they are straight in lon/lat,
 * so the extra vertices do not change the shape).
 */
function cleanLine(line: Position[], decimals: number, closed: boolean): Position[] {
  const round = roundTo(decimals);
  const out: Position[] = [];
  const points = closed && line.length > 0 ? [...line, line[0]!] : line;
  for (const p of points) {
    const next: Position = [round(p[0]!), round(p[1]!)];
    const last = out[out.length - 1];
    if (last && last[0] === next[0] && last[1] === next[1]) continue;
    if (last && Math.abs(next[0]! - last[0]!) > 90) {
      const steps = Math.ceil(Math.abs(next[0]! - last[0]!) / 90);
      for (let s = 1; s < steps; s++) {
        const t = s / steps;
        out.push([round(last[0]! + (next[0]! - last[0]!) * t), round(last[1]! + (next[1]! - last[1]!) * t)]);
      }
    }
    out.push(next);
  }
  return out;
}

function pointInRing(point: LngLat, ring: Position[], project: (p: Position) => [number, number] = identity): boolean {
  const [x, y] = project(point);
  let inside = false;
  for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
    const [xi, yi] = project(ring[i]!);
    const [xj, yj] = project(ring[j]!);
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Planar point-in-polygon (even–odd over all rings). */
export function pointInPolygon(point: LngLat, polygon: Position[][], project?: (p: Position) => [number, number]): boolean {
  let inside = false;
  for (const ring of polygon) if (pointInRing(point, ring, project)) inside = !inside;
  return inside;
}

/**
 * Groups cut rings into polygons. d3 winds exterior rings clockwise (negative
 * shoelace area in lon/lat) and holes counter-clockwise; RFC 7946 (and
 * MapLibre's ring classification, which takes the first ring's winding as
 * "exterior") wants the opposite, so every ring is reversed.
 */
function assemblePolygons(rings: Position[][], name: string): Position[][][] {
  const exteriors: { ring: Position[]; area: number }[] = [];
  const holes: Position[][] = [];
  for (const ring of rings) {
    if (ring.length < 4) continue;
    const area = signedArea(ring);
    if (area === 0) continue;
    const rfc = [...ring].reverse();
    if (area < 0) exteriors.push({ ring: rfc, area: -area });
    else holes.push(rfc);
  }
  exteriors.sort((a, b) => b.area - a.area);
  const polygons = exteriors.map(({ ring }) => [ring]);
  for (const hole of holes) {
    // The smallest exterior that contains most of the hole's vertices.
    let target: Position[][] | undefined;
    for (let i = exteriors.length - 1; i >= 0 && !target; i--) {
      const exterior = exteriors[i]!.ring;
      const sample = hole.slice(0, -1);
      const insideCount = sample.filter((p) => pointInRing([p[0]!, p[1]!], exterior)).length;
      if (insideCount * 2 > sample.length) target = polygons[i];
    }
    if (!target) throw new Error(`${name}: a hole lies in no exterior ring`);
    target.push(hole);
  }
  return polygons;
}

function assertNoStreaks(rings: Position[][], name: string): void {
  for (const ring of rings) {
    for (let i = 1; i < ring.length; i++) {
      if (Math.abs(ring[i]![0]! - ring[i - 1]![0]!) >= 180) {
        throw new Error(`${name}: ring jumps ${ring[i - 1]![0]} → ${ring[i]![0]} after the antimeridian cut`);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Label points

function polygonMercatorArea(polygon: Position[][]): number {
  return polygon.reduce((sum, ring, i) => sum + (i === 0 ? 1 : -1) * Math.abs(signedArea(ring, toMercator)), 0);
}

function labelPoint(polygons: Position[][][], settings: GeometrySettings, name: string): LngLat {
  let largest = polygons[0]!;
  let largestArea = -Infinity;
  for (const polygon of polygons) {
    const area = polygonMercatorArea(polygon);
    if (area > largestArea) {
      largest = polygon;
      largestArea = area;
    }
  }
  const projected = largest.map((ring) => ring.map(toMercator));
  const round = roundTo(settings.decimals);
  // Start at the configured precision; tiny polygons need a finer one.
  for (let precision = Math.min(settings.labelPrecision, Math.sqrt(largestArea) / 20); precision > 1e-6; precision /= 10) {
    const [x, my] = polylabel(projected, precision);
    const point: LngLat = [round(x), round(inverseMercatorY(my))];
    if (pointInPolygon(point, largest) && pointInPolygon(point, largest, toMercator)) return point;
  }
  throw new Error(`${name}: no label point inside the largest polygon`);
}

// ---------------------------------------------------------------------------
// Assembly

interface CountryGroup {
  iso3: string | null;
  name: string;
  /** Spherical polygons (d3 winding), before the cut. */
  polygons: Position[][][];
  /** Area of the largest member, to pick the group's name. */
  nameArea: number;
}

function groupCountries(topology: Topology): CountryGroup[] {
  const groups = new Map<string, CountryGroup>();
  for (const geometry of countriesObject(topology).geometries) {
    if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') continue;
    const object = geometry;
    const name = object.properties?.name ?? '';
    const shape = (feature(topology, object) as Feature<Polygon | MultiPolygon>).geometry;
    const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
    const iso3 = numericToIso3(object.id) ?? null;
    const key = iso3 ?? `name:${name}`;
    const area = geoArea(shape);
    const group = groups.get(key);
    if (!group) {
      groups.set(key, { iso3, name, polygons, nameArea: area });
    } else {
      // world-atlas gives Ashmore and Cartier Is. Australia's code: one shape per code.
      group.polygons.push(...polygons);
      if (area > group.nameArea) {
        group.name = name;
        group.nameArea = area;
      }
    }
  }
  return [...groups.values()].sort((a, b) => {
    if (a.iso3 !== null && b.iso3 !== null) return a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0;
    if (a.iso3 !== null) return -1;
    if (b.iso3 !== null) return 1;
    return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
  });
}

function roundArea(steradians: number): number {
  return Number(steradians.toPrecision(6));
}

function buildCountry(group: CountryGroup, id: number, settings: GeometrySettings): CountryFeature {
  const spherical: MultiPolygon = { type: 'MultiPolygon', coordinates: group.polygons };
  const area = geoArea(spherical);
  const rings = cutAtAntimeridian(spherical).map((ring) => cleanLine(ring, settings.decimals, true));
  const polygons = assemblePolygons(rings, group.name);
  if (polygons.length === 0) throw new Error(`${group.name}: no polygon left after simplification`);
  assertNoStreaks(polygons.flat(), group.name);
  const geometry: Polygon | MultiPolygon =
    polygons.length === 1 ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
  return {
    type: 'Feature',
    id,
    properties: {
      iso3: group.iso3,
      name: group.name,
      labelPoint: labelPoint(polygons, settings, group.name),
      area: roundArea(area),
    },
    geometry,
  };
}

function buildBorders(topology: Topology, settings: GeometrySettings): BorderCollection {
  const object = countriesObject(topology);
  const shared = mesh(topology, object, (a, b) => a !== b);
  const lines = cutAtAntimeridian(shared)
    .map((line) => cleanLine(line, settings.decimals, false))
    .filter((line) => line.length >= 2);
  assertNoStreaks(lines, 'borders');
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { kind: 'border' }, geometry: { type: 'MultiLineString', coordinates: lines } }],
  };
}

/** Countries and internal borders from the world-atlas 50m topology. */
export function prepareGeometry(topology: Topology, settings: GeometrySettings = GEOMETRY_SETTINGS): PreparedGeometry {
  const simplified = simplifyTopology(topology, settings);
  const countries: CountryCollection = {
    type: 'FeatureCollection',
    features: groupCountries(simplified).map((group, index) => buildCountry(group, index + 1, settings)),
  };
  return { countries, borders: buildBorders(simplified, settings) };
}

/** Countries only (see prepareGeometry). Feature ids are 1-based positions in ISO-code order. */
export function prepareCountries(topology: Topology, settings: GeometrySettings = GEOMETRY_SETTINGS): CountryCollection {
  return prepareGeometry(topology, settings).countries;
}

/** Stable text form: one feature per line, so regenerations diff readably. */
export function serializeFeatureCollection(collection: FeatureCollection): string {
  const features = collection.features.map((f) => JSON.stringify(f)).join(',\n');
  return `{"type":"FeatureCollection","features":[\n${features}\n]}\n`;
}
