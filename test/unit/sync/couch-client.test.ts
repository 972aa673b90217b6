import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { CouchClient, CouchError, checkServerUrl } from '../../../lib/sync/couch-client';
import { setupTeam, startServer, type TestServer } from './couch-server';

const ana = { user: 'ana', password: 'ana-secret' };
const eve = { user: 'eve', password: 'eve-secret' }; // a user, but not a team member

let server: TestServer;

beforeAll(async () => {
  server = await startServer();
  await setupTeam(server, 'team', [ana]);
  await setupTeam(server, 'other', [eve]);
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

const client = (over: Partial<{ url: string; db: string; user: string; password: string }> = {}) =>
  new CouchClient({ url: server.url, db: 'team', ...ana, ...over });

async function errorOf(p: Promise<unknown>): Promise<CouchError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof CouchError) return err;
    throw err;
  }
  throw new Error('expected a CouchError');
}

describe('server address', () => {
  it('refuses plain http to another host, accepts https and localhost', () => {
    expect(() => checkServerUrl('http://couch.example.com')).toThrow(/unencrypted/);
    expect(checkServerUrl('https://couch.example.com').host).toBe('couch.example.com');
    expect(checkServerUrl('http://localhost:5984').hostname).toBe('localhost');
    expect(checkServerUrl('http://127.0.0.1:5984').hostname).toBe('127.0.0.1');
    expect(() => checkServerUrl('not a url')).toThrow(/not a valid server address/);
  });
});

describe('CouchClient against a real pouchdb-server', () => {
  it('tests the connection of a member', async () => {
    await expect(client().testConnection()).resolves.toMatch(/Connected as ana to "team"/);
  });

  it('says 401 for a wrong password', async () => {
    const e = await errorOf(client({ password: 'nope' }).testConnection());
    expect(e.kind).toBe('unauthorized');
    expect(e.message).toMatch(/401/);
  });

  it('says "no such database" for a missing database', async () => {
    const e = await errorOf(client({ db: 'nosuchdb' }).testConnection());
    expect(e.kind).toBe('no-such-db');
    expect(e.message).toMatch(/does not exist/);
  });

  it('says "not a member" for a user outside the team', async () => {
    const e = await errorOf(client({ ...eve }).testConnection());
    expect(e.kind).toBe('forbidden');
    expect(e.message).toMatch(/not a member/);
  });

  it('says unreachable when nothing listens', async () => {
    const e = await errorOf(client({ url: 'http://127.0.0.1:1' }).testConnection());
    expect(e.kind).toBe('unreachable');
  });

  it('pushes with _bulk_docs, reads _changes with since/limit, and gets 409 on a second PUT', async () => {
    const c = client();
    const res = await c.bulkDocs([{ _id: 'ana:1', n: 1 }, { _id: 'ana:2', n: 2 }, { _id: 'ana:3', n: 3 }]);
    expect(res.every((r) => r.ok)).toBe(true);

    const first = await c.changes(0, 2);
    expect(first.results).toHaveLength(2);
    const rest = await c.changes(first.last_seq, 100);
    const ids = [...first.results, ...rest.results].map((r) => r.id).sort();
    expect(ids).toEqual(['ana:1', 'ana:2', 'ana:3']);

    await c.putDoc('claim:p1', { by: 'ana' });
    const e = await errorOf(c.putDoc('claim:p1', { by: 'ana' }));
    expect(e.kind).toBe('conflict');

    const doc = await c.getDoc('claim:p1', z.object({ by: z.string() }));
    expect(doc.by).toBe('ana');
    expect((await errorOf(c.getDoc('missing', z.object({})))).kind).toBe('not-found');
  });

  it('reports malformed answers instead of trusting them', async () => {
    const garbage: typeof fetch = async () => new Response('{"results": [', { status: 200 });
    const e = await errorOf(new CouchClient({ url: server.url, db: 'team', ...ana }, garbage).changes(0, 10));
    expect(e.kind).toBe('malformed');
    const wrong: typeof fetch = async () => Response.json({ results: 'nope', last_seq: 1 });
    expect((await errorOf(new CouchClient({ url: server.url, db: 'team', ...ana }, wrong).changes(0, 10))).kind).toBe(
      'malformed',
    );
    const fivehundred: typeof fetch = async () => Response.json({ error: 'x', reason: 'boom' }, { status: 500 });
    const e5 = await errorOf(new CouchClient({ url: server.url, db: 'team', ...ana }, fivehundred).dbInfo());
    expect(e5.kind).toBe('server');
    expect(e5.message).toMatch(/500: boom/);
  });
});
