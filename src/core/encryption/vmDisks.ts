import type { ManagedDiskLike, VirtualMachineLike } from './adeModel.ts';
import { sameArmId } from './armResourceId.ts';

/** One disk of the VM as the rules see it: the VM model's view merged with the disk resource when we have it. */
export type VmDiskRef = {
  readonly role: 'os' | 'data';
  readonly name: string;
  /** Managed disk id, or the VHD URI of an unmanaged disk. */
  readonly id?: string;
  readonly lun?: number;
  /** Path of the disk in the VM model, e.g. `vm.storageProfile.dataDisks[0]`. */
  readonly path: string;
  readonly storageAccountType?: string;
  readonly diskEncryptionSetId?: string;
  readonly writeAcceleratorEnabled: boolean;
  /** An unmanaged disk: a VHD blob in a storage account (no managed disk resource, no managed snapshot). */
  readonly unmanaged: boolean;
  readonly resource?: ManagedDiskLike;
};

/** The OS disk then the data disks (skipping ones being detached), joined with their disk resources by id. */
export function listVmDisks(vm: VirtualMachineLike, diskResources: readonly ManagedDiskLike[] = []): VmDiskRef[] {
  const out: VmDiskRef[] = [];
  const find = (id: string | undefined) => diskResources.find((d) => sameArmId(d.id, id));
  const os = vm.storageProfile?.osDisk;
  if (os) {
    const id = os.managedDisk?.id ?? os.vhd?.uri;
    const resource = find(os.managedDisk?.id);
    out.push({
      role: 'os',
      name: os.name ?? resource?.name ?? 'OS disk',
      ...(id ? { id } : {}),
      path: 'vm.storageProfile.osDisk',
      ...optional('storageAccountType', os.managedDisk?.storageAccountType ?? resource?.sku?.name),
      ...optional('diskEncryptionSetId', os.managedDisk?.diskEncryptionSet?.id ?? resource?.encryption?.diskEncryptionSetId),
      writeAcceleratorEnabled: os.writeAcceleratorEnabled === true,
      unmanaged: !os.managedDisk && !!os.vhd?.uri,
      ...(resource ? { resource } : {}),
    });
  }
  (vm.storageProfile?.dataDisks ?? []).forEach((d, i) => {
    if (d.toBeDetached) return;
    const id = d.managedDisk?.id ?? d.vhd?.uri;
    const resource = find(d.managedDisk?.id);
    out.push({
      role: 'data',
      name: d.name ?? resource?.name ?? `LUN ${d.lun ?? i}`,
      ...(id ? { id } : {}),
      ...(d.lun !== undefined ? { lun: d.lun } : {}),
      path: `vm.storageProfile.dataDisks[${i}]`,
      ...optional('storageAccountType', d.managedDisk?.storageAccountType ?? resource?.sku?.name),
      ...optional('diskEncryptionSetId', d.managedDisk?.diskEncryptionSet?.id ?? resource?.encryption?.diskEncryptionSetId),
      writeAcceleratorEnabled: d.writeAcceleratorEnabled === true,
      unmanaged: !d.managedDisk && !!d.vhd?.uri,
      ...(resource ? { resource } : {}),
    });
  });
  return out;
}

export function hasDataDisks(vm: VirtualMachineLike): boolean {
  return (vm.storageProfile?.dataDisks ?? []).some((d) => !d.toBeDetached);
}

function optional<K extends string>(key: K, value: string | undefined): { [P in K]?: string } {
  return (value ? { [key]: value } : {}) as { [P in K]?: string };
}
