import { useEffect, useRef, useState } from 'react';
import type { FrontlineDB } from '@/lib/db/schema';
import { onWrite } from '@/lib/db/writes-seen';

/** A read asked for the moment the agent changed the filters, and what it was asked for. */
export interface TypedRead<F, T> {
  filters: F;
  now: number;
  answer: Promise<T>;
}

/**
 * The answer to new filters, read the moment they are typed (issue 22, branch query4). Through the
 * live query the database was asked only after React had drawn the popup with the new filters,
 * run its effects and let Dexie start the query on a timer: 7–15 ms after a keystroke, 17–31 ms
 * after the first one, which also pays React's first update (research/db/probe-query-tail.ts
 * --trace). `start` is called in the input's change handler, so the reads run while React draws;
 * the popup shows this answer in place of its live query's, and any write to the database (here
 * or in another extension page) ends it: the live query then reads again and subscribes.
 */
export function useTypedRead<F, T>(db: FrontlineDB, read: (filters: F, now: number) => Promise<T>) {
  const [typed, setTyped] = useState<TypedRead<F, T> | undefined>(undefined);
  const stopListening = useRef<() => void>(undefined);
  useEffect(() => () => stopListening.current?.(), []);
  const start = (filters: F, now: number) => {
    stopListening.current?.();
    const answer = read(filters, now);
    // Awaited by the live query while shown; its failure is reported there. Superseded, it is dropped.
    answer.catch(() => undefined);
    const made: TypedRead<F, T> = { filters, now, answer };
    // Listened for from the keystroke on: a write committed before the answer is shown ends it too.
    stopListening.current = onWrite(db, () => setTyped((current) => (current === made ? undefined : current)));
    setTyped(made);
  };
  return { typed, start };
}
