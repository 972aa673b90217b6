// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DashboardApp } from '@/components/pages/DashboardApp';
import { contactIdFor, mergeTeamEvents } from '@/lib/db';
import { saveTeamSettings } from '@/lib/settings/team';
import { fixedClock, now as clockNow, setClock } from '@/lib/time/clock';
import { HOUR, flag, freshDB, post, reply, verdict } from './seed';

const MIN = 60_000;
afterEach(cleanup);
// Wednesday 9 December 2026, 14:00 in the machine's zone: "this week" began Monday at local midnight.
beforeEach(() => setClock(fixedClock(new Date(2026, 11, 9, 14, 0))));
afterEach(() => setClock(null));
beforeEach(() => {
  fakeBrowser.reset();
  history.replaceState(null, '', '/dashboard.html#tab=team');
});

async function teamOn() {
  await saveTeamSettings({ version: 1, enabled: true, url: 'http://localhost:5984', db: 'team', user: 'ana', password: 'ana-secret' });
}

/** Ana (this browser) answered Jane; Ben's reply to Omar came through sync; Lee and Kim wait. */
async function seeded() {
  const db = freshDB();
  const t = clockNow();
  const jane = post({ author: 'Jane Doe', handle: '@janedoe', text: 'Charged twice for my plan' });
  const janeId = await flag(db, jane, 3, t - 2 * HOUR);
  await reply(db, janeId, 'Hi Jane, I am Ana from billing. The refund is on its way to you.', t - 2 * HOUR + 30 * MIN);
  const omar = post({ author: 'Omar K', handle: '@omar', text: 'App crashes on login' });
  // Both agents' scanners flag the same mentions: this browser saw Omar's post 3 h ago.
  await flag(db, omar, 2, t - 3 * HOUR);
  await mergeTeamEvents(db, [{ post: omar, verdict: verdict(2), event: { at: t - HOUR, type: 'reply-inserted', text: 'Hello Omar, <b>sorry</b> about the crash', by: 'ben' } }]);
  const lee = post({ author: 'Lee Park', handle: '@lee', text: 'Nobody answers my emails' });
  await flag(db, lee, 4, new Date(2026, 11, 7, 9, 0).getTime()); // Monday morning
  const kim = post({ author: 'Kim Ray', handle: '@kim', text: 'Where is my order?' });
  await flag(db, kim, 2, t - 20 * MIN);
  return { db, jane, lee };
}

const rowsOf = (caption: string) =>
  within(screen.getByRole('table', { name: caption }))
    .getAllByRole('row')
    .slice(1)
    .map((r) => [...r.querySelectorAll('th, td')].map((c) => c.textContent));

describe('dashboard Team view', () => {
  it('with team sync off, says how to switch it on', async () => {
    const db = freshDB();
    render(<DashboardApp db={db} />);
    expect(await screen.findByRole('heading', { name: 'Team sync is off' })).toBeTruthy();
    expect(screen.getByText(/Options → Team sync/)).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
    db.close();
  });

  it('shows who answered what, counts per agent and team, and unanswered posts oldest first', async () => {
    await teamOn();
    const { db } = await seeded();
    render(<DashboardApp db={db} />);
    await screen.findByRole('table', { name: 'Who answered what' });
    expect(rowsOf('Who answered what')).toEqual([
      ['ben', 'Omar K', '1 h ago', 'Hello Omar, <b>sorry</b> about the crash'],
      ['ana', 'Jane Doe', '2 h ago', 'Hi Jane, I am Ana from billing. The refund is on its …'],
    ]);
    // The colleague's markup is text, not an element.
    expect(document.querySelector('.dash-main b')).toBeNull();
    expect(rowsOf('Replies and waits per agent')).toEqual([
      ['ana', '1', '0', '30 min', '1'],
      ['ben', '1', '0', '2.0 h', '1'],
      ['Team', '2', '0', '30 min', '2'],
    ]);
    expect(rowsOf('Unanswered flagged posts, oldest first').map((r) => [r[0], r[1]])).toEqual([
      ['2.2 d', 'Lee Park'],
      ['20 min', 'Kim Ray'],
    ]);
    db.close();
  });

  it('the period is chosen: today drops Monday’s post, and a customer opens their history', async () => {
    await teamOn();
    const { db, lee } = await seeded();
    render(<DashboardApp db={db} />);
    await screen.findByRole('table', { name: 'Unanswered flagged posts, oldest first' });
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'today' } });
    await waitFor(() => expect(screen.queryByText('Lee Park')).toBeNull());
    expect(rowsOf('Unanswered flagged posts, oldest first').map((r) => r[1])).toEqual(['Kim Ray']);
    fireEvent.change(screen.getByLabelText('Period'), { target: { value: 'week' } });
    fireEvent.click(await screen.findByRole('button', { name: 'Lee Park' }));
    expect(location.hash).toBe(`#contact=${encodeURIComponent(contactIdFor(lee))}`);
    db.close();
  });

  it("the team's feedback report: themes over everyone's complaints, who saw them first, saved as Markdown with the team in it", async () => {
    await teamOn();
    const { db } = await seeded();
    const t = clockNow();
    // A complaint only Ben saw (his flag came through sync), and one of his with markup in it.
    const refund = post({ author: 'Rae', handle: '@rae', text: 'Still waiting for my refund, charged twice' });
    await mergeTeamEvents(db, [{ post: refund, verdict: verdict(3), event: { at: t - 90 * MIN, type: 'flagged', severity: 3, by: 'ben' } }]);
    const saved: Blob[] = [];
    URL.createObjectURL = (b: Blob) => (saved.push(b), 'blob:report');
    URL.revokeObjectURL = () => undefined;
    render(<DashboardApp db={db} />);
    const panel = (await screen.findByRole('heading', { name: 'Team feedback report' })).closest('section')!;
    await waitFor(() => expect(within(panel as HTMLElement).getByText(/First seen by ana 4, ben 1\./)).toBeTruthy());
    const themes = within(within(panel as HTMLElement).getByRole('table', { name: 'Team feedback by theme' }))
      .getAllByRole('row')
      .slice(1)
      .map((r) => [r.querySelector('th')?.textContent, r.querySelectorAll('td')[0]?.textContent, r.querySelectorAll('td')[3]?.textContent]);
    // Billing: Jane's (Ana saw it) and Rae's (Ben saw it).
    expect(themes.slice(0, 2)).toEqual([
      ['Billing and charges', '2', 'ana 1, ben 1'],
      ['Refunds', '1', 'ben 1'],
    ]);
    fireEvent.click(within(panel as HTMLElement).getByRole('button', { name: 'Export report (Markdown)' }));
    const md = await saved[0]!.text();
    expect(md).toMatch(/^# Team customer feedback, /);
    expect(md).toContain('First seen by: ana 4, ben 1.');
    expect(md).toMatch(/\| Billing and charges \| 2 \| 0 \| new \| ana 1, ben 1 \|/);
    expect(within(panel as HTMLElement).getByText(/Saved frontline-team-feedback-report-2026-12-09\.md/)).toBeTruthy();
    db.close();
  });

  it('the Team tab is reached from the keyboard', async () => {
    const db = freshDB();
    history.replaceState(null, '', '/dashboard.html#tab=insights');
    render(<DashboardApp db={db} />);
    fireEvent.keyDown(screen.getByRole('tab', { name: 'Insights' }), { key: 'ArrowRight' });
    expect(screen.getByRole('tab', { name: 'Team' }).getAttribute('aria-selected')).toBe('true');
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Team' }));
    expect(location.hash).toBe('#tab=team');
    db.close();
  });
});
