// A loopback proxy in front of Azurite that answers 500 InternalError to chosen data GETs (Azurite cannot be made
// to fail by itself). Listing and properties (`comp=` or HEAD) pass through, so only range reads see the errors.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServerErrorProxy {
  /** Data GETs seen / answered 500. */
  stats: { dataRequests: number; failed: number };
  via(url: string): string;
  stop(): Promise<void>;
}

/** `failWhen(n)` decides for the nth data GET (1-based) whether it gets a 500. */
export async function startServerErrorProxy(targetPort: number, failWhen: (n: number) => boolean): Promise<ServerErrorProxy> {
  const stats = { dataRequests: 0, failed: 0 };
  const agent = new http.Agent({ keepAlive: true });
  const server = http.createServer((req, res) => {
    const isData = req.method === 'GET' && !/[?&]comp=/.test(req.url ?? '');
    if (isData && failWhen(++stats.dataRequests)) {
      stats.failed++;
      req.resume();
      res.writeHead(500, { 'x-ms-error-code': 'InternalError', 'Content-Type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>InternalError</Code><Message>Injected server error</Message></Error>');
      return;
    }
    const upstream = http.request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: req.headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    stats,
    via(url) {
      const u = new URL(url);
      u.port = String(port);
      return u.toString();
    },
    async stop() {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
