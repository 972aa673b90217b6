// @vitest-environment happy-dom
// The extension's fetch (host permission granted) is exempt from page CORS rules; happy-dom's is not.
// @vitest-environment-options { "settings": { "fetch": { "disableSameOriginPolicy": true } } }
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TeamNote } from '../../../components/overlay/TeamNote';
import { openOnPost } from '../../../lib/background/team-sync';
import { routeContentMessage, routeFromContentScript, type RouterDeps } from '../../../lib/background/router';
import { FrontlineDB, interactionIdFor, type FrontlineDB as DB } from '../../../lib/db';
import { saveTeamSettings } from '../../../lib/settings/team';
import { fixedClock, setClock } from '../../../lib/time/clock';
import type { ContentToBackgroundMessage } from '../../../lib/messages';
import type { Post } from '../../../lib/types';
import { setupTeam, startServer, type TestServer } from './couch-server';
import { askServerEveryTime } from './dom-fetch';

const OWN_ID = 'frontline-test-id';
const pageSender = { id: OWN_ID, url: 'https://x.com/nadia/status/77', tab: { id: 7 }, frameId: 0 };
const post: Post = { id: '77', platform: 'x', author: 'Nadia', handle: '@nadia', text: 'Still no refund', permalink: 'https://x.com/nadia/status/77', time: null };
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const ana = { user: 'ana', password: 'ana-secret' };
const ben = { user: 'ben', password: 'ben-secret' };

let server: TestServer;
askServerEveryTime();
beforeAll(async () => {
  server = await startServer();
  await setupTeam(server, 'team', [ana, ben]);
}, 60_000);
afterAll(async () => {
  await server?.stop();
  setClock(null);
});
afterEach(cleanup);

const signIn = (who: typeof ana) => saveTeamSettings({ version: 1, enabled: true, url: server.url, db: 'team', ...who });

function background(db: DB): RouterDeps {
  return {
    ownId: OWN_ID,
    postsSeen: async () => [],
    interactionEvent: async () => undefined,
    recentContacts: async () => [],
    openDashboard: async () => undefined,
    activate: async () => undefined,
    injectUi: async () => undefined,
    correct: async () => null,
    correctionLayer: async () => null,
    teamStatus: (id, takeOver) => openOnPost(db, id, { takeOver }),
  };
}

describe('the helper warns the second agent on the same post (real pouchdb-server)', () => {
  it('Ana opens it first; Ben reads "Ana is answering this (2 min ago)" and can answer anyway', async () => {
    const clock = fixedClock(T0);
    setClock(clock);
    await signIn(ana);
    const anaDb = new FrontlineDB(`ana-${Math.random()}`);
    expect(await openOnPost(anaDb, interactionIdFor(post))).toEqual({ line: null, held: false, problem: null });

    clock.advance(2 * 60_000);
    await signIn(ben);
    const deps = background(new FrontlineDB(`ben-${Math.random()}`));
    const sent: ContentToBackgroundMessage[] = [];
    // The helper's messages travel as the overlay's do: through the router, scoped to the page.
    const send = (msg: ContentToBackgroundMessage) => {
      sent.push(msg);
      return routeContentMessage(msg, pageSender, deps);
    };
    render(<TeamNote post={post} send={send} />);
    const note = await screen.findByRole('note', { name: 'Team' }, { timeout: 10_000 });
    expect(note.textContent).toContain('Ana is answering this (2 min ago)');

    fireEvent.click(screen.getByRole('button', { name: 'Answer anyway' }));
    await waitFor(() => expect(screen.queryByRole('note', { name: 'Team' })).toBeNull(), { timeout: 10_000 });
    expect(sent.map((m) => m.type === 'cs→bg:team-status' && m.takeOver === true)).toEqual([false, true]);
    // Now Ana is the one told.
    await signIn(ana);
    expect((await openOnPost(anaDb, interactionIdFor(post))).line).toBe('Ben is answering this (just now)');
  }, 30_000);

  it('a content script (the page) cannot claim posts: only the helper frame can', async () => {
    const reply = await routeFromContentScript({ type: 'cs→bg:team-status', post }, pageSender, background(new FrontlineDB(`x-${Math.random()}`)));
    expect(reply).toEqual({ ok: false, error: 'refused: actions come only from the helper frame' });
  });
});
