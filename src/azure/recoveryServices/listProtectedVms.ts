import { mapWithConcurrency } from '../../core/concurrency/mapWithConcurrency.ts';
import { IAAS_VM_FILTER } from '../../core/enableBackup/iaasVmBackupNames.ts';
import { protectionFromProtectedItem, type ProtectedItemLike } from '../../core/enableBackup/readVmBackupProtection.ts';
import type { VmBackupProtection } from '../../core/enableBackup/recoveryServicesTypes.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { recoveryServicesBackupClient } from '../clients.ts';
import { listRecoveryVaults } from './recoveryVaults.ts';

/**
 * Every VM of the subscription that a Recovery Services vault protects, keyed by lower-cased VM id: one vault
 * listing plus one protected-items listing per vault (a few vaults at a time), instead of one status call per VM.
 */
export async function listProtectedVms(session: SubscriptionSession): Promise<Map<string, VmBackupProtection>> {
  const [vaults, client] = await Promise.all([listRecoveryVaults(session), recoveryServicesBackupClient(session)]);
  const byVm = new Map<string, VmBackupProtection>();
  await mapWithConcurrency(vaults.filter((v) => v.id && v.name), 4, async (vault) => {
    const resourceGroup = /\/resourceGroups\/([^/]+)/i.exec(vault.id!)?.[1] ?? '';
    const filter = `${IAAS_VM_FILTER} and itemType eq 'VM'`;
    for await (const item of client.backupProtectedItems.list(vault.name!, resourceGroup, { filter })) {
      const found = protectionFromProtectedItem(item as ProtectedItemLike, vault.id!);
      if (found) byVm.set(found.vmId.toLowerCase(), found.protection);
    }
  });
  return byVm;
}
