import { now as clockNow } from '@/lib/time/clock';
import { useEffect, useState } from 'react';

/** The current time, refreshed every `everyMs`, so a follow-up becomes due while the page is open. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(() => clockNow());
  useEffect(() => {
    const timer = setInterval(() => setNow(clockNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}
