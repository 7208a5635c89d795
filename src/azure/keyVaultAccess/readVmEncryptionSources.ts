import type { Disk, VirtualMachine } from '@azure/arm-compute';
import { parseResourceId } from '../../core/resources/parseResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';

export interface VmEncryptionSources {
  vm: VirtualMachine & { id: string };
  /** The VM's managed disks that could be read. */
  disks: Disk[];
  /** Those that could not (another subscription, no access): reported, not dropped. */
  unreadableDiskIds: string[];
}

/**
 * Everything that tells where a VM's ADE keys live: the VM with its status (`Get-AzVm -Status` shows the
 * SecretUrl there) and extensions, and each managed disk's encryptionSettingsCollection and dataAccessAuthMode.
 */
export async function readVmEncryptionSources(session: SubscriptionSession, vmId: string): Promise<VmEncryptionSources> {
  const parts = parseResourceId(vmId);
  if (!parts) throw new Error(`Not an ARM resource id: ${vmId}`);
  const compute = await computeClient(session);
  const vm = await compute.virtualMachines.get(parts.resourceGroup, parts.name, { expand: 'instanceView' });
  const diskIds = [vm.storageProfile?.osDisk?.managedDisk?.id, ...(vm.storageProfile?.dataDisks ?? []).map((d) => d.managedDisk?.id)]
    .filter((id): id is string => !!id);
  const read = await Promise.all(
    diskIds.map(async (id) => {
      const p = parseResourceId(id);
      if (!p || p.subscriptionId.toLowerCase() !== session.subscriptionId.toLowerCase()) return { id, disk: undefined };
      return { id, disk: await compute.disks.get(p.resourceGroup, p.name).catch(() => undefined) };
    }),
  );
  return {
    vm: { ...vm, id: vm.id ?? vmId },
    disks: read.flatMap((r) => (r.disk ? [r.disk] : [])),
    unreadableDiskIds: read.filter((r) => !r.disk).map((r) => r.id),
  };
}
