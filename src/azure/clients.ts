import type { ComputeManagementClient } from '@azure/arm-compute';
import type { ImageBuilderClient } from '@azure/arm-imagebuilder';
import type { KeyVaultManagementClient } from '@azure/arm-keyvault';
import type { SubscriptionSession } from './auth/AccountProvider.ts';
import { armClientOptions } from './auth/armClientOptions.ts';

// SDKs are imported on first use, never at activation: activation stays fast and an unused SDK costs nothing.
// One client per subscription and SDK is kept, so their pipelines (and token caches) are reused.

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

export function computeClient(session: SubscriptionSession): Promise<ComputeManagementClient> {
  return memo(session, 'compute', async () => {
    const { ComputeManagementClient } = await import('@azure/arm-compute');
    return new ComputeManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

export function keyVaultClient(session: SubscriptionSession): Promise<KeyVaultManagementClient> {
  return memo(session, 'keyvault', async () => {
    const { KeyVaultManagementClient } = await import('@azure/arm-keyvault');
    return new KeyVaultManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

export function imageBuilderClient(session: SubscriptionSession): Promise<ImageBuilderClient> {
  return memo(session, 'imagebuilder', async () => {
    const { ImageBuilderClient } = await import('@azure/arm-imagebuilder');
    return new ImageBuilderClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}
