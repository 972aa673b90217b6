import { useSyncExternalStore } from 'react';
import type { OverlayState, OverlayStore } from '@/lib/content/store';

export function useOverlayState(store: OverlayStore): OverlayState {
  return useSyncExternalStore(store.subscribe, store.get, store.get);
}
