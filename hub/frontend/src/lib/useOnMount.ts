import { useEffect, useRef } from 'react';

/**
 * Runs an action once when a screen appears, even where React runs effects twice (Strict Mode in
 * development), for actions that must not repeat, such as spending a one-time link's token.
 */
export function useOnMount(action: () => void): void {
  const done = useRef(false);
  const latest = useRef(action);
  latest.current = action;
  useEffect(() => {
    if (done.current) return;
    done.current = true;
    latest.current();
  }, []);
}
