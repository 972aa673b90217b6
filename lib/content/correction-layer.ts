/**
 * This frame's copy of the agent's correction layer (lib/detect/adapt.ts), fitted by the
 * background and sent here (cs→bg:correction-layer at start, and with every cs→bg:correct reply).
 * Until the agent corrects something there is none, and verdicts are the shipped model's.
 */
import { adapterFromState, adaptVerdict, type Adapter, type AdapterState } from '../detect/adapt';
import { model } from '../detect/model';
import type { Verdict } from '../types';

let layer: Adapter | null = null;

export function setCorrectionLayer(state: AdapterState | null): void {
  try {
    layer = state ? adapterFromState(state) : null;
  } catch {
    // A layer from another build (its table size differs): the shipped verdicts stand until the next fit.
    layer = null;
  }
}

/** The detector's verdict with the agent's corrections applied. */
export function corrected(verdict: Verdict, text: string): Verdict {
  return layer ? adaptVerdict(verdict, text, layer, model().complaint.threshold) : verdict;
}
