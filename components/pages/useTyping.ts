import { useEffect, useState } from 'react';

/** How long after the last change of the filters the popup counts as idle again. */
export const TYPING_PAUSE_MS = 800;

/**
 * True from a change of `filters` (by identity) until they have stayed the same for TYPING_PAUSE_MS.
 * True in the very render that draws the change: before, an effect set it, and the second render
 * that cost (5 ms under load) fell between a keystroke and its answer (issue 22, branch query4).
 */
export function useTyping(filters: unknown): boolean {
  const [quietWith, setQuietWith] = useState(filters);
  useEffect(() => {
    if (filters === quietWith) return;
    const timer = setTimeout(() => setQuietWith(filters), TYPING_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [filters, quietWith]);
  return filters !== quietWith;
}
