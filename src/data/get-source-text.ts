import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchText, LOADED_FILES } from './fetch-file';

export function sourceTextQueryOptions(url: string | null) {
  return queryOptions({
    queryKey: ['source-text', url],
    queryFn: ({ signal }) => (url ? fetchText(LOADED_FILES.sourceArticle, url, signal) : Promise.resolve(null)),
    enabled: url !== null,
  });
}

export function useSourceText(url: string | null) {
  return useQuery(sourceTextQueryOptions(url));
}
