import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * Firefox has no --host-resolver-rules: its proxy preferences point here instead. HTTPS to a
 * host the site server serves (or a subdomain of one) is tunnelled to it, so pages load under
 * their real names; every other request is refused at once, so nothing leaves the machine and
 * nothing waits on DNS timeouts.
 */
export interface ConnectProxy {
  port: number;
  /** Hosts asked for and refused, for a test that wants to know. */
  refused: string[];
  close(): Promise<void>;
}

export async function startConnectProxy(hosts: readonly string[], targetPort: number): Promise<ConnectProxy> {
  const refused: string[] = [];
  const sockets = new Set<Socket>();
  const served = (host: string) => hosts.some((h) => host === h || host.endsWith(`.${h}`));

  const server: Server = createServer((client) => {
    sockets.add(client);
    client.on('close', () => sockets.delete(client));
    client.on('error', () => client.destroy());
    let head = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      head = Buffer.concat([head, chunk]);
      const end = head.indexOf('\r\n\r\n');
      if (end < 0) {
        if (head.length > 16_384) client.destroy();
        return;
      }
      client.off('data', onData);
      const [method, authority] = head.subarray(0, head.indexOf('\r\n')).toString('latin1').split(' ');
      const host = (authority ?? '').replace(/:\d+$/, '').toLowerCase();
      if (method !== 'CONNECT' || !served(host)) {
        refused.push(host || String(authority));
        client.end('HTTP/1.1 403 Forbidden\r\ncontent-length: 0\r\n\r\n');
        return;
      }
      const upstream = connect(targetPort, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        const rest = head.subarray(end + 4);
        if (rest.length) upstream.write(rest);
        client.pipe(upstream).pipe(client);
      });
      sockets.add(upstream);
      upstream.on('close', () => sockets.delete(upstream));
      upstream.on('error', () => client.destroy());
      client.on('close', () => upstream.destroy());
    };
    client.on('data', onData);
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    refused,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
