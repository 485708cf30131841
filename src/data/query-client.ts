import { QueryClient } from '@tanstack/react-query';

/** One place for query defaults: static files do not go stale within a session. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: Infinity,
        gcTime: Infinity,
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        // A missing or malformed file will not mend itself by retrying at once; the person retries.
        retry: false,
      },
    },
  });
}
