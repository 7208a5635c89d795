import type { ResourceManagementClient } from '@azure/arm-resources';
import type { StorageManagementClient } from '@azure/arm-storage';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { armClientOptions } from '../auth/armClientOptions.ts';

// The ARM clients Image Builder's flows need beside the Image Builder client (clients.ts): resource groups and
// provider registration, and the staging storage account. One per session, built on first use.

const cache = new WeakMap<SubscriptionSession, Map<string, Promise<unknown>>>();

function memo<T>(session: SubscriptionSession, key: string, create: () => Promise<T>): Promise<T> {
  let perSession = cache.get(session);
  if (!perSession) cache.set(session, (perSession = new Map()));
  let client = perSession.get(key) as Promise<T> | undefined;
  if (!client) {
    client = create();
    perSession.set(key, client);
    client.catch(() => perSession.delete(key));
  }
  return client;
}

export function resourcesClient(session: SubscriptionSession): Promise<ResourceManagementClient> {
  return memo(session, 'resources', async () => {
    const { ResourceManagementClient } = await import('@azure/arm-resources');
    return new ResourceManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

export function storageClient(session: SubscriptionSession): Promise<StorageManagementClient> {
  return memo(session, 'storage', async () => {
    const { StorageManagementClient } = await import('@azure/arm-storage');
    return new StorageManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}
