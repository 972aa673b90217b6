import { describe, expect, it } from 'vitest';
import { highlightRuns, rankPaletteItems } from '../../../components/overlay/palette-rank';
import { DEFAULT_TEMPLATES } from '../../../lib/snippets';

// What the palette holds on a page: four actions, the shipped templates, a dozen contacts.
const items = [
  { id: 'a-next', group: 'Action', label: 'Reply to next flagged post', detail: '3 flagged here' },
  { id: 'a-signature', group: 'Action', label: 'Copy my signature', detail: 'Jane Doe' },
  { id: 'a-resolve', group: 'Action', label: 'Mark resolved', detail: 'post by Lena Fischer' },
  { id: 'a-dashboard', group: 'Action', label: 'Open dashboard' },
  ...DEFAULT_TEMPLATES.map((t) => ({ id: `t-${t.id}`, group: 'Template', label: t.title, detail: ['for Lena Fischer’s post', ...t.tags].join(' · ') })),
  ...['Marcus Reed', 'Nadia Okafor', 'Lena Fischer', 'Sam Ortiz', 'Priya Natarajan', 'Tom Becker', 'Aiko Tanaka', 'Owen Brooks', 'Chris Doyle', 'Rosa Moreno'].map((name, i) => ({
    id: `c-${i}`,
    group: 'Contact',
    label: name,
    detail: `@${name.toLowerCase().replace(' ', '_')} · x`,
  })),
];
const labels = (query: string, recent: string[] = []) => rankPaletteItems(items, query, recent).map((r) => r.item.label);

describe('palette ranking', () => {
  it('a short query matches the words typed, not every label holding its letters', () => {
    // Before: "own" matched 22 of 24 items (Fuse 0.4, location ignored).
    const found = labels('own');
    expect(found).toContain('Acknowledge and own it');
    expect(found.length).toBeLessThanOrEqual(4);
    expect(found).not.toContain('Mark resolved');
  });

  it('still forgives a typo in a longer word', () => {
    expect(labels('boundry')[0]).toBe('Calm, firm boundary (personal attack)');
    expect(labels('dashbord')[0]).toBe('Open dashboard');
  });

  it('with no query, puts what was run recently first, most recent first', () => {
    const order = labels('', ['t-churn-without-begging', 'a-dashboard']);
    expect(order.slice(0, 2)).toEqual(['Churn: one honest offer, then respect the choice', 'Open dashboard']);
    expect(order).toHaveLength(items.length);
  });

  it('returns the matched letters of the label, which highlight exactly those letters', () => {
    const [top] = rankPaletteItems(items, 'resolved');
    expect(top!.item.label).toBe('Mark resolved');
    const hit = highlightRuns(top!.item.label, top!.labelMatches).filter((r) => r.hit).map((r) => r.text).join('');
    expect(hit).toBe('resolved');
    expect(highlightRuns('Open dashboard', []).map((r) => r.text).join('')).toBe('Open dashboard');
  });
});
