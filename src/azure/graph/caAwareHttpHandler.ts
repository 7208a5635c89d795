import { request as httpsRequest } from 'node:https';
import type { Context, Middleware } from '@microsoft/microsoft-graph-client';

/**
 * The last link of the Graph client's middleware chain. Global fetch cannot trust an extra CA (a private cloud,
 * the local stand-in) without a process-wide setting, so when one is given the request goes through node:https
 * with that CA, for these calls only; otherwise through fetch as the Graph client's own handler does.
 */
export function caAwareHttpHandler(caPem: string | undefined): Middleware {
  return {
    async execute(context: Context): Promise<void> {
      const url = typeof context.request === 'string' ? context.request : context.request.url;
      const options = (context.options ?? {}) as RequestInit;
      if (!caPem) {
        context.response = await fetch(url, options);
        return;
      }
      context.response = await new Promise<Response>((resolve, reject) => {
        const headers: Record<string, string> = {};
        new Headers(options.headers as HeadersInit | undefined).forEach((value, name) => (headers[name] = value));
        const req = httpsRequest(url, { method: options.method ?? 'GET', headers, ca: caPem }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const responseHeaders = new Headers();
            for (const [name, value] of Object.entries(res.headers)) {
              if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
            }
            const status = res.statusCode ?? 500;
            const body = status === 204 || status === 304 ? null : Buffer.concat(chunks);
            resolve(new Response(body, { status, statusText: res.statusMessage, headers: responseHeaders }));
          });
          res.on('error', reject);
        });
        req.on('error', reject);
        const signal = options.signal;
        signal?.addEventListener('abort', () => req.destroy(new Error('aborted')));
        if (typeof options.body === 'string') req.write(options.body);
        req.end();
      });
    },
  };
}
