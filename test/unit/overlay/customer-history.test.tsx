// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ReplyHelper } from '../../../components/overlay/ReplyHelper';
import { forgetAllDrafts } from '../../../components/overlay/drafts';
import { withCues } from '../../../lib/actions';
import { customerHistory, FrontlineDB, recordEvent, recordPosts } from '../../../lib/db';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { DEFAULT_TEMPLATES } from '../../../lib/snippets';
import { fixedClock, setClock } from '../../../lib/time/clock';
import type { Post, Verdict } from '../../../lib/types';

/**
 * Issue 21: the helper opens on a customer with their history: earlier interactions (when, how
 * severe, where they ended, what we replied) and where this post already stands. Dates are
 * relative to the injectable clock, so no assertion depends on the day the test runs.
 */

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 20, 12);
const verdict: Verdict = { complaint: true, score: 0.9, severity: 3, cues: [], signals: { brand: true, churn: false, abuse: false, question: false, urgency: false } };
const post = (n: number, text: string): Post => ({ id: `x:${n}`, platform: 'x', author: 'Lena Park', handle: '@lena', text, permalink: `https://x.com/lena/status/${n}`, time: null });

let db: FrontlineDB;
afterEach(async () => {
  cleanup();
  forgetAllDrafts();
  setClock(null);
  await db?.delete();
});

/** Lena: a billing complaint 30 days ago (we replied, resolved), an outage 12 days ago (no reply yet), and today's post. */
async function lenasLog() {
  db = new FrontlineDB(`history-${Math.random()}`);
  const billing = post(1, 'Charged twice for March, please fix');
  const outage = post(2, 'App down again   since this morning');
  await recordPosts(db, withCues([{ post: billing, verdict: { ...verdict, severity: 2 } }]), NOW - 30 * DAY);
  await recordEvent(db, { post: billing, verdict, type: 'reply-inserted', at: NOW - 29 * DAY, text: 'Refund of the double charge is on its way, Lena.' });
  await recordEvent(db, { post: billing, verdict, type: 'status', status: 'resolved', at: NOW - 28 * DAY });
  await recordPosts(db, withCues([{ post: outage, verdict: { ...verdict, severity: 4 } }]), NOW - 12 * DAY);
  const today = post(3, 'Still broken, third time I write');
  await recordPosts(db, withCues([{ post: today, verdict }]), NOW);
  return today;
}

describe('customer history for the helper (lib/db/customer-history.ts)', () => {
  it('lists the other interactions newest first, with status and our last reply, never this post', async () => {
    const today = await lenasLog();
    const h = await customerHistory(db, today, verdict, NOW);
    expect(h.summary).toMatchObject({ known: true, earlierInteractions: 2, lastReply: 'Refund of the double charge is on its way, Lena.' });
    expect(h.earlier.map((e) => [e.text, e.status, e.severity, e.lastReply ?? null, e.repliedAt ?? null])).toEqual([
      ['App down again since this morning', 'open', 4, null, null],
      ['Charged twice for March, please fix', 'resolved', 2, 'Refund of the double charge is on its way, Lena.', NOW - 29 * DAY],
    ]);
    expect(h.current).toBeNull();
  });

  it('says where this post stands once the agent acted on it: replied, follow-up due', async () => {
    const today = await lenasLog();
    await recordEvent(db, { post: today, verdict, type: 'reply-inserted', at: NOW + 60_000, text: 'Looking into it now.' });
    await recordEvent(db, { post: today, verdict, type: 'follow-up-set', at: NOW + 60_000, dueAt: NOW + 2 * DAY });
    const h = await customerHistory(db, today, verdict, NOW + 120_000);
    expect(h.current).toMatchObject({ repliedAt: NOW + 60_000, followUpDue: NOW + 2 * DAY, lastReply: 'Looking into it now.', status: 'open' });
  });

  it('keeps the latest five only, and nothing for a stranger', async () => {
    db = new FrontlineDB(`history-${Math.random()}`);
    for (let n = 1; n <= 8; n++) await recordPosts(db, withCues([{ post: post(n, `complaint number ${n}`), verdict }]), NOW - (10 - n) * DAY);
    const h = await customerHistory(db, post(9, 'again'), verdict, NOW);
    expect(h.earlier.map((e) => e.text)).toEqual(['complaint number 8', 'complaint number 7', 'complaint number 6', 'complaint number 5', 'complaint number 4']);
    expect(h.summary.earlierInteractions).toBe(8);
    const stranger = await customerHistory(db, { ...post(1, 'hi'), handle: '@someone_else', author: 'Someone' }, verdict, NOW);
    expect(stranger).toMatchObject({ summary: { known: false }, earlier: [], current: null });
  });
});

describe('the helper shows that history when it opens', () => {
  it('earlier interactions with their dates relative to now, the last reply and status', async () => {
    const today = await lenasLog();
    const history = await customerHistory(db, today, verdict, NOW);
    setClock(fixedClock(NOW));
    render(<ReplyHelper target={{ post: today, verdict, summary: history.summary, history }} settings={DEFAULT_SETTINGS} templates={[...DEFAULT_TEMPLATES]} send={async () => ({ ok: true })} insert={async () => ({ ok: true, message: '' })} onClose={() => {}} />);
    const earlier = screen.getByRole('region', { name: 'Earlier with us' });
    const items = within(earlier).getAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]!.textContent).toMatch(/12 d ago/);
    expect(items[0]!.textContent).toMatch(/Blame \/ anger · open · no reply logged/);
    expect(items[0]!.textContent).toContain('App down again since this morning');
    expect(items[1]!.textContent).toMatch(/30 d ago/);
    expect(items[1]!.textContent).toMatch(/resolved · replied 29 d ago/);
    expect(items[1]!.textContent).toContain('Our reply: Refund of the double charge is on its way, Lena.');
    expect(screen.queryByRole('note', { name: 'This post so far' })).toBeNull();
  });

  it('a post already answered opens saying so, with the follow-up', async () => {
    const today = await lenasLog();
    await recordEvent(db, { post: today, verdict, type: 'reply-inserted', at: NOW - 2 * 3_600_000, text: 'Looking into it now.' });
    await recordEvent(db, { post: today, verdict, type: 'follow-up-set', at: NOW - 2 * 3_600_000, dueAt: NOW + 2 * DAY });
    const history = await customerHistory(db, today, verdict, NOW);
    setClock(fixedClock(NOW));
    render(<ReplyHelper target={{ post: today, verdict, summary: history.summary, history }} settings={DEFAULT_SETTINGS} templates={[...DEFAULT_TEMPLATES]} send={async () => ({ ok: true })} insert={async () => ({ ok: true, message: '' })} onClose={() => {}} />);
    const current = screen.getByRole('note', { name: 'This post so far' });
    expect(current.textContent).toMatch(/replied .*\(2 h ago\) · follow-up set for .*\(in 2 d\) · status open/);
    expect(current.textContent).toContain('Our reply: Looking into it now.');
  });

  it('blurs the insults of an earlier post too, behind one switch, and names its ticket', async () => {
    db = new FrontlineDB(`history-${Math.random()}`);
    const abusive = post(11, 'You incompetent clowns ignored ticket #48213 for a week');
    await recordPosts(db, withCues([{ post: abusive, verdict: { ...verdict, signals: { ...verdict.signals, abuse: true } } }]), NOW - 2 * DAY);
    const today = post(12, 'Thanks, that fixed it');
    await recordPosts(db, withCues([{ post: today, verdict }]), NOW);
    setClock(fixedClock(NOW));
    const history = await customerHistory(db, today, verdict, NOW);
    render(<ReplyHelper target={{ post: today, verdict, summary: history.summary, history }} settings={DEFAULT_SETTINGS} templates={[...DEFAULT_TEMPLATES]} send={async () => ({ ok: true })} insert={async () => ({ ok: true, message: '' })} onClose={() => {}} />);
    const earlier = screen.getByRole('region', { name: 'Earlier with us' });
    const readable = () => {
      const copy = earlier.cloneNode(true) as HTMLElement;
      copy.querySelectorAll('.fl-blur, .fl-sr-only, button').forEach((e) => e.remove());
      return copy.textContent ?? '';
    };
    expect(readable()).not.toMatch(/incompetent|clowns/);
    expect(readable()).toContain('Ticket #48213');
    within(earlier).getByRole('button', { name: 'Show the 2 insults in earlier posts' }).click();
    expect(await within(earlier).findByText(/You incompetent clowns/)).toBeTruthy();
  });
});
