import { useSyncExternalStore } from 'react';
import type { OverlayState } from '@/lib/content/store';
import type { OverlayViewStore } from '@/lib/overlay/view';

export function useOverlayState(store: OverlayViewStore): OverlayState {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
