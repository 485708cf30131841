/**
 * Minimal typings for topojson-simplify 3.0.3 (the package ships none), covering
 * only what scripts/geometry uses.
 */
declare module 'topojson-simplify' {
  import type { Topology } from 'topojson-specification';

  /** A point with its Visvalingam weight as the third element after presimplify. */
  export type WeightedPoint = [number, number, number];
  export type TriangleWeight = (triangle: [WeightedPoint, WeightedPoint, WeightedPoint]) => number;
  export type RingFilter = (ring: number[], interior: boolean) => boolean;

  /** Decodes quantised arcs to absolute coordinates and adds weights as a third coordinate. */
  export function presimplify<T extends Topology>(topology: T, weight?: TriangleWeight): T;
  /** Drops points whose weight is below minWeight (arc endpoints have weight Infinity). */
  export function simplify<T extends Topology>(topology: T, minWeight?: number): T;
  /** Removes rings for which the predicate returns false, then prunes unused arcs. */
  export function filter<T extends Topology>(topology: T, filter?: RingFilter): T;
  /** True for rings that share at least one arc with another ring. */
  export function filterAttached(topology: Topology): RingFilter;
  export function quantile(topology: Topology, p: number): number;
  export function planarTriangleArea(triangle: number[][]): number;
  export function planarRingArea(ring: number[][]): number;
  export function sphericalTriangleArea(triangle: number[][]): number;
  export function sphericalRingArea(ring: number[][], interior: boolean): number;
}
