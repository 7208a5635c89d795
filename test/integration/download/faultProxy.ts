// A loopback HTTP proxy in front of Azurite that injects the failures Azure and networks produce (Azurite has no
// fault switches): 503 ServerBusy with Retry-After, bodies cut half-way with the socket destroyed, responses that
// stall, slow responses. Only data GETs (no `comp=` in the query) are touched. The SAS signature does not cover
// host:port, so a SAS URL pointed at the proxy's port works unchanged.
// Based on ../shared/recipes/faultproxy.js.
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';

export interface FaultProxyOptions {
  targetPort: number;
  /** Every nth data GET answers 503 ServerBusy with `Retry-After: retryAfterSeconds`. */
  throttleEvery?: number;
  retryAfterSeconds?: number;
  /** Every nth data GET sends half its body, then the socket is destroyed. */
  cutEvery?: number;
  /** Every nth data GET sends half its body, then nothing (the connection stays open). */
  stallEvery?: number;
  /** Every data GET is held this long before it is forwarded. */
  delayMs?: number;
  /** Remove Authorization headers before forwarding (Azurite would try to validate a bearer token). */
  stripAuthorization?: boolean;
  /** Serve https with this certificate (a storage endpoint whose CA is a private cloud's own). */
  tls?: { certPem: string; keyPem: string };
}

export interface FaultProxyStats {
  dataRequests: number;
  throttled: number;
  cut: number;
  stalled: number;
  /** Authorization header of each data GET ('' when absent). */
  authorizationHeaders: string[];
}

export interface RunningFaultProxy {
  port: number;
  stats: FaultProxyStats;
  /** Rewrites a URL to go through the proxy. */
  via(url: string): string;
  stop(): Promise<void>;
}

export async function startFaultProxy(options: FaultProxyOptions): Promise<RunningFaultProxy> {
  const stats: FaultProxyStats = { dataRequests: 0, throttled: 0, cut: 0, stalled: 0, authorizationHeaders: [] };
  const agent = new http.Agent({ keepAlive: true });
  const held = new Set<http.ServerResponse>();
  const handler = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const isData = req.method === 'GET' && !/[?&]comp=/.test(req.url ?? '');
    const n = isData ? ++stats.dataRequests : 0;
    const every = (k: number | undefined) => isData && k !== undefined && k > 0 && n % k === 0;
    if (isData) stats.authorizationHeaders.push(req.headers.authorization ?? '');
    if (options.stripAuthorization) delete req.headers.authorization;
    if (isData && options.delayMs) await new Promise((r) => setTimeout(r, options.delayMs));
    if (every(options.throttleEvery)) {
      stats.throttled++;
      res.writeHead(503, { 'x-ms-error-code': 'ServerBusy', 'Retry-After': String(options.retryAfterSeconds ?? 1), 'Content-Type': 'application/xml' });
      res.end('<?xml version="1.0" encoding="utf-8"?><Error><Code>ServerBusy</Code><Message>Injected throttle</Message></Error>');
      req.resume();
      return;
    }
    const cut = every(options.cutEvery);
    const stall = !cut && every(options.stallEvery);
    const upstream = http.request({ host: '127.0.0.1', port: options.targetPort, method: req.method, path: req.url, headers: req.headers, agent }, (up) => {
      res.writeHead(up.statusCode ?? 502, up.headers);
      if (!cut && !stall) return void up.pipe(res);
      if (cut) stats.cut++;
      else stats.stalled++;
      const half = Math.floor(Number(up.headers['content-length'] ?? 0) / 2);
      let sent = 0;
      up.on('data', (chunk: Buffer) => {
        if (sent >= half) return;
        const part = chunk.subarray(0, half - sent);
        res.write(part);
        sent += part.length;
        if (sent >= half) {
          up.destroy();
          if (cut) req.socket.destroy();
          else held.add(res); // leave the client waiting for bytes that never come
        }
      });
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  };
  const server = options.tls
    ? https.createServer({ cert: options.tls.certPem, key: options.tls.keyPem }, (req, res) => void handler(req, res))
    : http.createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    stats,
    via(url: string) {
      const u = new URL(url);
      if (options.tls) u.protocol = 'https:';
      u.port = String(port);
      return u.toString();
    },
    async stop() {
      for (const res of held) res.destroy();
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
