// The https blob endpoint of the stand-in's storage accounts (the Image Builder staging accounts), in front of
// Azurite. Azurite speaks plain http, where @azure/storage-blob refuses to send a bearer token at all, and knows
// nothing of Azure RBAC; Azure's blob endpoints are https and accept, besides Shared Key and SAS, the user's
// Microsoft Entra ID token. So:
// - a request with `Authorization: Bearer` is checked as Azure Storage checks it (storageBearerAuth.ts: issuer's
//   signature, audience https://storage.azure.com/, lifetime, the account's tenant -> 401 InvalidAuthenticationInfo
//   with a challenge), then the token's user must hold the data action on the account through a role assignment
//   at the account or above (effectivePermissions.ts -> 403 AuthorizationPermissionMismatch); an accepted request
//   goes on to Azurite without the token and with a short-lived account SAS allowing just that action;
// - any other request (Shared Key, SAS) goes on unchanged: Shared Key does not sign the host, so the key path works
//   through this endpoint exactly as through Azurite's.
// Each account gets its own port, as each Azure account has its own host: that is how a request names its account
// (all of them share Azurite's one account behind, so URLs keep Azurite's path style `/devstoreaccount1/...`).
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AccountSASPermissions, StorageSharedKeyCredential, generateAccountSASQueryParameters } from '@azure/storage-blob';
import type { AzuriteAccount } from './DiskBlobStore.ts';
import { bearerTokenOf, checkStorageToken, forwardToAzurite, permissionMismatch, sendStorageRefusal } from './storageBearerAuth.ts';

/**
 * The audience of storage tokens in every Azure cloud (public and sovereign alike): what @azure/storage-blob asks
 * for by default (`https://storage.azure.com/.default`), and so what the fake `az` issues for it.
 */
export const STORAGE_TOKEN_AUDIENCE = 'https://storage.azure.com/';

const BLOB_DATA_ACTION = 'Microsoft.Storage/storageAccounts/blobServices/containers/blobs';

export interface BlobOAuthAccounts {
  /** The tenant of the account's subscription (undefined: the account no longer exists). */
  tenantOf(accountId: string): string | undefined;
  mayPerform(principalId: string, accountId: string, dataAction: string): boolean;
}

export interface BlobOAuthProxy {
  /** The account's blob endpoint, `https://127.0.0.1:PORT/<azurite account>/`, opened on first use. */
  endpointFor(accountId: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The data action a request needs, for the operations the stand-in's callers make: reads (list blobs, get
 * properties, download) need blobs/read; deletes blobs/delete; any other write blobs/write.
 */
export function blobDataActionFor(method: string | undefined): string {
  const verb = (method ?? 'GET').toUpperCase();
  if (verb === 'GET' || verb === 'HEAD') return `${BLOB_DATA_ACTION}/read`;
  return verb === 'DELETE' ? `${BLOB_DATA_ACTION}/delete` : `${BLOB_DATA_ACTION}/write`;
}

export function createBlobOAuthProxy(options: { azurite: AzuriteAccount; tls: { certPem: string; keyPem: string }; accounts: BlobOAuthAccounts }): BlobOAuthProxy {
  const azurite = new URL(options.azurite.blobEndpoint);
  const accountPath = azurite.pathname.replace(/\/+$/, '');
  const credential = new StorageSharedKeyCredential(options.azurite.accountName, options.azurite.accountKey);
  const endpoints = new Map<string, Promise<{ server: Server; endpoint: string }>>();

  function handle(accountId: string, req: IncomingMessage, res: ServerResponse): void {
    const token = bearerTokenOf(req);
    if (!token) return forwardToAzurite(req, res, azurite, req.url ?? '/', { withoutToken: false });
    const tenantId = options.accounts.tenantOf(accountId) ?? 'common';
    const challenge = { tenantId, resourceId: STORAGE_TOKEN_AUDIENCE.replace(/\/+$/, '') };
    const checked = checkStorageToken(token, { audience: STORAGE_TOKEN_AUDIENCE, tenantId });
    if ('refusal' in checked) return sendStorageRefusal(res, req, checked.refusal, challenge);
    const action = blobDataActionFor(req.method);
    if (!checked.claims.oid || !options.accounts.mayPerform(checked.claims.oid, accountId, action)) {
      return sendStorageRefusal(res, req, permissionMismatch(), challenge);
    }
    const url = req.url ?? '/';
    forwardToAzurite(req, res, azurite, `${url}${url.includes('?') ? '&' : '?'}${sasFor(action)}`, { withoutToken: true });
  }

  function sasFor(action: string): string {
    const permissions = action.endsWith('/read') ? 'rl' : action.endsWith('/delete') ? 'd' : 'wacu';
    return generateAccountSASQueryParameters({
      services: 'b',
      resourceTypes: 'sco',
      permissions: AccountSASPermissions.parse(permissions),
      startsOn: new Date(Date.now() - 5 * 60_000),
      expiresOn: new Date(Date.now() + 5 * 60_000),
    }, credential).toString();
  }

  async function open(accountId: string): Promise<{ server: Server; endpoint: string }> {
    const server = createServer({ cert: options.tls.certPem, key: options.tls.keyPem }, (req, res) => handle(accountId, req, res));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    return { server, endpoint: `https://127.0.0.1:${(server.address() as AddressInfo).port}${accountPath}/` };
  }

  return {
    async endpointFor(accountId) {
      const key = accountId.toLowerCase();
      let opened = endpoints.get(key);
      if (!opened) {
        opened = open(accountId);
        endpoints.set(key, opened);
      }
      return (await opened).endpoint;
    },
    async stop() {
      const servers = await Promise.all([...endpoints.values()].map((p) => p.catch(() => undefined)));
      endpoints.clear();
      await Promise.all(servers.map((s) => s && new Promise<void>((resolve) => {
        s.server.closeAllConnections();
        s.server.close(() => resolve());
      })));
    },
  };
}
