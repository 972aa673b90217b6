import { createRoot } from 'react-dom/client';
import { DatabaseGate } from '@/components/pages/DatabaseGate';
import { PopupApp } from '@/components/pages/PopupApp';
import type { PopupStart } from '@/components/pages/popup-start';

/** Draws the popup from what main.tsx started reading before React was loaded. */
export function mountPopup(start: PopupStart): void {
  createRoot(document.getElementById('root')!).render(
    <DatabaseGate opening={start.opening}>{(db) => <PopupApp db={db} first={start.firstScreen()} />}</DatabaseGate>,
  );
}
