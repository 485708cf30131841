import '../domain/zod-jitless';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { checkPreparedFile, fetchJson, LOADED_FILES, resolveAssetUrl } from './fetch-file';
import { yieldToMain } from './yield-to-main';

/**
 * The country shapes as the SVG map draws them: SVG path data already in Web
 * Mercator pixels at `zoom` (MapLibre's 512 px world × 2^zoom), prepared at
 * build time by scripts/geometry/world-shapes.ts from the same geometry
 * MapLibre draws. A few times smaller than the GeoJSON and nothing to project,
 * so the first view does not wait for either; the GeoJSON comes with MapLibre.
 */
export const WORLD_SHAPES_PATH = 'geo/world-shapes.json';
export const WORLD_SHAPES_ZOOM = 4;

const lngLat = z.tuple([z.number(), z.number()]);

// Checks the shape of the file; the path data is prepared and tested at build time.
export const worldShapesSchema = z.object({
  zoom: z.number().int().min(0).max(8),
  countries: z
    .array(
      z.object({
        id: z.number(),
        iso3: z.string().nullable(),
        name: z.string(),
        labelPoint: lngLat,
        /** West-south and east-north corners of the largest polygon. */
        box: z.tuple([lngLat, lngLat]),
        /** Area in Web Mercator px² at zoom 0. */
        area: z.number().nonnegative(),
        d: z.string(),
      }),
    )
    .min(1),
  /** All land borders as one path. */
  borders: z.string(),
});
export type WorldShapes = z.infer<typeof worldShapesSchema>;
export type WorldShape = WorldShapes['countries'][number];

export async function getWorldShapes(url: string, signal?: AbortSignal): Promise<WorldShapes> {
  const raw = await fetchJson(LOADED_FILES.mapShapes, url, signal);
  // Checked in a task of its own, not in the one that parsed the file (see yield-to-main.ts).
  await yieldToMain();
  return checkPreparedFile(worldShapesSchema, raw, LOADED_FILES.mapShapes, url, {
    en: 'the file is not the prepared country shapes',
    zh: '该文件不是预先处理好的国家轮廓',
  });
}

export function worldShapesQueryOptions(url = resolveAssetUrl(WORLD_SHAPES_PATH)) {
  return queryOptions({
    queryKey: ['world-shapes', url],
    queryFn: ({ signal }) => getWorldShapes(url, signal),
  });
}

export function useWorldShapes({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...worldShapesQueryOptions(), enabled });
}
