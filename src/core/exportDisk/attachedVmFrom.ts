// The VM side of the consistency decision, read from the VM's model (with its instance view).
import type { VirtualMachineModel } from '../resources/models.ts';
import { vmPowerState } from '../resources/vmPowerState.ts';
import { resourceRef } from './exportTarget.ts';
import type { AttachedVm } from './planConsistency.ts';

export function attachedVmFrom(vm: VirtualMachineModel & { readonly id: string }): AttachedVm {
  const profile = vm.storageProfile;
  const osDiskId = profile?.osDisk?.managedDisk?.id;
  const dataDiskIds = (profile?.dataDisks ?? []).map((d) => d.managedDisk?.id).filter((id): id is string => typeof id === 'string');
  return {
    ...resourceRef(vm.id),
    location: vm.location,
    power: vmPowerState(vm.instanceView?.statuses),
    diskIds: [...(osDiskId ? [osDiskId] : []), ...dataDiskIds],
    dataDiskCount: profile?.dataDisks?.length ?? 0,
  };
}
