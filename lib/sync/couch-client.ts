import { z } from 'zod';

/**
 * A small typed client for the documented Apache CouchDB HTTP API (works with any CouchDB 3.x,
 * Cloudant, and pouchdb-server). Why not PouchDB itself: we keep the log in Dexie and only need
 * a handful of endpoints; every answer is zod-validated because the server may be hostile.
 */

export interface CouchConfig {
  /** Server base URL, e.g. https://couch.example.com or http://localhost:5984 */
  url: string;
  db: string;
  user: string;
  password: string;
}

export type CouchErrorKind =
  | 'insecure' // plain http to a non-local host
  | 'unreachable'
  | 'tls'
  | 'unauthorized' // 401
  | 'forbidden' // 403: not a member of the database
  | 'no-such-db' // 404 on the database
  | 'not-found' // 404 on a document
  | 'conflict' // 409
  | 'server' // 5xx and other unexpected statuses
  | 'malformed'; // answer was not the JSON we expect

export class CouchError extends Error {
  constructor(
    readonly kind: CouchErrorKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
    this.name = 'CouchError';
  }
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Refuse plain http except for this machine: credentials would travel in clear text. */
export function checkServerUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new CouchError('insecure', `"${raw}" is not a valid server address (expected https://…).`);
  }
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname)) return url;
  throw new CouchError(
    'insecure',
    url.protocol === 'http:'
      ? `Refusing plain http to ${url.hostname}: your password would travel unencrypted. Use https://.`
      : `Unsupported protocol ${url.protocol} (use https://).`,
  );
}

/** Database names per the CouchDB docs: lowercase, starting with a letter. */
const DB_NAME = /^[a-z][a-z0-9_$()+/-]*$/;
export const isValidDbName = (name: string) => DB_NAME.test(name);

export const DbInfo = z.object({ db_name: z.string(), doc_count: z.number(), update_seq: z.unknown() });
export const SessionInfo = z.object({
  ok: z.boolean(),
  userCtx: z.object({ name: z.string().nullable(), roles: z.array(z.string()) }),
});
export const BulkResult = z.array(
  z.object({
    id: z.string(),
    rev: z.string().optional(),
    ok: z.boolean().optional(),
    error: z.string().optional(),
    reason: z.string().optional(),
  }),
);
export const PutResult = z.object({ ok: z.boolean(), id: z.string(), rev: z.string() });
export const ChangesResult = z.object({
  results: z.array(
    z.object({
      id: z.string(),
      seq: z.union([z.string(), z.number()]),
      deleted: z.boolean().optional(),
      /** Left unknown on purpose: callers validate documents with their own schemas. */
      doc: z.unknown().optional(),
    }),
  ),
  last_seq: z.union([z.string(), z.number()]),
  pending: z.number().optional(),
});
export type Changes = z.infer<typeof ChangesResult>;
export const AllDocsResult = z.object({
  rows: z.array(z.object({ id: z.string(), doc: z.unknown().optional() })),
});

/** Answers larger than this are refused before parsing (a hostile server could send gigabytes). */
export const MAX_RESPONSE_BYTES = 20 * 1024 * 1024;

type Fetch = typeof fetch;

export class CouchClient {
  private readonly base: URL;
  private readonly auth: string;

  constructor(
    readonly config: CouchConfig,
    // Called as a plain function: a browser's fetch called as a method of another object throws
    // "Illegal invocation" (Node's does not, so only the real-browser test caught it).
    private readonly fetchImpl: Fetch = (input, init) => fetch(input, init),
  ) {
    this.base = checkServerUrl(config.url);
    if (!DB_NAME.test(config.db)) {
      throw new CouchError(
        'no-such-db',
        `"${config.db}" is not a valid CouchDB database name (lowercase letters, digits, _$()+-/; starts with a letter).`,
      );
    }
    // Basic auth over https (or localhost): stateless, so a sleeping MV3 worker needs no cookie.
    this.auth = 'Basic ' + btoa(unescape(encodeURIComponent(`${config.user}:${config.password}`)));
  }

  private url(path: string): string {
    const root = this.base.href.endsWith('/') ? this.base.href : this.base.href + '/';
    return root + path;
  }

  private dbPath(rest = ''): string {
    return encodeURIComponent(this.config.db) + rest;
  }

  /** One request; maps every failure to a CouchError that says what is wrong. */
  async request<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    opts: { body?: unknown; docRequest?: boolean; signal?: AbortSignal } = {},
  ): Promise<T> {
    let res: Response;
    try {
      res = await this.fetchImpl(this.url(path), {
        method,
        headers: {
          Authorization: this.auth,
          Accept: 'application/json',
          ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
        },
        body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
        // A claim read from the HTTP cache would be a lock that is no longer there (or one missed).
        cache: 'no-store',
        signal: opts.signal,
      });
    } catch (err) {
      throw networkError(err, this.base);
    }
    const text = await readCapped(res);
    let json: unknown;
    try {
      json = text === '' ? undefined : JSON.parse(text);
    } catch {
      throw new CouchError('malformed', `The server answered ${res.status} with something that is not JSON.`, res.status);
    }
    if (!res.ok) throw statusError(res.status, json, this.config, opts.docRequest === true);
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new CouchError(
        'malformed',
        `The server's answer to ${method} ${path.split('?')[0]} is not what CouchDB sends: ${parsed.error.issues[0]?.message ?? 'invalid'}.`,
        res.status,
      );
    }
    return parsed.data;
  }

  /** Who the server thinks we are (GET /_session with our credentials). */
  session(): Promise<z.infer<typeof SessionInfo>> {
    return this.request('GET', '_session', SessionInfo);
  }

  dbInfo(): Promise<z.infer<typeof DbInfo>> {
    return this.request('GET', this.dbPath(), DbInfo);
  }

  bulkDocs(docs: object[]): Promise<z.infer<typeof BulkResult>> {
    return this.request('POST', this.dbPath('/_bulk_docs'), BulkResult, { body: { docs } });
  }

  putDoc(id: string, doc: object): Promise<z.infer<typeof PutResult>> {
    return this.request('PUT', this.dbPath('/' + encodeURIComponent(id)), PutResult, { body: doc, docRequest: true });
  }

  getDoc<T>(id: string, schema: z.ZodType<T>): Promise<T> {
    return this.request('GET', this.dbPath('/' + encodeURIComponent(id)), schema, { docRequest: true });
  }

  changes(since: string | number, limit: number): Promise<Changes> {
    const q = new URLSearchParams({ since: String(since), limit: String(limit), include_docs: 'true' });
    return this.request('GET', this.dbPath('/_changes?' + q.toString()), ChangesResult);
  }

  /**
   * Documents whose ids lie in [startkey, endkey], in id order, with their bodies (left unknown:
   * callers validate them). `skipFirst`: page on from the last id seen, which is itself skipped.
   */
  allDocs(startkey: string, endkey: string, limit: number, skipFirst = false): Promise<z.infer<typeof AllDocsResult>> {
    const q = new URLSearchParams({ startkey: JSON.stringify(startkey), endkey: JSON.stringify(endkey), limit: String(limit), include_docs: 'true', ...(skipFirst ? { skip: '1' } : {}) });
    return this.request('GET', this.dbPath('/_all_docs?' + q.toString()), AllDocsResult);
  }

  /**
   * "Test connection": checks the credentials, then the database (existence and membership).
   * Resolves with a short success line; rejects with the CouchError that says what is wrong.
   */
  async testConnection(): Promise<string> {
    const s = await this.session();
    if (s.userCtx.name === null) {
      throw new CouchError('unauthorized', 'The server did not accept the user name and password (401).', 401);
    }
    let info: z.infer<typeof DbInfo>;
    try {
      info = await this.dbInfo();
    } catch (err) {
      // CouchDB says 403 to a known user outside _security; pouchdb-server says 401. The
      // credentials were just accepted by _session, so either answer means "not a member".
      if (err instanceof CouchError && err.kind === 'unauthorized') {
        throw statusError(403, undefined, this.config, false);
      }
      throw err;
    }
    return `Connected as ${s.userCtx.name} to "${info.db_name}" (${info.doc_count} documents).`;
  }
}

async function readCapped(res: Response): Promise<string> {
  const declared = Number(res.headers.get('content-length') ?? '0');
  if (declared > MAX_RESPONSE_BYTES) {
    throw new CouchError('malformed', `The server's answer is too large (${declared} bytes).`, res.status);
  }
  const text = await res.text();
  if (text.length > MAX_RESPONSE_BYTES) {
    throw new CouchError('malformed', `The server's answer is too large (${text.length} characters).`, res.status);
  }
  return text;
}

function networkError(err: unknown, base: URL): CouchError {
  const parts: string[] = [];
  let e: unknown = err;
  for (let i = 0; i < 4 && e; i++) {
    if (e instanceof Error) {
      parts.push(e.message, (e as { code?: string }).code ?? '');
      e = (e as { cause?: unknown }).cause;
    } else break;
  }
  const text = parts.join(' ');
  if (/CERT|SSL|TLS|self[- ]signed|certificate/i.test(text)) {
    return new CouchError('tls', `The TLS certificate of ${base.host} was refused (${text.trim()}).`);
  }
  return new CouchError('unreachable', `Cannot reach ${base.host}: is the server running and the address right?`);
}

function statusError(status: number, json: unknown, config: CouchConfig, docRequest: boolean): CouchError {
  const reason =
    json && typeof json === 'object' && typeof (json as { reason?: unknown }).reason === 'string'
      ? String((json as { reason: string }).reason).slice(0, 200)
      : '';
  switch (status) {
    case 401:
      return new CouchError('unauthorized', `The server did not accept user "${config.user}" and its password (401).`, 401);
    case 403:
      return new CouchError(
        'forbidden',
        `User "${config.user}" is not a member of the team database "${config.db}" (403). Ask the team lead to add you to its _security.`,
        403,
      );
    case 404:
      return docRequest && reason !== 'Database does not exist.' && reason !== 'no_db_file'
        ? new CouchError('not-found', 'No such document (404).', 404)
        : new CouchError('no-such-db', `The team database "${config.db}" does not exist on this server (404).`, 404);
    case 409:
      return new CouchError('conflict', 'Document update conflict (409).', 409);
    default:
      return new CouchError('server', `The server answered ${status}${reason ? `: ${reason}` : ''}.`, status);
  }
}
