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
  /** The VM's managed disks as read (dataAccessAuthMode decides whether Azure Backup supports them). */
  readonly disks: EncryptedDiskLike[];
  /** Managed disks of the VM that could not be read: their support by Azure Backup is unknown. */
  readonly unreadableDiskIds: string[];
}

/**
 * The VM as Azure Backup sees it: region, security type, its disks, and whether Azure Disk Encryption keys must be
 * readable by Backup. Read fresh (GET with instanceView, then each managed disk), because a tree node may be stale.
 */
export async function readVmForBackup(session: SubscriptionSession, vmId: string): Promise<VmBackupFacts> {
  const parts = parseResourceId(vmId);
  if (!parts) throw new Error(`Not a virtual machine resource ID: ${vmId}`);
  const compute = await computeClient(session);
  const vm = await compute.virtualMachines.get(parts.resourceGroup, parts.name, { expand: 'instanceView' });
  const diskIds = [vm.storageProfile?.osDisk?.managedDisk?.id, ...(vm.storageProfile?.dataDisks ?? []).map((d) => d.managedDisk?.id)]
    .filter((id): id is string => typeof id === 'string');
  const read = await Promise.all(diskIds.map(async (id) => {
    const d = parseResourceId(id);
    // A disk we may not read (another subscription, no access) is reported as unknown, not dropped.
    const disk = d ? await compute.disks.get(d.resourceGroup, d.name).catch(() => undefined) : undefined;
    return { id, disk };
  }));
  const disks = read.flatMap((r) => (r.disk ? [r.disk as unknown as EncryptedDiskLike] : []));
  const encryption = findEncryptionKeyVaults({ vm: vm as unknown as VmWithEncryptionLike, disks });
  return {
    vm: { id: vm.id ?? vmId, name: vm.name, location: vm.location ?? '', securityProfile: { securityType: vm.securityProfile?.securityType } },
    encryption,
    disks,
    unreadableDiskIds: read.filter((r) => !r.disk).map((r) => r.id),
  };
}
