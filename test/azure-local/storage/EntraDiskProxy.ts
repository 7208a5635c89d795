// Downloads of disks secured with Microsoft Entra ID (dataAccessAuthMode AzureActiveDirectory): Azure checks,
// on top of the SAS, an `Authorization: Bearer` token for https://disk.azure.com/ and that its user holds the
// download action on the disk. Azurite knows nothing of this, so such disks' SAS URLs point at this small http
// proxy in front of Azurite. It refuses a request without a token (401), with a token that fails the storage
// service's checks (storageBearerAuth.ts: edited, another audience, expired -> 401), or of a user without the
// action (403); otherwise it strips the token and forwards the request, so Azurite still checks the SAS
// (revoked -> 403).
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { bearerTokenOf, checkStorageToken, forwardToAzurite, permissionMismatch, sendStorageRefusal, type StorageRefusal } from './storageBearerAuth.ts';

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
    if (refusal) return sendStorageRefusal(res, req, refusal, DISK_CHALLENGE);
    forwardToAzurite(req, res, target, req.url ?? '/', { withoutToken: true });
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

/** What the Disk RP's challenge names (a disk's tenant is not known here; 'common' as the service answers). */
const DISK_CHALLENGE = { tenantId: 'common', resourceId: 'https://disk.azure.com' };

function check(req: IncomingMessage, options: { audience: string; lookup: EntraDiskLookup }): StorageRefusal | undefined {
  // Path style: /<account>/<container>/<blob>
  const container = decodeURIComponent((req.url ?? '/').split('?')[0].split('/').filter(Boolean)[1] ?? '');
  const disk = options.lookup.find(container);
  if (!disk) return undefined;
  const token = bearerTokenOf(req);
  if (!token) {
    return { status: 401, code: 'NoAuthenticationInformation', message: 'Server failed to authenticate the request. This disk requires a Microsoft Entra ID token (Authorization: Bearer) in addition to the SAS.' };
  }
  const checked = checkStorageToken(token, { audience: options.audience });
  if ('refusal' in checked) return checked.refusal;
  if (!checked.claims.oid || !options.lookup.mayPerform(checked.claims.oid, disk.resourceId, disk.downloadAction)) {
    return { ...permissionMismatch(), message: `This request is not authorized to perform this operation using this permission (${disk.downloadAction}).` };
  }
  return undefined;
}
