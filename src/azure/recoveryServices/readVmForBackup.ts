import type { EncryptedDiskLike, VmWithEncryptionLike } from '../../core/backupAccess/encryptionSourceTypes.ts';
import { findEncryptionKeyVaults, type EncryptionKeyVaultsResult } from '../../core/backupAccess/findEncryptionKeyVaults.ts';
import type { VmForBackup } from '../../core/enableBackup/recoveryServicesTypes.ts';
import { parseResourceId } from '../../core/resources/parseResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';

export interface VmBackupFacts {
  readonly vm: VmForBackup & { location: string };
  /** Which key vaults hold the VM's ADE keys (keyKind 'notEncrypted' when it uses none). */
  readonly encryption: EncryptionKeyVaultsResult;
}

/**
 * The VM as Azure Backup sees it: region, security type, and whether Azure Disk Encryption keys must be readable
 * by Backup. Read fresh (GET with instanceView, then each managed disk), because a tree node may be stale.
 */
export async function readVmForBackup(session: SubscriptionSession, vmId: string): Promise<VmBackupFacts> {
  const parts = parseResourceId(vmId);
  if (!parts) throw new Error(`Not a virtual machine resource ID: ${vmId}`);
  const compute = await computeClient(session);
  const vm = await compute.virtualMachines.get(parts.resourceGroup, parts.name, { expand: 'instanceView' });
  const diskIds = [vm.storageProfile?.osDisk?.managedDisk?.id, ...(vm.storageProfile?.dataDisks ?? []).map((d) => d.managedDisk?.id)]
    .filter((id): id is string => typeof id === 'string');
  const disks = await Promise.all(diskIds.map(async (id) => {
    const d = parseResourceId(id);
    // A disk we may not read (another subscription, no access) only makes the ADE check rely on the VM's own record.
    return d ? compute.disks.get(d.resourceGroup, d.name).catch(() => undefined) : undefined;
  }));
  const encryption = findEncryptionKeyVaults({
    vm: vm as unknown as VmWithEncryptionLike,
    disks: disks.filter((d) => d !== undefined) as unknown as EncryptedDiskLike[],
  });
  return {
    vm: { id: vm.id ?? vmId, name: vm.name, location: vm.location ?? '', securityProfile: { securityType: vm.securityProfile?.securityType } },
    encryption,
  };
}
