import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { loadCertificate } from './certificate';

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

/** A directory, a map of path → file (a key may include the query string), or a handler. */
export type RouteTarget = string | Record<string, string> | RequestHandler;

export interface RouteOptions {
  serve: RouteTarget;
  /** Charset of HTML files; null sends no charset at all (the page's own declaration, or sniffing, decides). */
  charset?: string | null;
}

export type Route = RouteTarget | RouteOptions;

export interface SiteServer {
  port: number;
  hosts: string[];
  /** The URL as the browser sees it: the real host name, port 443 (remapped by --host-resolver-rules). */
  url(host: string, pathname?: string): string;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain',
};

/** Serves saved pages under their real host names so the manifest's match patterns apply as on the live site. */
export async function startSiteServer(routes: Record<string, Route>): Promise<SiteServer> {
  const { key, cert } = await loadCertificate();
  const server = createHttpsServer({ key, cert }, (req, res) => {
    handle(routes, req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    hosts: Object.keys(routes),
    url: (host, pathname = '/') => `https://${host}${pathname.startsWith('/') ? '' : '/'}${pathname}`,
    close: () =>
      new Promise<void>((resolve) => {
        // Chromium keeps connections alive; without this close() waits for them to time out.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function handle(routes: Record<string, Route>, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const host = (req.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
  const route = findRoute(routes, host);
  if (!route) return notFound(res, `no route for host ${host}`);
  const { serve, charset = 'utf-8' } = typeof route === 'object' && 'serve' in route ? route : { serve: route };
  if (typeof serve === 'function') return serve(req, res);

  const url = new URL(req.url ?? '/', `https://${host}`);
  const file = typeof serve === 'string' ? await fileInDirectory(serve, url.pathname) : serve[url.pathname + url.search] ?? serve[url.pathname];
  if (!file) return notFound(res, `no file for ${host}${url.pathname}`);
  await sendFile(res, file, charset);
}

// x.com also serves mobile.x.com etc. under the same resolver rule, so fall back to the parent domain.
function findRoute(routes: Record<string, Route>, host: string): Route | undefined {
  for (let name = host; name.includes('.'); name = name.slice(name.indexOf('.') + 1)) {
    const route = routes[name];
    if (route) return route;
  }
  return undefined;
}

async function fileInDirectory(root: string, pathname: string): Promise<string | null> {
  const base = path.resolve(root);
  const wanted = path.resolve(base, '.' + decodeURIComponent(pathname));
  if (wanted !== base && !wanted.startsWith(base + path.sep)) return null;
  for (const candidate of [wanted, wanted + '.html', path.join(wanted, 'index.html')]) {
    const info = await stat(candidate).catch(() => null);
    if (info?.isFile()) return candidate;
  }
  return null;
}

async function sendFile(res: ServerResponse, file: string, charset: string | null): Promise<void> {
  const body = await readFile(file);
  const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
  const textual = type.startsWith('text/') || type === 'application/json' || type === 'image/svg+xml';
  const contentType = textual && charset ? `${type}; charset=${charset}` : type;
  res.writeHead(200, { 'content-type': contentType, 'content-length': body.length, 'cache-control': 'no-store' });
  res.end(body);
}

function notFound(res: ServerResponse, message: string): void {
  res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
  res.end(message);
}
