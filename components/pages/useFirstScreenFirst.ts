import { startTransition, useEffect, useState } from 'react';

/**
 * Rows of each list (due follow-ups, contacts) the popup draws in the same commit as an answer:
 * more than its first screen holds (560 px tall, rows of ~60 px). The rest, up to 70 rows, follow
 * in a transition right after, which React interrupts for a keystroke: on a big log an answer is
 * on screen sooner, and typing never waits for rows below the fold (issue 22).
 */
export const FIRST_SCREEN_ROWS = 10;

/**
 * How many rows of each list to draw for the answer to `question` (the filters it answers, by
 * identity; undefined before the first answer): FIRST_SCREEN_ROWS when the first answer to it
 * has just arrived, all of them once the page has painted that and nothing `holds` them back
 * (the agent typing: drawing and laying out 60 rows below the fold after every keystroke is what
 * the next keystroke waited for, branch query). A new question starts over; later answers to the
 * same one (live updates) are drawn whole.
 */
export function useFirstScreenFirst(question: unknown, hold = false): number {
  const [complete, setComplete] = useState<unknown>(undefined);
  useEffect(() => {
    if (question === undefined || hold) return;
    // A timer, not a microtask: the browser paints the first rows before the rest are drawn.
    const timer = setTimeout(() => startTransition(() => setComplete(question)), 0);
    return () => clearTimeout(timer);
  }, [question, hold]);
  return question !== undefined && complete === question ? Infinity : FIRST_SCREEN_ROWS;
}
