import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchText, LOADED_FILES } from './fetch-file';

export function sourceTextQueryOptions(url: string | null, wanted = true) {
  return queryOptions({
    queryKey: ['source-text', url],
    queryFn: ({ signal }) => (url ? fetchText(LOADED_FILES.sourceArticle, url, signal) : Promise.resolve(null)),
    enabled: url !== null && wanted,
  });
}

/** The source text at `url`; pending (not fetched) while not `wanted`. */
export function useSourceText(url: string | null, wanted = true) {
  return useQuery(sourceTextQueryOptions(url, wanted));
}
