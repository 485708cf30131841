import { queryOptions, useQuery } from '@tanstack/react-query';
import { checkPreparedFile, fetchPreparedJson, LOADED_FILES, resolveAssetUrl } from './fetch-file';
import type { WorldShapes } from './world-shapes-schema';
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

export async function getWorldShapes(url: string, signal?: AbortSignal): Promise<WorldShapes> {
  const { value, checkedAtBuild } = await fetchPreparedJson(LOADED_FILES.mapShapes, WORLD_SHAPES_PATH, url, signal);
  // The build checked these very bytes (build-checked-files.ts): used as they are.
  if (checkedAtBuild) return value as WorldShapes;
  const { worldShapesSchema } = await import('./world-shapes-schema');
  // Checked in a task of its own, not in the one that parsed the file (see yield-to-main.ts).
  await yieldToMain();
  return checkPreparedFile(worldShapesSchema, value, LOADED_FILES.mapShapes, url, {
    en: 'the file is not the prepared country shapes',
    zh: '该文件不是预先处理好的国家轮廓',
  });
}

/** Where the app downloads the shapes from: its query, and the early request for a `?data=` page. */
export function worldShapesUrl(): string {
  return resolveAssetUrl(WORLD_SHAPES_PATH);
}

export function worldShapesQueryOptions(url = worldShapesUrl()) {
  return queryOptions({
    queryKey: ['world-shapes', url],
    queryFn: ({ signal }) => getWorldShapes(url, signal),
  });
}

export function useWorldShapes({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...worldShapesQueryOptions(), enabled });
}
