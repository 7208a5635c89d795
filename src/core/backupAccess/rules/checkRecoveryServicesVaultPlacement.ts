// A Recovery Services vault protects VMs of its own region; for ADE VMs it must also be in the VM's
// subscription, because encrypted VMs are backed up and restored only within one subscription.

import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import { lastSegment, subscriptionIdOf } from '../armResourceIds.ts';
import { sameLocation, usesAde, type BackupCheckContext } from './backupCheckContext.ts';

export function checkRecoveryServicesVaultPlacement(context: BackupCheckContext): BackupAccessFinding[] {
  const rs = context.recoveryServicesVault;
  if (!rs) return [];
  const findings: BackupAccessFinding[] = [];
  const rsVault = rs.name ?? lastSegment(rs.id);
  const vmSub = subscriptionIdOf(context.vm.id);
  const rsSub = subscriptionIdOf(rs.id);
  if (usesAde(context) && vmSub && rsSub && vmSub.toLowerCase() !== rsSub.toLowerCase()) {
    findings.push(backupAccessFinding('backup.recoveryVaultOtherSubscription', 'error', { rsVault }));
  }
  if (rs.location && context.vm.location && !sameLocation(rs.location, context.vm.location)) {
    findings.push(
      backupAccessFinding('backup.recoveryVaultOtherRegion', 'error', { rsVault, rsLocation: rs.location, vmLocation: context.vm.location }),
    );
  }
  return findings;
}
