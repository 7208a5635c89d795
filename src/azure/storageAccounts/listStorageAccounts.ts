import type { StorageAccountLike } from '../../core/diskDataAccess/planStorageExport.ts';
import { parseResourceId } from '../../core/resources/parseResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { storageManagementClient } from '../clients.ts';

export interface StorageAccountChoice extends StorageAccountLike {
  readonly id: string;
  readonly name: string;
  readonly resourceGroup: string;
}

/** Every storage account of the subscription, sorted by name. */
export async function listStorageAccounts(session: SubscriptionSession): Promise<StorageAccountChoice[]> {
  const client = await storageManagementClient(session);
  const out: StorageAccountChoice[] = [];
  for await (const account of client.storageAccounts.list()) {
    if (!account.id || !account.name) continue;
    out.push({
      id: account.id,
      name: account.name,
      resourceGroup: parseResourceId(account.id)?.resourceGroup ?? '',
      kind: account.kind,
      sku: { name: account.sku?.name },
      location: account.location,
      allowSharedKeyAccess: account.allowSharedKeyAccess,
      isHnsEnabled: account.isHnsEnabled,
      primaryEndpoints: { blob: account.primaryEndpoints?.blob },
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
