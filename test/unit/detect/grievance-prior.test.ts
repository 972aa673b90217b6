import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect';
import { createFeatureSet, extract } from '../../../lib/detect/features';
import { GRIEVANCE_PRIOR_MAX, grievancePrior } from '../../../lib/detect/grievance-prior';
import { calibrate, logit, model } from '../../../lib/detect/model';
import { normalise } from '../../../lib/detect/normalise';

// Our own sentences (round 12), in the words of forum threads, reviews and e-mails rather than
// tweets; none is in the CheckList lists or the held-out lists.
const PLAIN_GRIEVANCES = [
  'Since the update the editor has crashed twice and deleted my unsaved chapter.',
  'The heating has been broken for nine days and nobody has called back.',
];
const NOT_GRIEVANCES = [
  'Could you tell me which plan includes the calendar sync?',
  'Ordered the grey one for my sister, she loves it.',
  'Our team meets on Thursdays to plan the next release.',
];

describe('grievance-phrase prior (round 12)', () => {
  it('counts what went wrong, at most two phrases, and nothing in a question or a greeting', () => {
    expect(grievancePrior(normalise('The checkout button is broken.'))).toBeGreaterThan(0);
    expect(grievancePrior(normalise('They deleted my files, lost my order, ignored my emails and charged me twice.'))).toBe(GRIEVANCE_PRIOR_MAX);
    for (const t of NOT_GRIEVANCES) expect(grievancePrior(normalise(t)), t).toBe(0);
    expect(grievancePrior(normalise('Hi team, thanks!'))).toBe(0);
  });

  it('reads a harm in the present tense too, but not a verb asked about (round 13)', () => {
    expect(grievancePrior(normalise('The scanner app deletes my scans whenever it updates.'))).toBeGreaterThan(0);
    expect(grievancePrior(normalise('Every sync wipes the tags I added by hand.'))).toBeGreaterThan(0);
    expect(grievancePrior(normalise('How do I delete my old invoices?'))).toBe(0);
  });

  it('flags plain grievances written the way forum and review comments are', () => {
    for (const t of PLAIN_GRIEVANCES) expect(detect(t).complaint, t).toBe(true);
  });

  it('leaves questions, purchases and neutral mentions unflagged', () => {
    for (const t of NOT_GRIEVANCES) expect(detect(t).complaint, t).toBe(false);
  });

  it('gives the verdict of adding the prior to every post, though it reads the phrases only near the cut-off', () => {
    const m = model();
    expect(m.complaint.grievancePrior).toBe(true);
    const fs = createFeatureSet();
    for (const t of [...PLAIN_GRIEVANCES, ...NOT_GRIEVANCES, 'Worst airline ever, they lost my bag and nobody answers.', 'Love the new colours!']) {
      const norm = normalise(t);
      extract(norm, fs);
      const everywhere = calibrate(logit(m.complaint, fs) + grievancePrior(norm), m.complaint.plattA, m.complaint.plattB);
      expect(detect(t).complaint, t).toBe(everywhere >= m.complaint.threshold);
    }
  });
});
