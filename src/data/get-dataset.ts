import { queryOptions, useQuery } from '@tanstack/react-query';
import { acceptsDatasetAsItIs } from '../domain/dataset-quick-accept';
import type { Dataset } from '../domain/dataset-schema';
import type { Bilingual } from '../domain/lang';
import { loadCountryNames } from './get-country-names';
import { fetchPreparedJson, LOADED_FILES, LoadError, resolveAssetUrl } from './fetch-file';
import { yieldToMain } from './yield-to-main';

export const SHIPPED_DATASET_PATH = 'data/atlas.json';

export interface LoadedDataset {
  dataset: Dataset;
  /** Absolute URL the dataset came from; relative paths inside it resolve against this. */
  url: string;
}

export async function getDataset(url: string, signal?: AbortSignal): Promise<LoadedDataset> {
  // The names of its countries come in the same wait (see get-country-names.ts).
  const [{ value, checkedAtBuild, madeByJsonParse }] = await Promise.all([fetchPreparedJson(LOADED_FILES.dataset, SHIPPED_DATASET_PATH, url, signal), loadCountryNames()]);
  // The shipped dataset, byte for byte as the build validated it (build-checked-files.ts).
  if (checkedAtBuild) return { dataset: value as Dataset, url };
  // Every other dataset passes the one validating boundary (dataset-validation.ts). Its quick yes
  // needs no zod: a dataset it accepts as it is never waits for zod's module to load and start.
  // In a task of its own, not in the one that parsed the file (see yield-to-main.ts).
  await yieldToMain();
  if (acceptsDatasetAsItIs(value, { madeByJsonParse })) return { dataset: value as Dataset, url };
  const { formatProblemBilingual, parseDataset } = await import('../domain/dataset-validation');
  const result = parseDataset(value, { madeByJsonParse, quickYesSaidNo: true });
  if (!result.ok) {
    const count = result.problems.length;
    throw new LoadError(
      LOADED_FILES.dataset,
      url,
      { en: `it does not match the atlas format (${count} problem${count === 1 ? '' : 's'})`, zh: `不符合本图集的数据格式（${count} 处问题）` },
      result.problems.map(formatProblemBilingual),
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

export function useDataset(url?: string, { enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...datasetQueryOptions(url), enabled });
}

/** The `?data=` parameter: missing, a dataset URL the atlas may load, or why it may not (in both languages). */
export type DataParam = { kind: 'missing' } | { kind: 'valid'; url: string } | { kind: 'invalid'; value: string; reason: Bilingual };

/**
 * `?data=<url>` → the dataset to load instead of the shipped one. Relative
 * links resolve against the page; only this site's files and https:// links
 * are loaded (an http:// dataset on an https page would be blocked anyway,
 * and javascript:, data: or file: links are never data to fetch).
 */
export function dataParamFromSearch(search: string, pageUrl: string): DataParam {
  const value = new URLSearchParams(search).get('data');
  if (value === null || value.trim() === '') return { kind: 'missing' };
  let url: URL;
  try {
    url = new URL(value.trim(), pageUrl);
  } catch {
    return { kind: 'invalid', value, reason: { en: 'it is not a web address', zh: '这不是一个网址' } };
  }
  const page = new URL(pageUrl);
  if (url.origin === page.origin && (url.protocol === 'https:' || url.protocol === 'http:')) return { kind: 'valid', url: url.href };
  if (url.protocol === 'https:') return { kind: 'valid', url: url.href };
  return { kind: 'invalid', value, reason: { en: 'only https:// links and files on this site can be loaded', zh: '只能加载 https:// 链接和本站的文件' } };
}

/** The dataset URL for this page: the `?data=` link when valid, else the shipped dataset. */
export function datasetUrlForPage(search = window.location.search, pageUrl = window.location.href): string {
  const param = dataParamFromSearch(search, pageUrl);
  return param.kind === 'valid' ? param.url : resolveAssetUrl(SHIPPED_DATASET_PATH);
}

/** True when the dataset is the one this atlas ships (no provenance notice). */
export function isShippedDatasetUrl(url: string): boolean {
  return url === resolveAssetUrl(SHIPPED_DATASET_PATH);
}
