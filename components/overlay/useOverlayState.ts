import { useSyncExternalStore } from 'react';
import type { OverlayViewState, OverlayViewStore } from '@/lib/overlay/view';

export function useOverlayState(store: OverlayViewStore): OverlayViewState {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
