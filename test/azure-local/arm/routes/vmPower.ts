// A VM's power state and what it does to its managed disks: a deallocated VM releases its disks' compute
// attachment (diskState Reserved), a started or stopped-but-allocated VM holds them (Attached).
import type { LocalAzureState, StoredResource } from '../../state/LocalAzureState.ts';
import { activeSasStates, type PowerState } from '../../state/model.ts';

/** Ids of the managed disks (OS first) attached to a VM. */
export function attachedDiskIds(vm: StoredResource): string[] {
  const storage = vm.resource.properties?.storageProfile ?? {};
  const ids = [storage.osDisk?.managedDisk?.id, ...(storage.dataDisks ?? []).map((d: any) => d.managedDisk?.id)];
  return ids.filter((id): id is string => typeof id === 'string');
}

export function setVmPowerState(state: LocalAzureState, vm: StoredResource, power: PowerState): void {
  vm.powerState = power;
  const diskState = power === 'deallocated' ? 'Reserved' : power === 'deallocating' ? undefined : 'Attached';
  if (!diskState) return;
  for (const id of attachedDiskIds(vm)) {
    const disk = state.get('disks', id);
    if (!disk?.resource.properties) continue;
    // A disk being exported keeps ActiveSAS; it returns to the VM-driven state when access is revoked.
    if (activeSasStates.has(disk.resource.properties.diskState)) {
      if (disk.grant) disk.grant.previousState = diskState;
      continue;
    }
    disk.resource.properties.diskState = diskState;
  }
}
