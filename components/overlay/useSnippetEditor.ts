import { useCallback, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { activeRange, nextStop, shiftStopsAfterEdit, startStops, syncMirrors, type StopState, type TabStop } from '@/lib/snippets';

/** Where a single edit happened, from the text before and after (common prefix and suffix). */
function diffEdit(before: string, after: string): { start: number; removed: number; inserted: number } {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { start, removed: endBefore - start, inserted: endAfter - start };
}

/**
 * A plain textarea that behaves like VS Code's snippet mode: Tab and Shift+Tab select the
 * next and previous stop, mirrored stops follow the one being typed, and stops shift with
 * every edit so they stay on the words they belong to.
 */
export function useSnippetEditor() {
  const ref = useRef<HTMLTextAreaElement>(null);
  const [state, setState] = useState<StopState>(() => startStops('', []));

  /** A selection waiting for the text it belongs to be in the textarea. */
  const pending = useRef<readonly [number, number] | null>(null);

  /**
   * Selects the active stop once React has put the new text in the textarea. Selecting earlier
   * (in a frame callback) raced the render: on every helper opened after the first, the value
   * arrived after the selection and the caret ended up after the signature.
   */
  const select = useCallback((s: StopState) => {
    pending.current = activeRange(s);
  }, []);

  useLayoutEffect(() => {
    const range = pending.current;
    const el = ref.current;
    if (!range || !el) return;
    pending.current = null;
    el.focus();
    el.setSelectionRange(range[0], range[1]);
  }, [state]);

  const load = useCallback(
    (text: string, stops: readonly TabStop[]) => {
      const s = startStops(text, stops);
      setState(s);
      select(s);
    },
    [select],
  );

  const onChange = useCallback((next: string) => {
    setState((prev) => {
      const edit = diffEdit(prev.text, next);
      const stops = shiftStopsAfterEdit(prev.stops, edit.start, edit.removed, edit.inserted);
      return syncMirrors({ ...prev, text: next, stops });
    });
  }, []);

  /** Puts the caret (or a selection) in the draft and the focus with it, e.g. on a field to fill. */
  const selectRange = useCallback((start: number, end: number) => {
    const el = ref.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(start, end);
  }, []);

  /** An edit made for the agent (a one-click rewrite): stops follow it as they follow typing. */
  const replaceText = useCallback((next: string, select: readonly [number, number]) => {
    pending.current = select;
    setState((prev) => {
      const edit = diffEdit(prev.text, next);
      const stops = shiftStopsAfterEdit(prev.stops, edit.start, edit.removed, edit.inserted);
      return syncMirrors({ ...prev, text: next, stops });
    });
  }, []);

  const onKeyDown = useCallback(
    (e: KeyboardEvent<HTMLTextAreaElement>) => {
      if (e.key !== 'Tab' || state.stops.length === 0) return;
      const moved = nextStop(state, e.shiftKey ? -1 : 1);
      // At the last stop Tab leaves the editor, as it should for keyboard users.
      if (moved === state) return;
      e.preventDefault();
      setState(moved);
      select(moved);
    },
    [state, select],
  );

  const currentChoices = state.stops[state.current]?.choices;

  const choose = useCallback(
    (choice: string) => {
      const range = activeRange(state);
      if (!range) return;
      const text = state.text.slice(0, range[0]) + choice + state.text.slice(range[1]);
      const stops = shiftStopsAfterEdit(state.stops, range[0], range[1] - range[0], choice.length);
      const next = syncMirrors({ ...state, text, stops });
      setState(next);
      select(next);
    },
    [state, select],
  );

  return { ref, text: state.text, state, load, onChange, onKeyDown, currentChoices, choose, selectRange, replaceText };
}
