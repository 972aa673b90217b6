import { useEffect, useState } from 'react';
import { TYPING_PAUSE_MS } from './useTyping';

/**
 * True once `ready` has held for `ms` while the agent was not typing; then it stays true. The
 * popup's opening counts as a keystroke (issue 22, branch firstquery): the work that follows its
 * first screen (the live query's re-read, the week's counts, the rows below the fold) waits for
 * this. Started the moment the search directory was in, that work was what the agent's first
 * query, typed as the first row showed, queued behind in IndexedDB (research/db/probe-first-paint.ts
 * --at-row: "nadia pa" typed 25–50 ms after the row, 90 ms–1.4 s at load 11–22; typed with the row, 40–65 ms).
 */
export function useQuietAfter(ready: boolean, typing: boolean, ms: number = TYPING_PAUSE_MS): boolean {
  const [quiet, setQuiet] = useState(false);
  useEffect(() => {
    if (quiet || !ready || typing) return;
    const timer = setTimeout(() => setQuiet(true), ms);
    return () => clearTimeout(timer);
  }, [quiet, ready, typing, ms]);
  return quiet;
}
