// Downloads of disks secured with Microsoft Entra ID (dataAccessAuthMode AzureActiveDirectory): Azure checks,
// on top of the SAS, an `Authorization: Bearer` token for https://disk.azure.com/ and that its user holds the
// download action on the disk. Azurite knows nothing of this, so such disks' SAS URLs point at this small http
// proxy in front of Azurite. It refuses a request without a token (401), with a token of another audience or an
// expired one (401), or of a user without the action (403); otherwise it strips the token (Azurite would try to
// read it as its own OAuth) and forwards the request, so Azurite still checks the SAS (revoked -> 403).
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The audience the local cloud's disk tokens carry (set azureLinuxVm.customCloud.diskTokenAudience to it). */
export const LOCAL_DISK_TOKEN_AUDIENCE = 'https://disk.local-azure.test/';

/** What the proxy needs to know about the disk behind a container. */
export interface EntraDiskLookup {
  /** undefined when the container is not a disk or snapshot secured with Entra ID: passed through unchecked. */
  find(containerName: string): { resourceId: string; downloadAction: string } | undefined;
  mayPerform(principalId: string, resourceId: string, action: string): boolean;
}

export interface EntraDiskProxy {
  /** http://127.0.0.1:PORT/<account> — the base of Entra-ID disks' SAS URLs. */
  readonly endpoint: string;
  stop(): Promise<void>;
}

export async function startEntraDiskProxy(options: { blobEndpoint: string; audience: string; lookup: EntraDiskLookup }): Promise<EntraDiskProxy> {
  const target = new URL(options.blobEndpoint);
  const server = createServer((req, res) => {
    const refusal = check(req, options);
    if (refusal) return refuse(res, req.method === 'HEAD', refusal);
    const headers = { ...req.headers, host: target.host };
    delete headers.authorization;
    const upstream = httpRequest({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', (error) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(String(error));
    });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}${target.pathname.replace(/\/+$/, '')}`,
    stop: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

interface Refusal {
  status: number;
  code: string;
  message: string;
}

function check(req: IncomingMessage, options: { audience: string; lookup: EntraDiskLookup }): Refusal | undefined {
  // Path style: /<account>/<container>/<blob>
  const container = decodeURIComponent((req.url ?? '/').split('?')[0].split('/').filter(Boolean)[1] ?? '');
  const disk = options.lookup.find(container);
  if (!disk) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '');
  if (!match) {
    return { status: 401, code: 'NoAuthenticationInformation', message: 'Server failed to authenticate the request. This disk requires a Microsoft Entra ID token (Authorization: Bearer) in addition to the SAS.' };
  }
  let claims: { aud?: string; exp?: number; oid?: string };
  try {
    claims = JSON.parse(Buffer.from(match[1].split('.')[1] ?? '', 'base64url').toString('utf8')) as typeof claims;
  } catch {
    return { status: 401, code: 'InvalidAuthenticationInfo', message: 'Authentication information is not given in the correct format.' };
  }
  const trim = (s: string) => s.replace(/\/+$/, '');
  if (trim(claims.aud ?? '') !== trim(options.audience)) {
    return { status: 401, code: 'InvalidAuthenticationInfo', message: `Audience validation failed. Audience did not match: the token is for '${claims.aud}', this disk needs '${options.audience}'.` };
  }
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= Date.now()) {
    return { status: 401, code: 'InvalidAuthenticationInfo', message: 'Lifetime validation failed. The token is expired.' };
  }
  if (!claims.oid || !options.lookup.mayPerform(claims.oid, disk.resourceId, disk.downloadAction)) {
    return { status: 403, code: 'AuthorizationPermissionMismatch', message: `This request is not authorized to perform this operation using this permission (${disk.downloadAction}).` };
  }
  return undefined;
}

function refuse(res: ServerResponse, head: boolean, refusal: Refusal): void {
  const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${refusal.code}</Code><Message>${refusal.message}\nTime:${new Date().toISOString()}</Message></Error>`;
  const headers: Record<string, string> = { 'Content-Type': 'application/xml', 'x-ms-error-code': refusal.code };
  if (refusal.status === 401) headers['WWW-Authenticate'] = 'Bearer authorization_uri=https://login.microsoftonline.com/common/oauth2/authorize resource_id=https://disk.azure.com';
  res.writeHead(refusal.status, headers);
  res.end(head ? undefined : body);
}
