// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { fixedClock, now as clockNow, setClock } from '@/lib/time/clock';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '@/components/pages/PopupApp';
import { startPopup } from '@/components/pages/popup-start';
import { markResolved, recordEvent } from '@/lib/db';
import { DAY, HOUR, flag, freshDB, post, promiseFollowUp, reply } from './seed';
import { allInteractions, getInteraction } from '../../../lib/db/histories';
import { DIRECTORY_SHARDS } from '@/lib/db/directory';
import { DIRECTORY_PIECE } from '@/lib/db/directory-cache';
import { TYPING_PAUSE_MS } from '@/components/pages/useTyping';

afterEach(cleanup);
// One fixed afternoon in the machine's zone: "today", "this week" and "due" never depend on
// when the suite runs.
beforeEach(() => setClock(fixedClock(new Date(2026, 11, 9, 14, 0))));
afterEach(() => setClock(null));

async function seeded() {
  const db = freshDB();
  const now = clockNow();
  // Seen most recently, so a plain "recent" sort would list them first.
  await flag(db, post({ author: 'Bob Stone', handle: '@bobstone', text: 'Your app is slow today' }), 1, now - HOUR);
  const jane = await flag(db, post({ author: 'Jane Doe', handle: '@janedoe' }), 3, now - 3 * DAY);
  await reply(db, jane, 'I will check the double charge with billing and get back to you by Tuesday.', now - 3 * DAY + HOUR);
  await promiseFollowUp(db, jane, now - 2 * HOUR, now - 3 * DAY + HOUR);
  return { db, jane };
}

describe('popup', () => {
  it('lists the due follow-up first, with what was promised', async () => {
    const { db } = await seeded();
    render(<PopupApp db={db} />);
    const rows = await screen.findAllByRole('listitem', { name: /Follow up with|Bob Stone|Jane Doe/ });
    expect(rows[0]).toHaveProperty('textContent', expect.stringContaining('Jane Doe'));
    expect(within(rows[0]!).getByText(/get back to you by Tuesday/)).toBeTruthy();
    expect(within(rows[0]!).getByRole('button', { name: 'Mark resolved' })).toBeTruthy();
    expect(within(rows[0]!).getByRole('button', { name: 'Snooze 1 day' })).toBeTruthy();
    expect(within(rows[0]!).getByRole('button', { name: 'Open post' })).toBeTruthy();
    db.close();
  });

  it('shows today\'s numbers once the list is up, and keeps them while a search is typed and answered', async () => {
    const { db } = await seeded();
    render(<PopupApp db={db} />);
    await screen.findByRole('listitem', { name: /^Bob Stone/ });
    const flaggedToday = () => screen.getByText('Flagged').nextElementSibling?.querySelector('.count-today')?.textContent;
    // Counted after the list and the search directory: one post flagged today (Bob).
    await waitFor(() => expect(flaggedToday()).toBe('1'));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'jan' } });
    expect(flaggedToday()).toBe('1');
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /^Bob Stone/ })).toBeNull());
    await waitFor(() => expect(flaggedToday()).toBe('1'));
    db.close();
  });

  it('counts today\'s work once the agent pauses, when a search was typed as soon as the list showed', async () => {
    const { db } = await seeded();
    render(<PopupApp db={db} />);
    await screen.findByRole('listitem', { name: /^Bob Stone/ });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'bo' } });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'bob' } });
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /Jane Doe/ })).toBeNull());
    const flaggedToday = () => screen.getByText('Flagged').nextElementSibling?.querySelector('.count-today')?.textContent;
    await waitFor(() => expect(flaggedToday()).toBe('1'), { timeout: 3000 });
    db.close();
  });

  it('just opened and left alone, counts today\'s work only after a quiet moment, so a search typed as the list shows has the database to itself', async () => {
    const { db } = await seeded();
    const start = startPopup(async () => db);
    const opened = await start.opening;
    render(<PopupApp db={opened} first={start.firstScreen()} />);
    const shownAt = performance.now();
    expect(screen.getByRole('listitem', { name: /^Bob Stone/ })).toBeTruthy();
    const flaggedToday = () => screen.getByText('Flagged').nextElementSibling?.querySelector('.count-today')?.textContent;
    expect(flaggedToday()).toBe('–');
    await waitFor(() => expect(flaggedToday()).toBe('1'), { timeout: 4000 });
    // The opening counts as a keystroke: nothing but the agent's search reads in the first 0.8 s.
    expect(performance.now() - shownAt).toBeGreaterThanOrEqual(TYPING_PAUSE_MS - 50);
    db.close();
  });

  it('a search typed the moment the list shows answers the same people as the same search typed once the popup has settled', async () => {
    const { db } = await seeded();
    await flag(db, post({ author: 'Janet Dolan', handle: '@jdolan' }), 2, clockNow() - 5 * HOUR);
    const names = () => [...document.querySelectorAll('li.contact-item .name')].map((el) => el.textContent);
    const start = startPopup(async () => db);
    const opened = await start.opening;
    render(<PopupApp db={opened} first={start.firstScreen()} />);
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'jan d' } });
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /^Bob Stone/ })).toBeNull());
    const early = names();
    cleanup();
    render(<PopupApp db={db} />);
    await screen.findByRole('listitem', { name: /^Bob Stone/ });
    await new Promise((r) => setTimeout(r, TYPING_PAUSE_MS + 200));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'jan d' } });
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /^Bob Stone/ })).toBeNull());
    expect(early).toEqual(['Janet Dolan', 'Jane Doe']);
    expect(names()).toEqual(early);
    db.close();
  });

  it('draws the first screen of a long list at once and the rest right after, every one of the 30 people in order', async () => {
    const db = freshDB();
    const now = clockNow();
    for (let n = 0; n < 30; n++) await flag(db, post({ author: `Person ${n}`, handle: `@person${n}`, permalink: `https://x.com/person${n}/status/1` }), 2, now - (n + 1) * HOUR);
    const list = () => document.querySelectorAll('li.contact-item').length;
    const seen: number[] = [];
    const observer = new MutationObserver(() => seen.push(list()));
    observer.observe(document.body, { childList: true, subtree: true });
    render(<PopupApp db={db} />);
    await waitFor(() => expect(list()).toBe(30), { timeout: 5000 });
    observer.disconnect();
    // The answer's first commit drew 10 rows (all a 560 px popup shows), the next all 30.
    expect(seen.find((count) => count > 0)).toBe(10);
    const names = [...document.querySelectorAll('li.contact-item .name')].map((el) => el.textContent);
    expect(names).toEqual(Array.from({ length: 30 }, (_, n) => `Person ${n}`));

    // A live update of the same list (a new post logged) redraws it whole: it never shrinks under the agent.
    const later: number[] = [];
    const watcher = new MutationObserver(() => later.push(list()));
    watcher.observe(document.body, { childList: true, subtree: true });
    await flag(db, post({ author: 'Newcomer', handle: '@newcomer', permalink: 'https://x.com/newcomer/status/1' }), 2, now);
    await waitFor(() => expect(list()).toBe(31), { timeout: 5000 });
    watcher.disconnect();
    expect(Math.min(...later.filter((count) => count > 0))).toBeGreaterThanOrEqual(30);
    db.close();
  });

  it('opened, shows the rows in its very first drawing (read as the script started), and the first keystroke answers from the directory read with them', async () => {
    const { db } = await seeded();
    // Read ahead in pieces (DIRECTORY_PIECE shards a request): one read of the whole directory is this many.
    const directoryReads = vi.spyOn(db.directory, 'where');
    const wholeDirectory = DIRECTORY_SHARDS / DIRECTORY_PIECE;
    const start = startPopup(async () => db);
    const opened = await start.opening;
    // Whenever the search box is on screen, so are the people: no empty list first.
    const shellWithoutRows: number[] = [];
    const observer = new MutationObserver(() => {
      if (document.querySelector('input[aria-label="Search contacts"]') && !document.querySelector('li.contact-item')) shellWithoutRows.push(1);
    });
    observer.observe(document.body, { childList: true, subtree: true });
    render(<PopupApp db={opened} first={start.firstScreen()} />);
    expect(screen.getByRole('listitem', { name: /^Bob Stone/ })).toBeTruthy();
    expect(screen.getByRole('listitem', { name: /Follow up with Jane Doe/ })).toBeTruthy();
    // The directory was read ahead with the first screen: typing at once only matches.
    await waitFor(() => expect(directoryReads).toHaveBeenCalledTimes(wholeDirectory));
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'jan' } });
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /^Bob Stone/ })).toBeNull());
    observer.disconnect();
    expect(screen.getByRole('listitem', { name: /^Jane Doe/ })).toBeTruthy();
    expect(directoryReads).toHaveBeenCalledTimes(wholeDirectory);
    expect(shellWithoutRows).toEqual([]);
    db.close();
  });

  it('while the agent types, draws the first screen of matches only: the rest once typing pauses, or at once when the keyboard moves into the list', async () => {
    const db = freshDB();
    const now = clockNow();
    for (let n = 0; n < 30; n++) await flag(db, post({ author: `Person ${n}`, handle: `@person${n}`, permalink: `https://x.com/person${n}/status/1` }), 2, now - (n + 1) * HOUR);
    const list = () => document.querySelectorAll('li.contact-item').length;
    render(<PopupApp db={db} />);
    await waitFor(() => expect(list()).toBe(30), { timeout: 5000 });
    const search = screen.getByRole('searchbox', { name: 'Search contacts' });
    const typed = (value: string) => fireEvent.change(search, { target: { value } });
    // Keys every 0.1 s: from the first answer on, the list shows its first screen only.
    const seen: Array<{ rows: number; at: number }> = [];
    const observer = new MutationObserver(() => (seen.length || list() <= 10) && seen.push({ rows: list(), at: performance.now() }));
    observer.observe(document.body, { childList: true, subtree: true });
    let lastKey = 0;
    for (const query of ['p', 'pe', 'per', 'pers', 'perso', 'person', 'perso', 'pers']) {
      typed(query);
      lastKey = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitFor(() => expect(seen.length).toBeGreaterThan(0));
    // Once typing pauses (0.8 s after the last key), the rest of the rows follow, in order.
    await waitFor(() => expect(list()).toBe(30), { timeout: 5000 });
    observer.disconnect();
    const whileTyping = seen.filter((s) => s.at < lastKey + 800).map((s) => s.rows);
    expect(whileTyping.length).toBeGreaterThan(0);
    expect(Math.max(...whileTyping)).toBe(10);
    expect([...document.querySelectorAll('li.contact-item .name')].map((el) => el.textContent)).toEqual(Array.from({ length: 30 }, (_, n) => `Person ${n}`));
    // Typed again, then ArrowDown into the list: the keyboard has every row, from the first.
    typed('perso');
    await waitFor(() => expect(list()).toBe(10));
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() => expect(list()).toBe(30));
    expect(document.activeElement?.getAttribute('aria-label')).toMatch(/^Person 0,/);
    db.close();
  });

  it('asks the database for a keystroke\'s answer in the keystroke itself, once, not after React has drawn the new filters', async () => {
    const { db } = await seeded();
    render(<PopupApp db={db} />);
    await screen.findByRole('listitem', { name: /^Bob Stone/ });
    // Every read of the lists starts by asking for the newest contact (popupLists).
    const listReads = vi.spyOn(db.contacts, 'orderBy');
    const directoryCounts = vi.spyOn(db.directory, 'count');
    const search = screen.getByRole('searchbox', { name: 'Search contacts' });
    fireEvent.change(search, { target: { value: 'ja' } });
    // Asked for before the change event returned: the reads run while React draws.
    expect(listReads).toHaveBeenCalledTimes(1);
    fireEvent.change(search, { target: { value: 'jan' } });
    expect(listReads).toHaveBeenCalledTimes(2);
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /^Bob Stone/ })).toBeNull());
    expect(screen.getByRole('listitem', { name: /^Jane Doe/ })).toBeTruthy();
    // The answer shown is that read: the live query did not read the same search again, and the
    // kept directory was matched without a round trip to count it first.
    await new Promise((r) => setTimeout(r, 100));
    expect(listReads).toHaveBeenCalledTimes(2);
    expect(directoryCounts).not.toHaveBeenCalled();
    db.close();
  });

  it('filters the list as the agent types in the search box', async () => {
    const { db } = await seeded();
    render(<PopupApp db={db} />);
    await screen.findByRole('listitem', { name: /^Bob Stone/ });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'bob' } });
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /Jane Doe/ })).toBeNull());
    expect(screen.getByRole('listitem', { name: /^Bob Stone/ })).toBeTruthy();
    db.close();
  });

  it('a search keeps the due follow-ups of the people it matches, and updates when one is resolved', async () => {
    const { db, jane } = await seeded();
    render(<PopupApp db={db} />);
    await screen.findByRole('listitem', { name: /Follow up with Jane Doe/ });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Search contacts' }), { target: { value: 'jan do' } });
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /^Bob Stone/ })).toBeNull());
    expect(screen.getByRole('listitem', { name: /Follow up with Jane Doe/ })).toBeTruthy();
    // A write while searching re-runs the live query: the follow-up leaves the list.
    await markResolved(db, jane, clockNow());
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /Follow up with/ })).toBeNull());
    expect(screen.getByRole('listitem', { name: /^Jane Doe/ }).getAttribute('aria-label')).toMatch(/resolved/);
    db.close();
  });

  it('"Mark resolved" changes the status in the database and drops the follow-up', async () => {
    const { db, jane } = await seeded();
    render(<PopupApp db={db} />);
    const due = await screen.findByRole('listitem', { name: /Follow up with Jane Doe/ });
    fireEvent.click(within(due).getByRole('button', { name: 'Mark resolved' }));
    await waitFor(async () => expect((await getInteraction(db, jane))?.status).toBe('resolved'));
    await waitFor(() => expect(screen.queryByRole('listitem', { name: /Follow up with/ })).toBeNull());
    expect(screen.getByRole('status').textContent).toMatch(/Marked Jane Doe resolved/);
    db.close();
  });

  it('r on a focused row resolves it, s snoozes it', async () => {
    const { db, jane } = await seeded();
    render(<PopupApp db={db} />);
    const due = await screen.findByRole('listitem', { name: /Follow up with Jane Doe/ });
    due.focus();
    fireEvent.keyDown(due, { key: 's' });
    await waitFor(async () => expect((await getInteraction(db, jane))?.followUpAt).toBeGreaterThan(clockNow()));
    const bob = screen.getByRole('listitem', { name: /^Bob Stone/ });
    bob.focus();
    fireEvent.keyDown(bob, { key: 'r' });
    await waitFor(async () => expect((await allInteractions(db)).filter((i) => i.status === 'resolved').length).toBe(1));
    db.close();
  });

  it('finds people by what their posts and notes say, below the name matches, marked as text', async () => {
    const { db, jane } = await seeded();
    // Page text is text: the angle brackets must show as typed, never become elements.
    await recordEvent(db, { interactionId: jane, type: 'note', text: 'Runs the <b>kiosk</b> at Café Nord, call before noon', at: clockNow() - HOUR });
    render(<PopupApp db={db} />);
    await screen.findByRole('listitem', { name: /^Bob Stone/ });
    const search = screen.getByRole('searchbox', { name: 'Search contacts' });
    fireEvent.change(search, { target: { value: 'kios cafe' } });
    const row = await screen.findByRole('listitem', { name: /^Jane Doe, note:/ });
    expect(screen.getByText('In posts and notes')).toBeTruthy();
    expect(screen.getByText(/^No contact matches these filters\. Clear the search/)).toBeTruthy();
    expect([...row.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['kios', 'Café']);
    expect(row.querySelector('b')).toBeNull();
    expect(row.textContent).toContain('<b>kiosk</b>');
    // Bob's post says "slow", Jane's says "charged": one word from each matches nobody.
    fireEvent.change(search, { target: { value: 'slow charged' } });
    await waitFor(() => expect(screen.getByText('No post or note has these words.')).toBeTruthy());
    // A word only in a post: Bob's post, though his name does not match.
    fireEvent.change(search, { target: { value: 'slow' } });
    await screen.findByRole('listitem', { name: /^Bob Stone, post: Your app is slow today/ });
    // The arrow keys run through both sections: Bob's name result first, then his note.
    const bobs = (await allInteractions(db)).find((i) => i.text.includes('slow'))!;
    await recordEvent(db, { interactionId: bobs.id, type: 'note', text: 'Bob wants a callback', at: clockNow() - HOUR });
    fireEvent.change(search, { target: { value: 'bob' } });
    const note = await screen.findByRole('listitem', { name: /^Bob Stone, note: Bob wants a callback/ });
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(screen.getByRole('listitem', { name: /^Bob Stone, X/ }));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement).toBe(note);
    db.close();
  });

  it('tells a new agent what to do when the database is empty', async () => {
    const db = freshDB();
    render(<PopupApp db={db} />);
    expect(await screen.findByText(/Browse X, a blog or a forum: complaints get flagged/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Open dashboard' })).toBeTruthy();
    db.close();
  });

  it('a due follow-up can be corrected: "Less severe" stores the agent\'s level for that post', async () => {
    const { db, jane } = await seeded();
    render(<PopupApp db={db} />);
    const [row] = await screen.findAllByRole('listitem', { name: /Follow up with Jane Doe/ });
    fireEvent.click(within(row!).getByRole('button', { name: 'Less severe' }));
    await waitFor(() => expect(within(row!).getByRole('status').textContent).toMatch(/Noted: disapproval/));
    expect(await db.corrections.toArray()).toMatchObject([{ id: jane, level: 2, detected: 3 }]);
    db.close();
  });
});
