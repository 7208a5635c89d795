import type { VmBackupProtection } from '../../core/diskDataAccess/planDataAccessModeChange.ts';
import { describeAzureError } from '../../core/errors/describeAzureError.ts';
import { parseResourceId } from '../../core/resources/parseResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { recoveryServicesBackupClient as backupClient } from '../clients.ts';

/**
 * Is the VM protected by Azure Backup? One call, the one the portal's VM "Backup" blade makes:
 * `POST /subscriptions/{s}/providers/Microsoft.RecoveryServices/locations/{region}/backupStatus`
 * `{ resourceType: 'VM', resourceId }` -> `{ protectionStatus, vaultId, policyName }`. No vault listing needed.
 * A failure (no Recovery Services permission, provider not registered) is reported as `unknown`, not thrown:
 * the mode change must still be possible, with the doubt said.
 */
export async function getVmBackupProtection(session: SubscriptionSession, vm: { id: string; location: string }): Promise<VmBackupProtection> {
  const vmName = parseResourceId(vm.id)?.name ?? vm.id;
  try {
    const client = await backupClient(session);
    const status = await client.backupStatus.get(vm.location, { resourceType: 'VM', resourceId: vm.id });
    if (status.protectionStatus === 'Protected' || status.protectionStatus === 'Protecting') {
      return { kind: 'protected', vmName, vaultName: status.vaultId ? status.vaultId.split('/').filter(Boolean).pop() : undefined, policyName: status.policyName };
    }
    return { kind: 'notProtected', vmName };
  } catch (error) {
    const summary = describeAzureError(error);
    return { kind: 'unknown', vmName, reason: summary.code ? `${summary.code}: ${summary.message}` : summary.message };
  }
}
