import './zod-jitless';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { formatProblem, parseDataset } from '../domain/dataset-validation';
import type { Dataset } from '../domain/dataset-schema';
import { fetchJson, LoadError, resolveAssetUrl } from './fetch-file';

export const SHIPPED_DATASET_PATH = 'data/atlas.json';

export interface LoadedDataset {
  dataset: Dataset;
  /** Absolute URL the dataset came from; relative paths inside it resolve against this. */
  url: string;
}

export async function getDataset(url: string, signal?: AbortSignal): Promise<LoadedDataset> {
  const raw = await fetchJson('the dataset', url, signal);
  const result = parseDataset(raw);
  if (!result.ok) {
    const count = result.problems.length;
    throw new LoadError(
      'the dataset',
      url,
      `it does not match the atlas format (${count} problem${count === 1 ? '' : 's'})`,
      result.problems.map(formatProblem),
    );
  }
  return { dataset: result.dataset, url };
}

export function datasetQueryOptions(url = resolveAssetUrl(SHIPPED_DATASET_PATH)) {
  return queryOptions({
    queryKey: ['dataset', url],
    queryFn: ({ signal }) => getDataset(url, signal),
  });
}

export function useDataset(url?: string) {
  return useQuery(datasetQueryOptions(url));
}
