import type { Disk, Snapshot, VirtualMachine } from '@azure/arm-compute';
import { parseArmResourceId } from '../../core/encryption/armResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';
import { collectPages } from '../inventory/collectPages.ts';

// Reads what the encryption flows decide on: the VM with its instance view (as `az vm encryption show` reads it),
// its managed disk resources (SKU, server-side encryption, sharing: the VM model does not carry them), and the
// snapshots taken of those disks (the article's backup-first rule).

export function vmNameParts(vmId: string): { resourceGroup: string; name: string } {
  const parts = parseArmResourceId(vmId);
  if (!parts?.resourceGroup || !parts.name) throw new Error(`Not a virtual machine id: ${vmId}`);
  return { resourceGroup: parts.resourceGroup, name: parts.name };
}

/** GET the VM with `$expand=instanceView`: power state, agent, the ADE extension's statuses, per-disk statuses. */
export async function getVmWithInstanceView(session: SubscriptionSession, vmId: string): Promise<VirtualMachine> {
  const { resourceGroup, name } = vmNameParts(vmId);
  return (await computeClient(session)).virtualMachines.get(resourceGroup, name, { expand: 'instanceView' });
}

/** The VM's managed disks (OS first); a disk that cannot be read is left out (the rules then say "could not tell"). */
export async function getVmDisks(session: SubscriptionSession, vm: VirtualMachine): Promise<Disk[]> {
  const compute = await computeClient(session);
  const ids = [vm.storageProfile?.osDisk?.managedDisk?.id, ...(vm.storageProfile?.dataDisks ?? []).map((d) => d.managedDisk?.id)]
    .filter((id): id is string => !!id);
  const disks = await Promise.all(ids.map(async (id) => {
    const parts = parseArmResourceId(id);
    if (!parts?.resourceGroup || !parts.name) return undefined;
    try {
      return await compute.disks.get(parts.resourceGroup, parts.name);
    } catch {
      return undefined;
    }
  }));
  return disks.filter((d): d is Disk => !!d);
}

/** Snapshots in the subscription whose source is one of `diskIds`, taken at or after `since`. */
export async function findRecentDiskSnapshots(session: SubscriptionSession, diskIds: readonly string[], since: Date): Promise<Snapshot[]> {
  const wanted = new Set(diskIds.map((id) => id.toLowerCase()));
  const snapshots = await collectPages((await computeClient(session)).snapshots.list());
  return snapshots.filter((s) => {
    const source = s.creationData?.sourceResourceId?.toLowerCase();
    const created = s.timeCreated ? new Date(s.timeCreated).getTime() : 0;
    return !!source && wanted.has(source) && created >= since.getTime() && (s.provisioningState ?? 'Succeeded') === 'Succeeded';
  });
}
