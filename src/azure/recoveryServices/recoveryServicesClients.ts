import type { RecoveryServicesClient } from '@azure/arm-recoveryservices';
import type { RecoveryServicesBackupClient } from '@azure/arm-recoveryservicesbackup';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { armClientOptions } from '../auth/armClientOptions.ts';

// Both Recovery Services SDKs are classic (AutoRest) clients: they read `endpoint` + `credentialScopes`, which
// armClientOptions sets. Loaded on first use and kept per session, like the clients in ../clients.ts.

const vaultClients = new WeakMap<SubscriptionSession, Promise<RecoveryServicesClient>>();
const backupClients = new WeakMap<SubscriptionSession, Promise<RecoveryServicesBackupClient>>();

export function recoveryServicesClient(session: SubscriptionSession): Promise<RecoveryServicesClient> {
  let client = vaultClients.get(session);
  if (!client) {
    client = (async () => {
      const { RecoveryServicesClient } = await import('@azure/arm-recoveryservices');
      return new RecoveryServicesClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
    })();
    vaultClients.set(session, client);
    client.catch(() => vaultClients.delete(session));
  }
  return client;
}

export function recoveryServicesBackupClient(session: SubscriptionSession): Promise<RecoveryServicesBackupClient> {
  let client = backupClients.get(session);
  if (!client) {
    client = (async () => {
      const { RecoveryServicesBackupClient } = await import('@azure/arm-recoveryservicesbackup');
      return new RecoveryServicesBackupClient(session.credential, session.subscriptionId, armClientOptions(session.cloud));
    })();
    backupClients.set(session, client);
    client.catch(() => backupClients.delete(session));
  }
  return client;
}
