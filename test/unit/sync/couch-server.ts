import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { get as httpGet } from 'node:http';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Starts the real pouchdb-server (npm devDependency, pinned) in memory on a free port.
 * Never mocked: the sync tests speak to the same HTTP API a CouchDB 3.x serves.
 */
export const ADMIN = { user: 'admin', password: 'admin-pass' };

export interface TestServer {
  url: string;
  port: number;
  stop(): Promise<void>;
  /** Stops the process, keeping a persistent server's data for restart(). */
  halt(): Promise<void>;
  /** Start again on the same port (in-memory: the data is gone, as after losing the server). */
  restart(): Promise<void>;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

function serverBin(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve('pouchdb-server/package.json');
  return join(dirname(pkg), 'bin', 'pouchdb-server');
}

/** Node's http, not fetch: in a happy-dom test the global fetch is the DOM's (and logs every refusal). */
function answersOk(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    const req = httpGet(url, (res) => {
      res.resume();
      resolve(res.statusCode === 200);
    });
    req.on('error', () => resolve(false));
  });
}

async function waitUp(url: string, deadlineMs: number): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (;;) {
    if (await answersOk(url)) return;
    if (Date.now() > until) throw new Error(`pouchdb-server did not start at ${url}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

/**
 * `persistent`: data in a temporary --dir that survives restart() (a server restarted after an
 * outage); otherwise --in-memory (restart() is a server that lost everything).
 */
export async function startServer(options: { persistent?: boolean } = {}): Promise<TestServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let workDir = '';
  const basic = 'Basic ' + Buffer.from(`${ADMIN.user}:${ADMIN.password}`).toString('base64');

  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${url}/${path}`, {
      method,
      headers: { Authorization: basic, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  async function start() {
    // A fresh directory each start: pouchdb-server keeps its admins in config.json and writes
    // log.txt in its working directory, which would leak between runs.
    const again = options.persistent && workDir !== '';
    if (!again) workDir = mkdtempSync(join(tmpdir(), 'frontline-couch-'));
    const storage = options.persistent ? ['--dir', join(workDir, 'data')] : ['--in-memory'];
    if (options.persistent) mkdirSync(join(workDir, 'data'), { recursive: true });
    const args = [...storage, '--port', String(port), '--host', '127.0.0.1', '--config', join(workDir, 'config.json')];
    child = spawn(process.execPath, [serverBin(), ...args], { stdio: 'ignore', cwd: workDir });
    await waitUp(url + '/', 30_000);
    if (again) return; // the admin is in config.json already
    // Create the server admin (allowed anonymously only while none exists).
    const r = await fetch(`${url}/_config/admins/${ADMIN.user}`, {
      method: 'PUT',
      body: JSON.stringify(ADMIN.password),
    });
    if (!r.ok) throw new Error(`creating the admin failed: ${r.status} ${await r.text()}`);
  }

  async function halt() {
    const c = child;
    child = null;
    if (!c || c.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      c.once('exit', () => resolve());
      c.kill('SIGTERM');
    });
  }
  async function stop() {
    await halt();
    rmSync(workDir, { recursive: true, force: true });
    workDir = '';
  }

  await start();
  // Persistent: stop() keeps nothing, halt() (an outage) keeps the data for restart().
  return { url, port, stop, halt, restart: start, admin };
}

/** Team setup as a lead does it: database, member users, _security — all with admin credentials. */
export async function setupTeam(server: TestServer, db: string, members: { user: string; password: string }[]) {
  const mk = await server.admin('PUT', db);
  if (!mk.ok && mk.status !== 412) throw new Error(`create db ${db}: ${mk.status} ${await mk.text()}`);
  for (const m of members) {
    const r = await server.admin('PUT', `_users/org.couchdb.user:${m.user}`, {
      _id: `org.couchdb.user:${m.user}`,
      name: m.user,
      password: m.password,
      roles: [],
      type: 'user',
    });
    if (!r.ok && r.status !== 409) throw new Error(`create user ${m.user}: ${r.status} ${await r.text()}`);
  }
  const sec = await server.admin('PUT', `${db}/_security`, {
    admins: { names: [], roles: [] },
    members: { names: members.map((m) => m.user), roles: [] },
  });
  if (!sec.ok) throw new Error(`_security ${db}: ${sec.status} ${await sec.text()}`);
}

/**
 * A real HTTP hop in front of the server that can be told to misbehave: answer 500, or a
 * truncated JSON body, to every request. What a broken proxy or a compromised server does;
 * the client under test still speaks HTTP to a socket, nothing is stubbed in it.
 */
export async function startFaultyProxy(target: string): Promise<{ url: string; mode: 'pass' | '500' | 'garbage'; close(): Promise<void> }> {
  const { createServer: createHttp } = await import('node:http');
  const state = { mode: 'pass' as 'pass' | '500' | 'garbage' };
  const server = createHttp(async (req, res) => {
    if (state.mode === '500') {
      res.writeHead(500, { 'Content-Type': 'application/json' }).end('{"error":"internal_server_error","reason":"disk on fire"}');
      return;
    }
    if (state.mode === 'garbage') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"results": [{"id": "ev:ben:1", "seq": ');
      return;
    }
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const headers: Record<string, string> = {};
    for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string' && k !== 'host' && k !== 'content-length') headers[k] = v;
    const r = await fetch(target + req.url, { method: req.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
    res.writeHead(r.status, { 'Content-Type': r.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await r.arrayBuffer()));
  });
  const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
  return {
    url: `http://127.0.0.1:${port}`,
    get mode() {
      return state.mode;
    },
    set mode(m) {
      state.mode = m;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
