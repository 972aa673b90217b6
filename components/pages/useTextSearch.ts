import { useEffect, useState } from 'react';
import { searchTexts, TEXT_SEARCH_LIMIT, type FrontlineDB, type TextSearchResult } from '@/lib/db';

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
  const [limit, setLimit] = useState(TEXT_SEARCH_LIMIT);
  // Set only when a scan reports (never on a keystroke: one render less while typing).
  const [state, setState] = useState<{ query: string; limit: number; result: TextSearchResult | undefined; searching: boolean }>({
    query: '',
    limit: TEXT_SEARCH_LIMIT,
    result: undefined,
    searching: false,
  });
  const q = query.trim();
  useEffect(() => setLimit(TEXT_SEARCH_LIMIT), [q]);
  useEffect(() => {
    if (!q || !namesAnswered) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      searchTexts(db, q, {
        limit,
        signal: abort.signal,
        onProgress: (partial) => !abort.signal.aborted && setState({ query: q, limit, result: partial, searching: true }),
      }).then(
        (result) => !abort.signal.aborted && setState({ query: q, limit, result, searching: false }),
        () => !abort.signal.aborted && setState({ query: q, limit, result: undefined, searching: false }),
      );
    }, START_AFTER_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [db, q, limit, namesAnswered]);
  const current = state.query === q;
  return {
    result: current ? state.result : undefined,
    // A query typed and not yet answered in full (including the pause before its scan starts).
    searching: q !== '' && (!current || state.searching || state.limit !== limit),
    showMore: () => setLimit((n) => n + TEXT_SEARCH_LIMIT),
  };
}
