/**
 * detect() skips work that cannot change a verdict (issue 20, speed after round 12): the grievance
 * prior's first check reads the features' scan instead of walking the text again, and severity reads
 * a floor's text only when that floor could raise the level the heads chose. These tests hold the
 * shortcuts to the answers of doing all the work, on posts built to catch where they could differ.
 */
import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect';
import { disapprovalFloor, moneyLostFloor } from '../../../lib/detect/disapproval';
import { compoundFloorOfText } from '../../../lib/detect/escalation';
import { createFeatureSet, extract, mentionValue, MENTION_SLOT } from '../../../lib/detect/features';
import { grievancePrior } from '../../../lib/detect/grievance-prior';
import { logit, model } from '../../../lib/detect/model';
import { normalise } from '../../../lib/detect/normalise';
import { decodeLevel, escalationFloor } from '../../../lib/detect/severity';

// Where the scanner's words and the phrase grammar's could part: underscores, an apostrophe before
// a digit, a form feed inside a link, links and handles holding harm words, letters outside ASCII,
// emoji glued to words, numbers glued to words.
const TRICKY = [
  'They lost_my files and nobody cares.',
  "the app crashed'9 times today",
  'see https://status.example.com/\fdeleted my notes again',
  'https://example.com/they-lost-my-package is the tracking page',
  '@lost_and_found_support hi, where is my parcel?',
  'Ça a planté, they deleted my account',
  'Die App ist kaputt, they charged me twice',
  '😡they lost my bag😡',
  '3rd time the app crashed and 2days of work lost',
  'The checkout button is broken.',
  'Thanks for the quick reply!',
  'wrong\u200Bcharge on my bill and no refund',
  "They've ignored me for a week, it's a joke",
  'You people are liars, the refund never came.',
];

describe('lazy reads give the answers of reading everything', () => {
  it('the prior from the scan equals the prior from the text', () => {
    const fs = createFeatureSet();
    for (const t of TRICKY) {
      const norm = normalise(t);
      extract(norm, fs);
      expect(grievancePrior(norm, fs.scan), t).toBe(grievancePrior(norm));
    }
  });

  it('severity equals reading every floor, for social and banking-looking posts', () => {
    const m = model();
    const fs = createFeatureSet();
    const posts = [
      ...TRICKY,
      'Third outage this month, we are moving everything off your platform.',
      'I was charged twice and I want my money back.',
      'Really disappointed, the parcel came late.',
      'Sir my account is debited twice for the same transaction please refund',
      'You are thieves, I will report you to the ombudsman.',
      'The app keeps crashing, this is the fourth time.',
      'My refund of Rs 500 has not been credited for 10 days',
      'Cancelling my plan, fed up with the constant billing errors.',
      // The compound floor (leaving over a repeated outage or loss) is what lifts these to 3.
      'Another outage again, we are leaving for a competitor',
      'Once again the service is down and I am cancelling my plan',
      'The store went offline for the fourth time this month and we lost orders, closing our account',
    ];
    let compared = 0;
    for (const source of [undefined, 'social'] as const) {
      for (const t of posts) {
        const v = detect(t, { source });
        if (!v.complaint) continue;
        const norm = normalise(t);
        extract(norm, fs);
        const social = m.severity.map((h) => logit(h, fs));
        const bank = m.severityBank!.map((h) => logit(h, fs) + h.dense[MENTION_SLOT]! * mentionValue(fs.scan));
        const gate = source === 'social' ? -Infinity : logit(m.severityGate!, fs);
        const floor = Math.max(escalationFloor(norm, fs.lexiconBits), compoundFloorOfText(norm), moneyLostFloor(norm));
        const eager = Math.max(decodeLevel(social, bank, gate, m.severityLevels, floor), disapprovalFloor(norm));
        // Single sentences with no thanks: severity is the heads and floors alone, no re-reading.
        if (/[.!?]\s+\S/.test(t)) continue;
        expect(v.severity, `${t} (${source ?? 'any'})`).toBe(eager);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(15);
  });
});
