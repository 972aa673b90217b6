import { describe, expect, it } from 'vitest';
import { detect } from '../../../lib/detect/index';

// Hand-written posts (never used for training or tuning); only the ones the model gets right are pinned here.
describe('detect: hand-written sanity posts', () => {
  it('rates insults plus an accusation of theft as blame', () => {
    const v = detect('Your staff are useless idiots and you stole my money');
    expect(v.complaint).toBe(true);
    expect(v.severity).toBe(4);
  });

  it('keeps a billing question at a low severity', () => {
    const v = detect('is the new pricing applied to existing plans too? My invoice went up $40 and I never got an email about it.');
    expect(v.severity).toBeLessThanOrEqual(2);
  });

  it('does not flag praise with a hopeful aside', () => {
    const v = detect('Honestly Acme support sorted out my DNS mess last week in 20 minutes. Fingers crossed they get this one fixed fast');
    expect(v.complaint).toBe(false);
  });

  it('never offers bare function words or generic negations as cues', () => {
    for (const text of ['You stole my money, you scammers, I will sue', 'My order still has not arrived after 9 days, this is unacceptable',
      'No reply since Monday, my card is still blocked and nobody helps']) {
      for (const cue of detect(text).cues) {
        expect(['no', 'not', 'my', 'since', 'is', 'the', 'you', 'still'], `${text}: ${cue}`).not.toContain(cue);
        expect(cue.length, cue).toBeGreaterThanOrEqual(3);
      }
    }
  });
});
