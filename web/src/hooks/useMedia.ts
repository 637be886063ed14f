import { useCallback, useSyncExternalStore } from 'react';

/** Whether a media query matches, known on the first render (no flash of the wrong layout). */
export function useMedia(query: string): boolean {
  const subscribe = useCallback(
    (notify: () => void) => {
      const mql = window.matchMedia(query);
      mql.addEventListener('change', notify);
      return () => mql.removeEventListener('change', notify);
    },
    [query],
  );
  return useSyncExternalStore(subscribe, () => window.matchMedia(query).matches, () => false);
}

/** Phones (below antd's `md`, 768 px): lists become cards. */
export const useNarrow = () => useMedia('(max-width: 767.98px)');
/** Below antd's `lg` (992 px): the side menu folds into a drawer. */
export const useCompactLayout = () => useMedia('(max-width: 991.98px)');
