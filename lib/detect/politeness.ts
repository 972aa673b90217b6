/**
 * Politeness and grievance shapes (issue 20, round 5): interactions of lexicon categories that a
 * linear model over words cannot form itself. Blog and forum readers thank, praise and ask
 * questions in words tweets to support accounts rarely use, and they complain implicitly — a
 * promise set against what happened, a renewal in doubt. Each is a 0/1 dense feature; the model
 * learns its weight from the training data like any other.
 */
import { categoryBit } from './lexicon';

export const POLITENESS_NAMES = ['shape:calm-question', 'shape:praise-only', 'shape:unmet-expectation'];

const EXPECTATION = categoryBit('expectation');
const PRAISE = categoryBit('positive') | categoryBit('gratitude');
/** Words of an open grievance: a post with any of them is neither a calm question nor plain praise. */
const GRIEVANCE = categoryBit('churn') | categoryBit('abuse') | categoryBit('accusation') | categoryBit('blame')
  | categoryBit('negative') | categoryBit('urgency');
/** What turns a cited promise into a broken one: a contrast, a negation or a failure word beside it. */
const GAP = categoryBit('contrast') | categoryBit('negative') | categoryBit('urgency') | categoryBit('churn');

/** Writes the three shapes from the post's lexicon bits and whether it asks a question, at `dense[at..at+2]`. */
export function writePoliteness(bits: number, question: number, dense: Float64Array, at: number): void {
  const grievance = (bits & GRIEVANCE) !== 0;
  const expectation = (bits & EXPECTATION) !== 0;
  dense[at] = question === 1 && !grievance && !expectation ? 1 : 0;
  dense[at + 1] = (bits & PRAISE) !== 0 && !grievance && !expectation ? 1 : 0;
  dense[at + 2] = expectation && (bits & GAP) !== 0 ? 1 : 0;
}
