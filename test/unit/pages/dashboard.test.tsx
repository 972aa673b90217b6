// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { fixedClock, now as clockNow, setClock } from '@/lib/time/clock';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DashboardApp } from '@/components/pages/DashboardApp';
import { TIMELINE_PAGE } from '@/components/pages/ContactTimeline';
import { contactIdFor } from '@/lib/db';
import { DAY, HOUR, flag, freshDB, post, reply, snapshot } from './seed';
import { allInteractions, getInteraction } from '../../../lib/db/histories';
import { DIRECTORY_SHARDS } from '@/lib/db/directory';
import { DIRECTORY_PIECE } from '@/lib/db/directory-cache';

afterEach(cleanup);
// One fixed afternoon in the machine's zone: "today", "this week" and "due" never depend on
// when the suite runs.
beforeEach(() => setClock(fixedClock(new Date(2026, 11, 9, 14, 0))));
afterEach(() => setClock(null));
beforeEach(() => history.replaceState(null, '', '/dashboard.html'));

async function seeded() {
  const db = freshDB();
  const now = clockNow();
  const p = post({ author: 'Jane Doe', handle: '@janedoe', text: 'Charged twice for my plan, this is a scam' });
  const id = await flag(db, p, 4, now - 2 * DAY);
  await reply(db, id, 'Hi Jane, I am Sam from billing. I will find out and get back to you by Tuesday.', now - 2 * DAY + HOUR);
  return { db, contactId: contactIdFor(p), interactionId: id };
}

function importFile(text: string, name = 'export.json') {
  const input = screen.getByLabelText('Import JSON') as HTMLInputElement;
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  fireEvent.change(input);
}

describe('dashboard', () => {
  it('#contact=<id> opens that contact, and the timeline shows the reply text', async () => {
    const { db, contactId } = await seeded();
    history.replaceState(null, '', `/dashboard.html#contact=${encodeURIComponent(contactId)}`);
    render(<DashboardApp db={db} />);
    const timeline = await screen.findByRole('list', { name: 'Timeline of Jane Doe' });
    expect(within(timeline).getByText('Charged twice for my plan, this is a scam')).toBeTruthy();
    expect(within(timeline).getByText(/Flagged as a complaint \(severity 4\)/)).toBeTruthy();
    expect(within(timeline).getByText('Reply inserted')).toBeTruthy();
    expect(within(timeline).getByText(/I will find out and get back to you by Tuesday/)).toBeTruthy();
    db.close();
  });

  it('reads the search directory when the agent goes to the search box, so the first key only matches (and finds the right person)', async () => {
    const { db } = await seeded();
    await flag(db, post({ author: 'Bob Stone', handle: '@bobstone', permalink: 'https://x.com/bobstone/status/9' }), 2, clockNow() - HOUR);
    // Read in pieces (DIRECTORY_PIECE shards a request): one read of the whole directory is this many.
    const directoryReads = vi.spyOn(db.directory, 'where');
    const wholeDirectory = DIRECTORY_SHARDS / DIRECTORY_PIECE;
    render(<DashboardApp db={db} />);
    // The list's count (its rows are virtual: happy-dom lays out none of them).
    await screen.findByText('2 contacts');
    expect(directoryReads).not.toHaveBeenCalled();
    const search = screen.getByRole('searchbox', { name: 'Search contacts' });
    fireEvent.focus(search);
    await waitFor(() => expect(directoryReads).toHaveBeenCalledTimes(wholeDirectory));
    fireEvent.change(search, { target: { value: 'jane' } });
    await screen.findByText('1 contact');
    expect(directoryReads).toHaveBeenCalledTimes(wholeDirectory);
    db.close();
  });

  it('a long timeline shows the newest page first and "Show older posts" reads the rest', async () => {
    const db = freshDB();
    const now = clockNow();
    let contactId = '';
    for (let n = 0; n < TIMELINE_PAGE + 5; n++) {
      const p = post({ author: 'Jane Doe', handle: '@janedoe', text: `Complaint number ${n}` });
      contactId = contactIdFor(p);
      await flag(db, p, 2, now - (100 - n) * HOUR);
    }
    history.replaceState(null, '', `/dashboard.html#contact=${encodeURIComponent(contactId)}`);
    render(<DashboardApp db={db} />);
    const timeline = await screen.findByRole('list', { name: 'Timeline of Jane Doe' });
    expect(screen.getByText(new RegExp(`first seen .* · ${TIMELINE_PAGE + 5} posts`))).toBeTruthy();
    expect(screen.getByText(`Showing the newest ${TIMELINE_PAGE} of ${TIMELINE_PAGE + 5} posts.`)).toBeTruthy();
    expect(within(timeline).getAllByRole('listitem').filter((li) => li.classList.contains('card'))).toHaveLength(TIMELINE_PAGE);
    // Newest first: the last one flagged is at the top, the oldest five are not read yet.
    expect(within(timeline).getByText(`Complaint number ${TIMELINE_PAGE + 4}`)).toBeTruthy();
    expect(within(timeline).queryByText('Complaint number 0')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Show older posts' }));
    expect(await within(timeline).findByText('Complaint number 0')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Show older posts' })).toBeNull();
    db.close();
  });

  it('"Mark resolved" in the timeline records a status event shown in the timeline', async () => {
    const { db, contactId, interactionId } = await seeded();
    history.replaceState(null, '', `/dashboard.html#contact=${encodeURIComponent(contactId)}`);
    render(<DashboardApp db={db} />);
    fireEvent.click(await screen.findByRole('button', { name: 'Mark resolved' }));
    expect(await screen.findByText('Status changed to resolved')).toBeTruthy();
    expect((await getInteraction(db, interactionId))?.status).toBe('resolved');
    db.close();
  });

  it('a bad import file shows the named problem and changes nothing', async () => {
    const { db } = await seeded();
    const before = await snapshot(db);
    history.replaceState(null, '', '/dashboard.html#tab=data');
    render(<DashboardApp db={db} />);
    await screen.findByRole('heading', { name: 'Import' });

    importFile(JSON.stringify({ format: 'frontline-export', version: 1, exportedAt: 1, contacts: [], interactions: [{ id: 'x' }], events: [] }));
    const region = () => within(screen.getByRole('heading', { name: 'Import' }).closest('section')!).getByRole('status');
    await waitFor(() => expect(region().textContent).toMatch(/was not imported: interactions\[0\]\.\w+/));
    expect(region().textContent).toMatch(/Nothing was changed/);

    importFile('{"format": "frontline-export", "contacts": [', 'truncated.json');
    await waitFor(() => expect(region().textContent).toMatch(/truncated\.json was not imported: the file is not valid JSON/));

    expect(await snapshot(db)).toEqual(before);
    db.close();
  });

  it('a valid export imports and reports what was added', async () => {
    const { db } = await seeded();
    const { exportJSON } = await import('@/lib/db');
    const file = await exportJSON(db);
    const target = freshDB();
    history.replaceState(null, '', '/dashboard.html#tab=data');
    render(<DashboardApp db={target} />);
    await screen.findByRole('heading', { name: 'Import' });
    importFile(JSON.stringify(file));
    const region = within(screen.getByRole('heading', { name: 'Import' }).closest('section')!).getByRole('status');
    await waitFor(() => expect(region.textContent).toMatch(/Imported: 1 new and 0 updated contacts/));
    expect((await allInteractions(target)).flatMap((i) => i.events)).toHaveLength(2);
    db.close();
    target.close();
  });

  it('"Delete all data" needs DELETE typed first', async () => {
    const { db } = await seeded();
    history.replaceState(null, '', '/dashboard.html#tab=data');
    render(<DashboardApp db={db} />);
    const button = (await screen.findByRole('button', { name: 'Delete all data' })) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
    fireEvent.change(screen.getByLabelText('Type DELETE to confirm'), { target: { value: 'DELETE' } });
    fireEvent.click(button);
    await waitFor(async () => expect(await db.contacts.count()).toBe(0));
    expect(await screen.findByText('All Frontline data in this browser was deleted.')).toBeTruthy();
    db.close();
  });
});

describe('dashboard insights', () => {
  it('shows the feedback report with themes, counts and customer quotes', async () => {
    const { db } = await seeded();
    history.replaceState(null, '', '/dashboard.html#tab=insights');
    render(<DashboardApp db={db} />);
    const report = (await screen.findByRole('heading', { name: 'Feedback report' })).closest('section')!;
    const row = await within(report).findByRole('row', { name: /Billing and charges/ });
    expect(within(row).getByText('Charged twice for my plan, this is a scam')).toBeTruthy();
    expect(within(report).getByRole('button', { name: 'Export report (Markdown)' })).toBeTruthy();
    expect(within(report).getByRole('button', { name: 'Export report (CSV)' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Time to first reply' })).toBeTruthy();
    db.close();
  });
});
