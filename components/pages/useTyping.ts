import { useEffect, useRef, useState } from 'react';

/** How long after the last change of the filters the popup counts as idle again. */
export const TYPING_PAUSE_MS = 800;

/** True from a change of `filters` (by identity) until they have stayed the same for TYPING_PAUSE_MS. */
export function useTyping(filters: unknown): boolean {
  const [typing, setTyping] = useState(false);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setTyping(true);
    const timer = setTimeout(() => setTyping(false), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filters]);
  return typing;
}
