import type { ContainerClient } from '@azure/storage-blob';
import { BUILD_LOG_CONTAINER, pickBuildLogBlob, quotedBuildLogUrl, storageAccountNameFromBlobEndpoint } from '../../core/imageBuilder/buildLogLocation.ts';
import { buildLogAuthForAccount, isBlobDataAccessRefused, isKeyAccessRefused, type BuildLogAuth } from '../../core/imageBuilder/buildLogAccess.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { storageClientOptions } from '../auth/armClientOptions.ts';
import { storageManagementClient as storageClient } from '../clients.ts';

// Reads customization.log from the staging storage account with the signed-in user's own rights: the account's key
// from `listKeys` (Contributor on the staging group is enough; Image Builder's own identity is not used), or, where
// listKeys is denied or Shared Key is off, the user's Microsoft Entra ID token (see core/imageBuilder/buildLogAccess.ts).
// The key stays in this object: it is never logged nor stored.

export interface BuildLogBlob {
  /** The blob's URL without credentials (safe to show). */
  readonly url: string;
  /** Bytes from `offset` to the current end (empty when nothing new). */
  readFrom(offset: number, abortSignal?: AbortSignal): Promise<Buffer>;
}

export type BuildLogLookup =
  | { found: true; log: BuildLogBlob; storageAccount: string; auth: BuildLogAuth }
  | { found: false; reason: 'noStorageAccount' | 'noLogYet'; storageAccount?: string };

export async function findBuildLog(session: SubscriptionSession, stagingResourceGroup: string, lastRun?: { startTime?: Date | string; message?: string }): Promise<BuildLogLookup> {
  const storage = await storageClient(session);
  let account: { name?: string; primaryEndpoints?: { blob?: string }; allowSharedKeyAccess?: boolean } | undefined;
  for await (const candidate of storage.storageAccounts.listByResourceGroup(stagingResourceGroup)) {
    account = candidate;
    break;
  }
  if (!account?.name || !account.primaryEndpoints?.blob) return { found: false, reason: 'noStorageAccount' };
  let auth = buildLogAuthForAccount(account);
  let key: string | undefined;
  if (auth === 'accountKey') {
    try {
      key = (await storage.storageAccounts.listKeys(stagingResourceGroup, account.name)).keys?.find((k) => k.value)?.value;
    } catch (error) {
      if (!isKeyAccessRefused(error)) throw error;
    }
    if (!key) auth = 'entraId';
  }
  const container = await containerClient(session, account.primaryEndpoints.blob, key);
  const candidates: Array<{ name: string; lastModified?: Date }> = [];
  try {
    for await (const blob of container.listBlobsFlat()) candidates.push({ name: blob.name, lastModified: blob.properties.lastModified });
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode === 404) return { found: false, reason: 'noLogYet', storageAccount: account.name };
    if (auth === 'entraId' && isBlobDataAccessRefused(error)) throw new BuildLogAccessDeniedError(account.name);
    throw error;
  }
  const startedAt = lastRun?.startTime ? new Date(lastRun.startTime) : undefined;
  const picked = pickBuildLogBlob(candidates, startedAt && !Number.isNaN(startedAt.getTime()) ? startedAt : undefined, quotedBuildLogUrl(lastRun?.message));
  if (!picked) return { found: false, reason: 'noLogYet', storageAccount: account.name };
  const blob = container.getBlobClient(picked.name);
  return {
    found: true,
    auth,
    storageAccount: account.name,
    log: {
      url: blob.url,
      async readFrom(offset, abortSignal) {
        const { contentLength = 0 } = await blob.getProperties({ abortSignal });
        if (contentLength <= offset) return Buffer.alloc(0);
        return blob.downloadToBuffer(offset, contentLength - offset, { abortSignal });
      },
    },
  };
}

/**
 * Thrown when neither the account key nor the user's token may read the log. The message names the role to ask
 * for; the shell (features/imageBuilder/BuildLogViewer.ts) shows its own translated text built from `storageAccount`.
 */
export class BuildLogAccessDeniedError extends Error {
  readonly storageAccount: string;
  constructor(storageAccount: string) {
    super(`Reading the build log in storage account ${storageAccount} was refused: the account's keys are not available and your account has no blob data role on it (ask for Storage Blob Data Reader)`);
    this.storageAccount = storageAccount;
  }
}

async function containerClient(session: SubscriptionSession, blobEndpoint: string, key: string | undefined): Promise<ContainerClient> {
  const { BlobServiceClient, StorageSharedKeyCredential } = await import('@azure/storage-blob');
  const url = blobEndpoint.replace(/\/+$/, '');
  const options = storageClientOptions(session.cloud);
  if (!key) return new BlobServiceClient(url, session.credential, options).getContainerClient(BUILD_LOG_CONTAINER);
  const accountName = storageAccountNameFromBlobEndpoint(blobEndpoint);
  if (!accountName) throw new Error(`Not a blob endpoint: ${blobEndpoint}`);
  const service = new BlobServiceClient(url, new StorageSharedKeyCredential(accountName, key), options);
  return service.getContainerClient(BUILD_LOG_CONTAINER);
}
