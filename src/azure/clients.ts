import type { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { FeatureClient } from '@azure/arm-features';
import type { ImageBuilderClient } from '@azure/arm-imagebuilder';
import type { KeyVaultManagementClient } from '@azure/arm-keyvault';
import type { PolicyClient } from '@azure/arm-policy';
import type { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { ResourceManagementClient } from '@azure/arm-resources';
import type { StorageManagementClient } from '@azure/arm-storage';
import type { SubscriptionSession } from './auth/AccountProvider.ts';
import { armClientOptions } from './auth/armClientOptions.ts';

// Every ARM SDK client the extension uses, in one place. SDKs are imported on first use, never at activation:
// activation stays fast and an unused SDK costs nothing. One client per subscription session and SDK is kept, so
// their pipelines (and token caches) are reused; a client whose creation failed is forgotten and built again.

const cache = new WeakMap<SubscriptionSession, Map<string, Promise<unknown>>>();

function perSession<T>(session: SubscriptionSession, key: string, create: () => Promise<T>): Promise<T> {
  let clients = cache.get(session);
  if (!clients) cache.set(session, (clients = new Map()));
  let client = clients.get(key) as Promise<T> | undefined;
  if (!client) {
    client = create();
    clients.set(key, client);
    client.catch(() => clients.delete(key));
  }
  return client;
}

export function computeClient(session: SubscriptionSession): Promise<ComputeManagementClient> {
  return perSession(session, 'compute', freshComputeClient.bind(undefined, session));
}

/**
 * A compute client of its own, not the shared one: its pipeline asks the credential for a token again instead of
 * reusing one cached when a long export started (revoke must work hours later).
 */
export async function freshComputeClient(session: SubscriptionSession): Promise<ComputeManagementClient> {
  const { ComputeManagementClient } = await import('@azure/arm-compute');
  return new ComputeManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
}

export function keyVaultClient(session: SubscriptionSession): Promise<KeyVaultManagementClient> {
  return perSession(session, 'keyvault', async () => {
    const { KeyVaultManagementClient } = await import('@azure/arm-keyvault');
    return new KeyVaultManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

export function imageBuilderClient(session: SubscriptionSession): Promise<ImageBuilderClient> {
  return perSession(session, 'imagebuilder', async () => {
    const { ImageBuilderClient } = await import('@azure/arm-imagebuilder');
    return new ImageBuilderClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

export function authorizationClient(session: SubscriptionSession): Promise<AuthorizationManagementClient> {
  return perSession(session, 'authorization', async () => {
    const { AuthorizationManagementClient } = await import('@azure/arm-authorization');
    return new AuthorizationManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

export function resourcesClient(session: SubscriptionSession): Promise<ResourceManagementClient> {
  return perSession(session, 'resources', async () => {
    const { ResourceManagementClient } = await import('@azure/arm-resources');
    return new ResourceManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

/** @azure/arm-storage 21 (modular: reads `endpoint` + `credentials.scopes`, both set by armClientOptions). */
export function storageManagementClient(session: SubscriptionSession): Promise<StorageManagementClient> {
  return perSession(session, 'storage', async () => {
    const { StorageManagementClient } = await import('@azure/arm-storage');
    return new StorageManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

/** Recovery Services vaults (classic client: reads `endpoint` + `credentialScopes`). */
export function recoveryServicesClient(session: SubscriptionSession): Promise<RecoveryServicesClient> {
  return perSession(session, 'recoveryServices', async () => {
    const { RecoveryServicesClient } = await import('@azure/arm-recoveryservices');
    return new RecoveryServicesClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

/** Azure Backup: policies, protection, jobs (classic client). */
export function recoveryServicesBackupClient(session: SubscriptionSession): Promise<RecoveryServicesBackupClient> {
  return perSession(session, 'recoveryServicesBackup', async () => {
    const { RecoveryServicesBackupClient } = await import('@azure/arm-recoveryservicesbackup');
    return new RecoveryServicesBackupClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

/** Azure Policy assignments and initiatives (@azure/arm-policy 7, modular: `endpoint` + `credentials.scopes`). */
export function policyClient(session: SubscriptionSession): Promise<PolicyClient> {
  return perSession(session, 'policy', async () => {
    const { PolicyClient } = await import('@azure/arm-policy');
    return new PolicyClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

/** Preview features of resource providers (Microsoft.Features, classic client: `endpoint` + `credentialScopes`). */
export function featureClient(session: SubscriptionSession): Promise<FeatureClient> {
  return perSession(session, 'features', async () => {
    const { FeatureClient } = await import('@azure/arm-features');
    return new FeatureClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}
