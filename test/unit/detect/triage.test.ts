import { describe, expect, it } from 'vitest';
import { describeTriage, triageOf, type Priority } from '../../../lib/detect/triage';
import type { Severity, Signals } from '../../../lib/types';

const calm: Signals = { brand: false, churn: false, abuse: false, question: false, urgency: false };
const flagged = (severity: Severity = 2, signals: Partial<Signals> = {}) => ({ complaint: true, severity, signals: { ...calm, ...signals } });

// Our own posts, written for this test: each with the priority an agent would give it and the
// reason they would name. Severity is held at 2 so the words, not the level, decide.
const CASES: Array<[string, Priority, string[]]> = [
  ['Cancelling today. Fourth billing error this year, I am done with you.', 'urgent', ['may leave', 'lost money']],
  ['THIRD outage this month. We are moving everything off your platform on Monday.', 'urgent', ['may leave', 'an outage']],
  ["I'm going to cancel my subscription if this isn't sorted by Friday.", 'urgent', ['may leave']],
  ['Switched to a competitor last week, their support actually answers.', 'urgent', ['may leave']],
  ['You charged me twice for the same order and nobody will fix it.', 'urgent', ['lost money']],
  ['Money was deducted from my account but the transfer never went through', 'urgent', ['lost money']],
  ['Still waiting for my refund, it has been a month.', 'urgent', ['lost money', 'waiting long or asked before']],
  ['Unauthorized charge on my card from you guys, explain.', 'urgent', ['lost money']],
  ['The site is down again and our checkout is dead.', 'urgent', ['an outage']],
  ['Dashboard not loading for our whole team since this morning', 'urgent', ['an outage']],
  ['API returning 503 errors for an hour now', 'urgent', ['an outage']],
  ['If this is not fixed I will be talking to my lawyer.', 'urgent', ['threatens legal or public action']],
  ['My account was hacked and you keep sending me FAQ links.', 'urgent', ['account or data at risk']],
  ['Third email about the same bug and still no reply.', 'soon', ['waiting long or asked before']],
  ['Opened a ticket 5 days ago, nothing.', 'soon', ['waiting long or asked before']],
  ['The export button is gone after the update, really disappointed.', 'normal', []],
  ['Why did the new layout move the settings menu?', 'normal', []],
  ['The dark mode colours are a bit off on the invoices page.', 'normal', []],
  // Words that look like the rules but are not what is at stake.
  ['You cancelled my order without telling me why.', 'normal', []],
  ['How do I switch to the old editor?', 'normal', []],
  ['The quality has been going down since the redesign.', 'normal', []],
  ['Of course the courier left it in the rain.', 'normal', []],
];

describe('triage priority', () => {
  it.each(CASES)('%s → %s', (text, priority, reasons) => {
    const t = triageOf({ text, verdict: flagged() });
    expect(t.priority).toBe(priority);
    expect(t.reasons).toEqual(reasons);
  });

  it('puts a customer who comes back angrier first, whatever the words', () => {
    const text = 'The export button is gone after the update.';
    expect(triageOf({ text, verdict: flagged(), returning: { known: true, severityRising: true } })).toEqual({
      priority: 'urgent', reasons: ['comes back angrier than last time'],
    });
    expect(triageOf({ text, verdict: flagged(), returning: { known: true, severityRising: false } })).toEqual({
      priority: 'soon', reasons: ['has written before'],
    });
  });

  it('asks for a calm answer to an abusive post, and for a soon one to an accusation', () => {
    expect(triageOf({ text: 'You are useless clowns.', verdict: flagged(3, { abuse: true }) }).reasons).toEqual(['abusive: answer calmly, once']);
    expect(triageOf({ text: 'You broke the export on purpose.', verdict: flagged(3) })).toEqual({ priority: 'soon', reasons: ['accuses us'] });
    expect(triageOf({ text: 'You broke the export on purpose.', verdict: flagged(4) }).reasons).toEqual(['blames us angrily']);
  });

  it('gives a post that is not a complaint no priority', () => {
    const t = triageOf({ text: 'Cancelling today, the outage cost us money.', verdict: { complaint: false, severity: 0, signals: calm } });
    expect(t).toEqual({ priority: 'normal', reasons: [] });
    expect(describeTriage(t)).toBe('');
  });

  it('never lowers the priority when escalation is added', () => {
    const order: Priority[] = ['normal', 'soon', 'urgent'];
    for (const [text] of CASES) {
      const base = order.indexOf(triageOf({ text, verdict: flagged() }).priority);
      for (const more of ['Third time asking.', 'I will cancel my account.', 'Your site is down again.']) {
        expect(order.indexOf(triageOf({ text: `${text} ${more}`, verdict: flagged() }).priority), `${text} ${more}`).toBeGreaterThanOrEqual(base);
      }
    }
  });

  it('reads hidden characters and look-alike letters as the words they hide', () => {
    expect(triageOf({ text: 'You char\u200Bged me tw\u0456ce!', verdict: flagged() }).reasons).toEqual(['lost money']);
  });

  it('says it in one line for a label', () => {
    expect(describeTriage(triageOf({ text: 'Outage again, we are cancelling today.', verdict: flagged() }))).toBe('Urgent: may leave, an outage');
  });

  it('stays fast and total on hostile input', () => {
    const t0 = performance.now();
    for (const text of ['', 'a'.repeat(1_000_000), '\u202E'.repeat(5000), '😡'.repeat(3000), 'down '.repeat(20_000)]) {
      expect(() => triageOf({ text, verdict: flagged() })).not.toThrow();
    }
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});
