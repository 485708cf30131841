import { queryOptions, useQuery } from '@tanstack/react-query';
import { fetchText } from './fetch-file';

export function sourceTextQueryOptions(url: string | null) {
  return queryOptions({
    queryKey: ['source-text', url],
    queryFn: ({ signal }) => (url ? fetchText('the source article', url, signal) : Promise.resolve(null)),
    enabled: url !== null,
  });
}

export function useSourceText(url: string | null) {
  return useQuery(sourceTextQueryOptions(url));
}
