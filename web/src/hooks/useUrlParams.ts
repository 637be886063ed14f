import { useCallback, useEffect, useRef } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The URL query string as page state. Updates are computed from the latest requested
 * params, not from the last rendered ones: the router commits a navigation asynchronously,
 * so two quick changes (pick a stage, then press Enter in the search box) must not lose
 * the first one.
 */
export function useUrlParams() {
  const [sp, setSp] = useSearchParams();
  const pending = useRef<URLSearchParams | null>(null);

  useEffect(() => {
    if (pending.current && pending.current.toString() === sp.toString()) pending.current = null;
  }, [sp]);

  const update = useCallback(
    (fn: (current: URLSearchParams) => URLSearchParams) => {
      const next = fn(new URLSearchParams(pending.current ?? sp));
      pending.current = next;
      setSp(next);
    },
    [sp, setSp],
  );

  return [sp, update] as const;
}

export type FilterPatch = Record<string, string | number | null | undefined>;

/**
 * The URL as the filters of a paged list: `set({ status: 'open' })` sets or (empty value)
 * removes each key, and any change but the page itself goes back to page 1.
 */
export function useUrlFilters() {
  const [sp, update] = useUrlParams();
  const set = useCallback(
    (patch: FilterPatch) =>
      update((cur) => {
        for (const [k, v] of Object.entries(patch)) {
          if (v == null || v === '') cur.delete(k);
          else cur.set(k, String(v));
        }
        if (!('page' in patch)) cur.delete('page');
        return cur;
      }),
    [update],
  );
  return [sp, set] as const;
}
