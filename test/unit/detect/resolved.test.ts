/**
 * The resolved-praise guard (lib/detect/resolved.ts) on the CheckList lists written before it:
 * it must recognise every post praising a fix, and never a post whose grievance is still open,
 * so it can only take false alarms away, never a complaint.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/index';
import { createFeatureSet, extract } from '../../../lib/detect/features';
import { normalise } from '../../../lib/detect/normalise';
import { isResolvedPraise } from '../../../lib/detect/resolved';
import {
  DIR_BASES, DIR_ESCALATIONS, MFT_COMPLAINTS, MFT_COMPLAINTS_DESPITE_THANKS, MFT_RESOLVED_PRAISE,
} from './checklist-cases';

const fs = createFeatureSet();
function guarded(text: string): boolean {
  const norm = normalise(text);
  extract(norm, fs);
  return isResolvedPraise(norm, fs.lexiconBits);
}

describe('resolved-praise guard', () => {
  it('recognises praise or thanks for a problem that is fixed', () => {
    expect(MFT_RESOLVED_PRAISE.filter((t) => !guarded(t))).toEqual([]);
  });

  it('never takes a complaint whose grievance is still open, thanks or not', () => {
    const complaints = [...MFT_COMPLAINTS, ...MFT_COMPLAINTS_DESPITE_THANKS, ...DIR_BASES,
      ...DIR_BASES.flatMap((b) => DIR_ESCALATIONS.map((e) => `${b} Thanks for fixing it so quickly. ${e}`))];
    expect(complaints.filter(guarded)).toEqual([]);
  });

  it('does not count a fix that is reported, hoped for, negated or asked about', () => {
    for (const t of [
      'Great, they say it was fixed.', 'Thanks, hopefully it gets fixed soon.', 'Kudos for trying, it has not been resolved.',
      'Resolved? Thanks.', 'Amazing team, they claim the outage is sorted.', 'Thanks for nothing, you never refunded me.',
    ]) expect(guarded(t), t).toBe(false);
  });

  it('unflags the praise the detector used to flag, and leaves the detector alone otherwise', () => {
    const v = detect('Acme fixed my billing issue in 5 minutes, amazing team. Hope the app update lands soon');
    expect(v.complaint).toBe(false);
    expect(v.severity).toBe(0);
    // The open grievance in the second half keeps the complaint.
    expect(detect('Thanks for fixing my billing issue, but my card is still blocked and nobody answers.').complaint).toBe(true);
  });

  it('stays bounded on hostile input', () => {
    const long = 'thanks fixed '.repeat(500) + 'a'.repeat(5000);
    const started = performance.now();
    guarded(long);
    expect(performance.now() - started).toBeLessThan(200);
  });
});
