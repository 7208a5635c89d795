import type { StorageManagementClient } from '@azure/arm-storage';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { armClientOptions } from '../auth/armClientOptions.ts';

const clients = new WeakMap<SubscriptionSession, Promise<StorageManagementClient>>();

/** @azure/arm-storage 21 (modular: reads `endpoint` + `credentials.scopes`, both set by armClientOptions). */
export function storageManagementClient(session: SubscriptionSession): Promise<StorageManagementClient> {
  let client = clients.get(session);
  if (!client) {
    client = (async () => {
      const { StorageManagementClient } = await import('@azure/arm-storage');
      return new StorageManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
    })();
    clients.set(session, client);
    client.catch(() => clients.delete(session));
  }
  return client;
}
