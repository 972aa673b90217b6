import { now as clockNow } from '@/lib/time/clock';
import { useEffect, useState } from 'react';

/**
 * The current time, refreshed every `everyMs`, so a follow-up becomes due while the page is open.
 * `from`: the moment a first answer was read for before the page mounted (the popup's first screen).
 */
export function useNow(everyMs = 30_000, from?: number): number {
  const [now, setNow] = useState(() => from ?? clockNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(clockNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
