import type { BlobServiceClient } from '@azure/storage-blob';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { storageClientOptions } from '../auth/armClientOptions.ts';
import type { StorageAccountChoice } from './listStorageAccounts.ts';
import { storageManagementClient } from '../clients.ts';
import { localizable } from '../../core/l10n/Translate.ts';
import { LocalizableError } from '../../core/errors/LocalizableError.ts';

/**
 * A Blob service client for the account, signed with its first key (listKeys). The key stays in this client's
 * credential: it is never logged, stored or put into a URL; the destination blob gets no SAS.
 */
export async function openBlobService(session: SubscriptionSession, account: StorageAccountChoice): Promise<BlobServiceClient> {
  const endpoint = account.primaryEndpoints?.blob;
  if (!endpoint) throw new LocalizableError(localizable('Storage account {0} has no Blob service endpoint.'), account.name);
  const client = await storageManagementClient(session);
  const { keys } = await client.storageAccounts.listKeys(account.resourceGroup, account.name);
  const key = keys?.find((k) => k.value && k.permissions?.toLowerCase() !== 'read')?.value ?? keys?.find((k) => k.value)?.value;
  if (!key) throw new LocalizableError(localizable('Storage account {0} returned no access key.'), account.name);
  const { BlobServiceClient, StorageSharedKeyCredential } = await import('@azure/storage-blob');
  return new BlobServiceClient(endpoint.replace(/\/+$/, ''), new StorageSharedKeyCredential(account.name, key), storageClientOptions(session.cloud));
}

/** Container names of the account, sorted. */
export async function listContainerNames(service: BlobServiceClient): Promise<string[]> {
  const names: string[] = [];
  for await (const container of service.listContainers()) names.push(container.name);
  return names.sort();
}
