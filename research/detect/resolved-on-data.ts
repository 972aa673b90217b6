/**
 * How often the resolved-praise guard (lib/detect/resolved.ts) changes a verdict on the shared data,
 * and the labels of the posts it unflags (in-sample: the shipped weights saw these posts).
 * npx tsx research/detect/resolved-on-data.ts
 */
import { detect } from '../../lib/detect/index';
import { normalise } from '../../lib/detect/normalise';
import { isResolvedPraise } from '../../lib/detect/resolved';
import { createFeatureSet, extract } from '../../lib/detect/features';
import { loadCorpus } from '../../scripts/detect/featurise';

const fs = createFeatureSet();
const { tweets, finance } = loadCorpus();
for (const [name, rows] of [['tweets', tweets], ['finance', finance]] as const) {
  let fired = 0, unflagged = 0, unflaggedComplaints = 0, firedComplaints = 0;
  for (const r of rows) {
    const norm = normalise(r.text);
    extract(norm, fs);
    if (!isResolvedPraise(norm, fs.lexiconBits)) continue;
    fired++;
    if (r.complaint) firedComplaints++;
    const v = detect(r.text);
    // The guard fired; would the post have been flagged without it? Its score is now lowered by the prior.
    const before = 1 / (1 + Math.exp(-(Math.log(v.score / (1 - v.score)) + 4)));
    if (before >= 0.5 && !v.complaint) {
      unflagged++;
      if (r.complaint) unflaggedComplaints++;
      if (process.env.SHOW) console.log(`${r.complaint ? 'COMPLAINT' : 'not'} ${before.toFixed(2)}: ${r.text.slice(0, 160)}`);
    }
  }
  console.log(`${name}: guard fires on ${fired} of ${rows.length} (${firedComplaints} labelled complaints); unflags ${unflagged}, of which ${unflaggedComplaints} labelled complaints`);
}
