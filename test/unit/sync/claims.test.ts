import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CouchClient } from '../../../lib/sync/couch-client';
import { CLAIM_TTL_MS, claimPost, collisionLine } from '../../../lib/sync/claims';
import { setupTeam, startServer, type TestServer } from './couch-server';

const ana = { user: 'ana', password: 'ana-secret' };
const ben = { user: 'ben', password: 'ben-secret' };
const T0 = Date.UTC(2026, 10, 2, 9, 0, 0);
const MIN = 60_000;
const POST = 'https://x.com/nadia/status/1';

let server: TestServer;
beforeAll(async () => {
  server = await startServer();
  await setupTeam(server, 'team', [ana, ben]);
}, 60_000);
afterAll(async () => {
  await server?.stop();
});

const client = (who: typeof ana) => new CouchClient({ url: server.url, db: 'team', ...who });

describe('claims: the 409 on a second claim is the lock', () => {
  it('Ana opens the helper first; Ben is told "Ana is answering this (2 min ago)"; she renews, it expires, Ben takes over', async () => {
    expect(await claimPost(client(ana), { agent: 'ana', interactionId: POST, now: T0 })).toEqual({ state: 'mine' });
    const held = await claimPost(client(ben), { agent: 'ben', interactionId: POST, now: T0 + 2 * MIN });
    expect(held).toEqual({ state: 'held', by: 'ana', at: T0 });
    expect(collisionLine(held, null, T0 + 2 * MIN)).toBe('Ana is answering this (2 min ago)');

    // Ana opens it again: still hers, renewed.
    expect(await claimPost(client(ana), { agent: 'ana', interactionId: POST, now: T0 + 5 * MIN })).toEqual({ state: 'mine' });
    expect(await claimPost(client(ben), { agent: 'ben', interactionId: POST, now: T0 + 5 * MIN + CLAIM_TTL_MS - 1 })).toMatchObject({ state: 'held' });
    // Expired: free for Ben, with no takeover to announce.
    expect(await claimPost(client(ben), { agent: 'ben', interactionId: POST, now: T0 + 5 * MIN + CLAIM_TTL_MS })).toEqual({ state: 'mine' });
    // Ana takes it back deliberately while Ben's claim is live.
    expect(await claimPost(client(ana), { agent: 'ana', interactionId: POST, now: T0 + 20 * MIN, takeOver: true })).toEqual({ state: 'mine', tookOverFrom: 'ben' });
  });

  it("a colleague's reply is the line when nobody holds the post", () => {
    expect(collisionLine({ state: 'mine' }, { by: 'ben', at: T0, text: 'We refunded you' }, T0 + 5 * MIN)).toBe('Ben replied 5 min ago: We refunded you');
    expect(collisionLine({ state: 'mine' }, null, T0)).toBeNull();
  });
});
