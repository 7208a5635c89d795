import { protectionFromBackupStatus } from '../../core/enableBackup/readVmBackupProtection.ts';
import type { VmBackupProtection, VmForBackup } from '../../core/enableBackup/recoveryServicesTypes.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { recoveryServicesBackupClient } from '../clients.ts';

/** Where the VM is protected, asked fresh of Azure Backup (the portal's VM blade asks the same); undefined if not. */
export async function readVmBackupProtection(session: SubscriptionSession, vm: VmForBackup & { location: string }): Promise<VmBackupProtection | undefined> {
  const client = await recoveryServicesBackupClient(session);
  const status = await client.backupStatus.get(vm.location, { resourceType: 'VM', resourceId: vm.id });
  return protectionFromBackupStatus(status);
}
