import { describe, expect, it } from 'vitest';
import { themesOf } from '../../../lib/insights';
import { evaluateThemes, rowsOf } from '../../../scripts/themes/evaluate';

// Theme assignment on the held-out half of our labelled complaints (test/fixtures/themes/labelled.ts),
// never looked at while the keywords were tuned. Floors sit a little under the measured figures
// (README, performance log) so that a keyword change that loses a family of complaints fails here.
describe('themes on held-out complaints', () => {
  const r = evaluateThemes(themesOf, 'held-out');

  it('holds out half of at least 120 labelled sentences', () => {
    expect(rowsOf('all').length).toBeGreaterThanOrEqual(120);
    expect(rowsOf('held-out').length + rowsOf('tune').length).toBe(rowsOf('all').length);
    expect(r.perTheme.every((f) => f.support >= 5)).toBe(true);
  });

  it('finds the outages: a service down in any words', () => {
    const outage = r.perTheme.find((f) => f.theme === 'outage')!;
    expect(outage.recall).toBeGreaterThanOrEqual(0.85);
    expect(outage.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('leaves few complaints untagged, and tags them right', () => {
    expect(r.untagged).toBeLessThanOrEqual(6);
    expect(r.microRecall).toBeGreaterThanOrEqual(0.85);
    expect(r.microPrecision).toBeGreaterThanOrEqual(0.85);
  });

  it.each(r.perTheme.map((f) => [f.theme, f] as const))('%s: precision and recall over their floors', (_, f) => {
    expect(f.precision).toBeGreaterThanOrEqual(0.65);
    expect(f.recall).toBeGreaterThanOrEqual(0.6);
  });
});

// The second list (test/fixtures/themes/labelled-second.ts) was written after the first list's figures
// were published and scored blind: micro recall 44% on all of it. Its held-out half was never looked at.
describe('themes on the second list of held-out complaints', () => {
  const r = evaluateThemes(themesOf, 'held-out', 'second');

  it('tags most complaints written in other words than the first list', () => {
    expect(rowsOf('all', 'second').length).toBeGreaterThanOrEqual(70);
    expect(r.microRecall).toBeGreaterThanOrEqual(0.55);
    expect(r.microPrecision).toBeGreaterThanOrEqual(0.85);
  });

  it('a feature that fails is a bug; a payment that fails is billing, not a bug', () => {
    expect(themesOf('The export failed again, third time today.')).toEqual(['bugs']);
    expect(themesOf('Clicking Save throws an error and my text is gone.')).toEqual(['bugs']);
    expect(themesOf('The payment failed twice and I was still charged.')).toEqual(['billing']);
    expect(themesOf('The billing error on my invoice is still not fixed.')).toEqual(['billing']);
  });

  it('names the people on our side in any role, and an order that never came', () => {
    expect(themesOf('Your helpdesk sends the same FAQ link every time.')).toContain('customer-service');
    expect(themesOf('My order has been stuck in the warehouse for a week.')).toContain('delivery');
  });
});

// The third list (test/fixtures/themes/labelled-third.ts: review sites, tickets, typos, non-native
// English) was scored blind on 2026-12-08: micro precision 84%, recall 68% on all of it; its held-out
// half went from 89/67 to 90/78 after word families taken from the tuning half only.
describe('themes on the third list of held-out complaints', () => {
  const r = evaluateThemes(themesOf, 'held-out', 'third');

  it('tags most complaints in the voices of reviews and tickets', () => {
    expect(rowsOf('all', 'third').length).toBeGreaterThanOrEqual(85);
    expect(r.microRecall).toBeGreaterThanOrEqual(0.74);
    expect(r.microPrecision).toBeGreaterThanOrEqual(0.85);
  });

  it('a chargeback is a refund the customer forces, not a new charge; money still owed is a refund', () => {
    expect(themesOf('A chargeback is next if you keep ignoring my refund.')).not.toContain('billing');
    expect(themesOf('I have still not received a penny since you took the return.')).toContain('refunds');
  });

  it('a price that rose in any words, and a utility that is out, are named', () => {
    expect(themesOf('The monthly fee has doubled since spring.')).toContain('pricing');
    expect(themesOf('Our broadband has been out since Sunday.')).toContain('outage');
    expect(themesOf('He was out of line on the phone.')).not.toContain('outage');
  });
});
