// ADE expects its key vault in the VM's region and subscription; a vault elsewhere also conflicts with the
// article's "backup and restore within the same subscription" for encrypted VMs.

import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import { lastSegment, sameArmId, subscriptionIdOf } from '../armResourceIds.ts';
import { sameLocation, type BackupCheckContext } from './backupCheckContext.ts';

export function checkKeyVaultPlacement(context: BackupCheckContext): BackupAccessFinding[] {
  const findings: BackupAccessFinding[] = [];
  const vmSub = subscriptionIdOf(context.vm.id) ?? '';
  const vmLocation = context.vm.location ?? '';
  for (const use of context.encryption.vaults) {
    const known = context.keyVaults?.find((k) => sameArmId(k.id, use.vaultId));
    const vaultId = use.vaultId ?? known?.id;
    if (!vaultId) continue;
    const vaultSub = subscriptionIdOf(vaultId) ?? '';
    const vaultLocation = known?.location ?? '';
    const otherSub = vmSub !== '' && vaultSub !== '' && vmSub.toLowerCase() !== vaultSub.toLowerCase();
    const otherRegion = vmLocation !== '' && vaultLocation !== '' && !sameLocation(vmLocation, vaultLocation);
    if (otherSub || otherRegion) {
      findings.push(
        backupAccessFinding('backup.keyVaultOtherSubscriptionOrRegion', 'warning', {
          vault: known?.name ?? lastSegment(vaultId),
          vaultLocation: vaultLocation || '?',
          vaultSubscription: vaultSub || '?',
          vmLocation: vmLocation || '?',
          vmSubscription: vmSub || '?',
        }),
      );
    }
  }
  return findings;
}
