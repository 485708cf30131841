/**
 * Keeps the view state and the address bar in step: a change in the app
 * pushes (or replaces) a history entry; back and forward restore the view.
 */
import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
import type { Bilingual } from '../domain/lang';
import { parseViewState, serializeViewState, type ViewState } from '../domain/url-state';

export interface UrlView {
  view: ViewState;
  /** Notices from parsing the address (unknown or malformed parameters). */
  notices: Bilingual[];
  update: (change: Partial<ViewState>, options?: { replace?: boolean }) => void;
}

function readLocation() {
  return parseViewState(window.location.search);
}

export function useUrlView(): UrlView {
  const [parsed, setParsed] = useState(readLocation);

  useEffect(() => {
    const onPopState = () => setParsed(readLocation());
    window.addEventListener('popstate', onPopState);
    return () => window.removeEventListener('popstate', onPopState);
  }, []);

  // The address bar is the store: an update starts from what it holds now, so
  // two updates in one event cannot overwrite each other.
  const update = useCallback((change: Partial<ViewState>, options?: { replace?: boolean }) => {
    const view = { ...readLocation().view, ...change };
    const search = serializeViewState(view);
    if (search !== window.location.search) {
      const url = `${window.location.pathname}${search}${window.location.hash}`;
      if (options?.replace) window.history.replaceState(null, '', url);
      else window.history.pushState(null, '', url);
    }
    setParsed((current) => ({ view, notices: current.notices }));
  }, []);

  return { view: parsed.view, notices: parsed.notices, update };
}

/**
 * A media query's answer, followed live. Read afresh at every render
 * (useSyncExternalStore), not only when its change event has been handled: a
 * render that a key press causes just after reduced motion was turned on
 * already flies without motion, rather than starting a flight that the
 * change then cuts short.
 */
export function useMediaQuery(query: string): boolean {
  const subscribe = useCallback(
    (onChange: () => void) => {
      const media = window.matchMedia?.(query);
      media?.addEventListener('change', onChange);
      return () => media?.removeEventListener('change', onChange);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia?.(query).matches ?? false);
}

export const usePrefersDark = () => useMediaQuery('(prefers-color-scheme: dark)');
export const usePrefersReducedMotion = () => useMediaQuery('(prefers-reduced-motion: reduce)');
