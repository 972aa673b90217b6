/**
 * Scores the resolved-praise lists through detect() with the weights and rules of the checkout it
 * runs from. Without HELDOUT=1 it scores the tuning lists (test/unit/detect/checklist-cases.ts);
 * with HELDOUT=1 the held-out ones (heldout-praise.ts), which were only scored once the guard was done.
 * npx tsx research/detect/score-heldout-praise.ts
 */
import { detect } from '../../lib/detect/index';
import { MFT_COMPLAINTS_DESPITE_THANKS, MFT_RESOLVED_PRAISE } from '../../test/unit/detect/checklist-cases';
import { HELDOUT_COMPLAINTS_DESPITE_THANKS, HELDOUT_RESOLVED_PRAISE } from './heldout-praise';

const heldout = process.env.HELDOUT === '1';
const praise = heldout ? HELDOUT_RESOLVED_PRAISE : MFT_RESOLVED_PRAISE;
const complaints = heldout ? HELDOUT_COMPLAINTS_DESPITE_THANKS : MFT_COMPLAINTS_DESPITE_THANKS;
let falseAlarms = 0, missed = 0;
for (const t of praise) {
  const v = detect(t);
  if (v.complaint) { falseAlarms++; console.log(`praise flagged, level ${v.severity} (${v.score.toFixed(2)}): ${t}`); }
}
for (const t of complaints) {
  const v = detect(t);
  if (!v.complaint) { missed++; console.log(`complaint missed (${v.score.toFixed(2)}): ${t}`); }
}
console.log(`${heldout ? 'held-out' : 'tuning'} lists: praise flagged ${falseAlarms}/${praise.length}, complaints missed ${missed}/${complaints.length}`);
