import { useCallback, useEffect, useRef, useState } from 'react';

export interface RowKeyActions {
  open: (index: number) => void;
  resolve: (index: number) => void;
  snooze: (index: number) => void;
}

/**
 * Roving focus over `[data-row]` items: one Tab stop for the list, arrows move, Enter opens,
 * r resolves, s snoozes. Keys typed in a field or on a button inside the row are left alone.
 * When the focused row disappears (resolved, snoozed) focus stays at the same position.
 */
export function useListKeys(rowCount: number, actions: RowKeyActions) {
  const listRef = useRef<HTMLUListElement>(null);
  const [active, setActive] = useState(0);
  const refocus = useRef(false);

  const focusRow = useCallback((index: number) => {
    const rows = listRef.current?.querySelectorAll<HTMLElement>('[data-row]');
    if (!rows || rows.length === 0) return;
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    rows[next]!.focus();
  }, []);

  useEffect(() => {
    if (active >= rowCount && rowCount > 0) setActive(rowCount - 1);
    // Only when the focused row vanished (focus fell to <body>), never away from the search box.
    const lost = !document.activeElement || document.activeElement === document.body;
    if (refocus.current && lost) focusRow(Math.min(active, rowCount - 1));
    if (!lost) refocus.current = false;
  }, [rowCount, active, focusRow]);

  const onKeyDown = (event: React.KeyboardEvent<HTMLUListElement>) => {
    const target = event.target as HTMLElement;
    const onRow = target.hasAttribute('data-row');
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      focusRow(active + (event.key === 'ArrowDown' ? 1 : -1));
      return;
    }
    if (event.key === 'Home' || event.key === 'End') {
      event.preventDefault();
      focusRow(event.key === 'Home' ? 0 : rowCount - 1);
      return;
    }
    if (!onRow || event.altKey || event.ctrlKey || event.metaKey) return;
    const key = event.key.toLowerCase();
    if (key === 'enter') actions.open(active);
    else if (key === 'r') actions.resolve(active);
    else if (key === 's') actions.snooze(active);
    else return;
    event.preventDefault();
    if (key !== 'enter') refocus.current = true;
  };

  return { listRef, active, setActive, focusRow, onKeyDown };
}
