import { useEffect, useState } from 'react';
import { searchTexts, TEXT_SEARCH_LIMIT, type FrontlineDB, type TextSearchResult } from '@/lib/db';

/** Typed this long ago with no further keystroke, the text scan starts: the name search reads first. */
const START_AFTER_MS = 150;

export interface TextSearchState {
  result: TextSearchResult | undefined;
  searching: boolean;
  showMore: () => void;
}

/**
 * The popup's "In posts and notes" search for `query`: starts once typing pauses, shows hits as
 * pages are scanned, and is cancelled by the next keystroke (or closing the popup).
 */
export function useTextSearch(db: FrontlineDB, query: string): TextSearchState {
  const [limit, setLimit] = useState(TEXT_SEARCH_LIMIT);
  const [state, setState] = useState<{ query: string; result: TextSearchResult | undefined; searching: boolean }>({
    query: '',
    result: undefined,
    searching: false,
  });
  const q = query.trim();
  useEffect(() => setLimit(TEXT_SEARCH_LIMIT), [q]);
  useEffect(() => {
    if (!q) {
      setState({ query: q, result: undefined, searching: false });
      return;
    }
    const abort = new AbortController();
    setState((s) => ({ query: q, result: s.query === q ? s.result : undefined, searching: true }));
    const timer = setTimeout(() => {
      searchTexts(db, q, {
        limit,
        signal: abort.signal,
        onProgress: (partial) => !abort.signal.aborted && setState({ query: q, result: partial, searching: true }),
      }).then(
        (result) => !abort.signal.aborted && setState({ query: q, result, searching: false }),
        () => !abort.signal.aborted && setState((s) => ({ ...s, searching: false })),
      );
    }, START_AFTER_MS);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [db, q, limit]);
  return {
    result: state.query === q ? state.result : undefined,
    searching: state.searching,
    showMore: () => setLimit((n) => n + TEXT_SEARCH_LIMIT),
  };
}
