import type { Range, TabStop } from './expand';

/**
 * Tab-stop navigation for a plain <textarea>: it has one selection and no mirrors, so the
 * reply helper keeps the stops here, moves them with every edit, and copies the active
 * stop's text into its mirrors when the agent leaves it.
 */
export interface StopState {
  text: string;
  stops: readonly TabStop[];
  /** Position in `stops` of the active stop. */
  current: number;
}

export function startStops(text: string, stops: readonly TabStop[]): StopState {
  return { text, stops, current: 0 };
}

/** Moves to the next (1) or previous (-1) stop, clamped at both ends; the last is the final `$0`. */
export function nextStop(state: StopState, direction: 1 | -1): StopState {
  const last = state.stops.length - 1;
  const current = Math.max(0, Math.min(last, state.current + direction));
  return current === state.current ? state : { ...state, current };
}

/** The range to select in the textarea: the first place the active stop appears. */
export function activeRange(state: StopState): Range | null {
  return state.stops[state.current]?.ranges[0] ?? null;
}

/** True once the agent has reached the final stop: Tab should go back to the page. */
export function isAtFinalStop(state: StopState): boolean {
  return state.current >= state.stops.length - 1;
}

/**
 * Moves every range to follow one edit of the text: `removedLength` characters at
 * `editStart` replaced by `insertedLength` new ones. Typing inside or at either edge of a
 * range grows it (so typing over a selected placeholder, or into an empty `$1`, stays in
 * the stop); text before a range shifts it; text after it leaves it alone.
 */
export function shiftStopsAfterEdit(
  stops: readonly TabStop[],
  editStart: number,
  removedLength: number,
  insertedLength: number,
): TabStop[] {
  return stops.map((stop) => ({
    ...stop,
    ranges: stop.ranges.map((r) => shiftRange(r, editStart, removedLength, insertedLength)),
  }));
}

function shiftRange([s, e]: Range, a: number, removed: number, inserted: number): Range {
  const b = a + removed;
  const delta = inserted - removed;
  if (removed === 0) {
    if (a < s) return [s + delta, e + delta];
    if (a > e) return [s, e];
    return [s, e + delta];
  }
  if (b <= s) return [s + delta, e + delta];
  if (a >= e) return [s, e];
  // The edit overlaps the range: what survives of it, plus the new text, is the range.
  return [Math.min(s, a), Math.max(e + delta, a + inserted)];
}

/**
 * Copies the text of the active stop's first range into its other ranges (mirrors), the
 * way VS Code updates same-index placeholders; call it when the agent leaves a stop.
 */
export function syncMirrors(state: StopState): StopState {
  const stop = state.stops[state.current];
  const primary = stop?.ranges[0];
  if (!stop || !primary) return state;
  const value = state.text.slice(primary[0], primary[1]);
  let text = state.text;
  let stops = state.stops;
  // Rewrite from the last mirror back so earlier offsets stay valid while we go.
  for (let i = stop.ranges.length - 1; i >= 1; i--) {
    const [s, e] = stops[state.current]!.ranges[i]!;
    text = text.slice(0, s) + value + text.slice(e);
    stops = shiftStopsAfterEdit(stops, s, e - s, value.length);
  }
  return { ...state, text, stops };
}
