/**
 * Build-time: the country shapes the SVG map draws, already projected.
 *
 * The first view (and the no-WebGL map) draws SVG paths. Projecting the
 * GeoJSON in the browser cost a long main-thread task, and the GeoJSON itself
 * (about 290 kB gzip with the borders) held back the first paint. Here each
 * country becomes SVG path data in MapLibre's Web Mercator pixels at a fixed
 * zoom (`WORLD_SHAPES_ZOOM`: a 8192 px wide world), in whole pixels with
 * relative moves (about 77 kB gzip). The app scales that one drawing to any view.
 *
 * Pure: no file access (scripts/prepare-geometry.ts writes the file).
 */
import { geoPath } from 'd3-geo';
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { countryShapeOf } from '../../src/domain/map-model.ts';
import { mercatorTransform } from '../../src/domain/world-view.ts';
import { WORLD_SHAPES_ZOOM } from '../../src/data/get-world-shapes.ts';
import type { WorldShapes } from '../../src/data/world-shapes-schema.ts';

interface CountryProperties {
  iso3: string | null;
  name: string;
  labelPoint: [number, number];
}

/**
 * A d3-geo path context that writes whole-pixel, relative SVG path data and
 * drops points that round onto the previous one. By hand because d3-path
 * writes absolute coordinates only, which are about twice the size gzipped.
 */
class RelativePathWriter {
  private parts: string[] = [];
  private x = 0;
  private y = 0;
  private ringStart: [number, number] = [0, 0];
  private pointsInRing = 0;

  moveTo(x: number, y: number) {
    const X = Math.round(x);
    const Y = Math.round(y);
    this.parts.push(`M${X} ${Y}`);
    this.x = X;
    this.y = Y;
    this.ringStart = [X, Y];
    this.pointsInRing = 1;
  }

  lineTo(x: number, y: number) {
    const X = Math.round(x);
    const Y = Math.round(y);
    if (X === this.x && Y === this.y) return;
    // The first segment after a move says "l"; the rest repeat it implicitly.
    this.parts.push(`${this.pointsInRing === 1 ? 'l' : ' '}${X - this.x} ${Y - this.y}`);
    this.x = X;
    this.y = Y;
    this.pointsInRing += 1;
  }

  closePath() {
    this.parts.push('z');
    [this.x, this.y] = this.ringStart;
  }

  arc() {
    throw new Error('a map shape has no arcs');
  }

  /** The path data so far (a space before a minus sign is redundant), and a fresh start. */
  take(): string {
    const d = this.parts.join('').replace(/ -/g, '-');
    this.parts = [];
    return d;
  }
}

export function worldShapes(
  countries: FeatureCollection<Polygon | MultiPolygon, CountryProperties>,
  borders: FeatureCollection<LineString | MultiLineString>,
  zoom = WORLD_SHAPES_ZOOM,
): WorldShapes {
  const writer = new RelativePathWriter();
  const path = geoPath(mercatorTransform(zoom), writer as unknown as CanvasRenderingContext2D);
  return {
    zoom,
    countries: countries.features.map((feature, index) => {
      path(feature);
      const shape = countryShapeOf(feature);
      return {
        id: typeof feature.id === 'number' ? feature.id : index,
        iso3: feature.properties.iso3,
        name: feature.properties.name,
        labelPoint: feature.properties.labelPoint,
        box: shape.box,
        area: Number(shape.area.toPrecision(4)),
        d: writer.take(),
      };
    }),
    borders: (path(borders), writer.take()),
  };
}
