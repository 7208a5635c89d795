import type { AuthorizationManagementClient } from '@azure/arm-authorization';
import type { ComputeManagementClient } from '@azure/arm-compute';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { armClientOptions } from '../auth/armClientOptions.ts';

// Clients this feature needs beyond ../clients.ts, loaded on first use and kept per session (same pattern).
// Compute gets a *fresh* client for revoke, so its pipeline asks the credential again instead of reusing a token
// cached when a long copy started.

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

export function authorizationClient(session: SubscriptionSession): Promise<AuthorizationManagementClient> {
  return memo(session, 'authorization', async () => {
    const { AuthorizationManagementClient } = await import('@azure/arm-authorization');
    return new AuthorizationManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

export function backupClient(session: SubscriptionSession): Promise<RecoveryServicesBackupClient> {
  return memo(session, 'recoveryServicesBackup', async () => {
    const { RecoveryServicesBackupClient } = await import('@azure/arm-recoveryservicesbackup');
    return new RecoveryServicesBackupClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
  });
}

export async function freshComputeClient(session: SubscriptionSession): Promise<ComputeManagementClient> {
  const { ComputeManagementClient } = await import('@azure/arm-compute');
  return new ComputeManagementClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
}
