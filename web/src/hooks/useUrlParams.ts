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
