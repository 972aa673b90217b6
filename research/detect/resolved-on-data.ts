/**
 * What the resolved-praise guard (lib/detect/resolved.ts) changes, through detect() with the
 * shipped weights, with the guard on and off: on the shared data (in-sample: the weights saw these
 * posts; verdicts it changes and their labels) and on the praise lists (tuning and held-out).
 * npx tsx research/detect/resolved-on-data.ts   (SHOW=1 prints the changed posts)
 */
import { detect } from '../../lib/detect/index';
import { guardFlags } from '../../lib/detect/resolved';
import { loadCorpus } from '../../scripts/detect/featurise';
import { MFT_COMPLAINTS_DESPITE_THANKS, MFT_RESOLVED_PRAISE } from '../../test/unit/detect/checklist-cases';
import { HELDOUT_COMPLAINTS_DESPITE_THANKS, HELDOUT_RESOLVED_PRAISE } from './heldout-praise';

function flagged(text: string, guard: boolean): boolean {
  guardFlags.resolvedPraise = guard;
  try { return detect(text).complaint; } finally { guardFlags.resolvedPraise = true; }
}

const { tweets, finance } = loadCorpus();
for (const [name, rows] of [['tweets', tweets], ['finance', finance]] as const) {
  let unflagged = 0, complaints = 0, other = 0;
  for (const r of rows) {
    const [off, on] = [flagged(r.text, false), flagged(r.text, true)];
    if (off && !on) { unflagged++; if (r.complaint) complaints++; if (process.env.SHOW) console.log(`${r.complaint ? 'COMPLAINT' : 'not'}: ${r.text.slice(0, 160)}`); }
    else if (off !== on) other++;
  }
  console.log(`${name}: the guard unflags ${unflagged} of ${rows.length} posts, ${complaints} of them labelled complaints (other changes: ${other})`);
}
for (const [name, praise, complaints] of [
  ['tuning lists', MFT_RESOLVED_PRAISE, MFT_COMPLAINTS_DESPITE_THANKS], ['held-out lists', HELDOUT_RESOLVED_PRAISE, HELDOUT_COMPLAINTS_DESPITE_THANKS],
] as const) {
  for (const guard of [false, true]) {
    console.log(`${name}, guard ${guard ? 'on ' : 'off'}: praise flagged ${praise.filter((t) => flagged(t, guard)).length}/${praise.length}, ` +
      `complaints missed ${complaints.filter((t) => !flagged(t, guard)).length}/${complaints.length}`);
  }
}
