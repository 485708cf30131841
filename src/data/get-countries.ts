import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon } from 'geojson';
import { checkPreparedFile, fetchJson, LOADED_FILES, LoadError, resolveAssetUrl } from './fetch-file';

export const COUNTRIES_PATH = 'geo/countries.geojson';

export interface CountryProperties {
  iso3: string | null;
  name: string;
  labelPoint: [number, number];
  area: number;
}
export type Countries = FeatureCollection<Polygon | MultiPolygon, CountryProperties>;

export async function getCountries(url: string, signal?: AbortSignal): Promise<Countries> {
  const raw = await fetchJson(LOADED_FILES.mapShapes, url, signal);
  const { countriesSchema } = await import('./geojson-schemas');
  checkPreparedFile(countriesSchema, raw, LOADED_FILES.mapShapes, url, {
    en: 'the file is not a prepared country GeoJSON',
    zh: '该文件不是预先处理好的国家轮廓 GeoJSON',
  });
  // The file itself, not zod's copy: the coordinates were not looked at.
  return raw as Countries;
}

export function countriesQueryOptions(url = resolveAssetUrl(COUNTRIES_PATH)) {
  return queryOptions({
    queryKey: ['countries', url],
    queryFn: ({ signal }) => getCountries(url, signal),
  });
}

export function useCountries() {
  return useQuery(countriesQueryOptions());
}

export const BORDERS_PATH = 'geo/borders.geojson';
export type Borders = FeatureCollection<LineString | MultiLineString>;

/** Land borders between countries, drawn as lines (polygon outlines would also trace the antimeridian cut). */
export async function getBorders(url: string, signal?: AbortSignal): Promise<Borders> {
  const raw = await fetchJson(LOADED_FILES.mapBorders, url, signal);
  const { bordersSchema } = await import('./geojson-schemas');
  if (!bordersSchema.safeParse(raw).success) {
    throw new LoadError(LOADED_FILES.mapBorders, url, {
      en: 'the file is not a GeoJSON FeatureCollection',
      zh: '该文件不是 GeoJSON FeatureCollection',
    });
  }
  return raw as Borders;
}

export function bordersQueryOptions(url = resolveAssetUrl(BORDERS_PATH)) {
  return queryOptions({
    queryKey: ['borders', url],
    queryFn: ({ signal }) => getBorders(url, signal),
  });
}

export function useBorders() {
  return useQuery(bordersQueryOptions());
}
