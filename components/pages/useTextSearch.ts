import { useEffect, useState } from 'react';
import type { FrontlineDB } from '@/lib/db/schema';
import type { TextSearchResult } from '@/lib/db/text-search';

/**
 * The scan starts once the name results for the query are in and the agent has paused this
 * long: while keys come quickly, the name search has the database and the main thread alone.
 */
const START_AFTER_MS = 250;

export interface TextSearchState {
  result: TextSearchResult | undefined;
  searching: boolean;
  showMore: () => void;
}

/**
 * The popup's "In posts and notes" search for `query`: starts once typing pauses, shows hits as
 * pages are scanned, and is cancelled by the next keystroke (or closing the popup).
 */
export function useTextSearch(db: FrontlineDB, query: string, namesAnswered: boolean): TextSearchState {
  // Pages of results asked for ("More…" adds one). The scan module (and its page size) is imported
  // on the first query, not with the popup: the first screen loads less code (issue 22).
  const [pages, setPages] = useState(1);
  // Set only when a scan reports (never on a keystroke: one render less while typing).
  const [state, setState] = useState<{ query: string; pages: number; result: TextSearchResult | undefined; searching: boolean }>({
    query: '',
    pages: 1,
    result: undefined,
    searching: false,
  });
  const q = query.trim();
  useEffect(() => setPages(1), [q]);
  useEffect(() => {
    if (!q || !namesAnswered) return;
    const abort = new AbortController();
    const report = (result: TextSearchResult | undefined, searching: boolean) =>
      !abort.signal.aborted && setState({ query: q, pages, result, searching });
    const timer = setTimeout(() => {
      import('@/lib/db/text-search')
        .then(({ searchTexts, TEXT_SEARCH_LIMIT }) =>
          searchTexts(db, q, { limit: pages * TEXT_SEARCH_LIMIT, signal: abort.signal, onProgress: (partial) => report(partial, true) }),
        )
        .then(
          (result) => report(result, false),
          () => report(undefined, false),
        );
    }, START_AFTER_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [db, q, pages, namesAnswered]);
  const current = state.query === q;
  return {
    result: current ? state.result : undefined,
    // A query typed and not yet answered in full (including the pause before its scan starts).
    searching: q !== '' && (!current || state.searching || state.pages !== pages),
    showMore: () => setPages((n) => n + 1),
  };
}
