import type { ContainerClient } from '@azure/storage-blob';
import { BUILD_LOG_CONTAINER, pickBuildLogBlob, quotedBuildLogUrl, storageAccountNameFromBlobEndpoint } from '../../core/imageBuilder/buildLogLocation.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { storageManagementClient as storageClient } from '../clients.ts';

// Reads customization.log from the staging storage account with the signed-in user's own ARM rights: the account's
// key comes from `listKeys` (Contributor on the staging group is enough; Image Builder's own identity is not used).
// The key stays in this object: it is never logged nor stored.

export interface BuildLogBlob {
  /** The blob's URL without credentials (safe to show). */
  readonly url: string;
  /** Bytes from `offset` to the current end (empty when nothing new). */
  readFrom(offset: number, abortSignal?: AbortSignal): Promise<Buffer>;
}

export type BuildLogLookup =
  | { found: true; log: BuildLogBlob; storageAccount: string }
  | { found: false; reason: 'noStorageAccount' | 'noLogYet'; storageAccount?: string };

export async function findBuildLog(session: SubscriptionSession, stagingResourceGroup: string, lastRun?: { startTime?: Date | string; message?: string }): Promise<BuildLogLookup> {
  const storage = await storageClient(session);
  let account: { name?: string; primaryEndpoints?: { blob?: string } } | undefined;
  for await (const candidate of storage.storageAccounts.listByResourceGroup(stagingResourceGroup)) {
    account = candidate;
    break;
  }
  if (!account?.name || !account.primaryEndpoints?.blob) return { found: false, reason: 'noStorageAccount' };
  const keys = await storage.storageAccounts.listKeys(stagingResourceGroup, account.name);
  const key = keys.keys?.find((k) => k.value)?.value;
  if (!key) return { found: false, reason: 'noStorageAccount', storageAccount: account.name };
  const container = await containerClient(account.primaryEndpoints.blob, key);
  const candidates: Array<{ name: string; lastModified?: Date }> = [];
  if (await container.exists()) {
    for await (const blob of container.listBlobsFlat()) candidates.push({ name: blob.name, lastModified: blob.properties.lastModified });
  }
  const startedAt = lastRun?.startTime ? new Date(lastRun.startTime) : undefined;
  const picked = pickBuildLogBlob(candidates, startedAt && !Number.isNaN(startedAt.getTime()) ? startedAt : undefined, quotedBuildLogUrl(lastRun?.message));
  if (!picked) return { found: false, reason: 'noLogYet', storageAccount: account.name };
  const blob = container.getBlobClient(picked.name);
  return {
    found: true,
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

async function containerClient(blobEndpoint: string, key: string): Promise<ContainerClient> {
  const { BlobServiceClient, StorageSharedKeyCredential } = await import('@azure/storage-blob');
  const accountName = storageAccountNameFromBlobEndpoint(blobEndpoint);
  if (!accountName) throw new Error(`Not a blob endpoint: ${blobEndpoint}`);
  const service = new BlobServiceClient(blobEndpoint.replace(/\/+$/, ''), new StorageSharedKeyCredential(accountName, key));
  return service.getContainerClient(BUILD_LOG_CONTAINER);
}
