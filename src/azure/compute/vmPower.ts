// A VM's power operations and its state, for the export's consistency step.
import type { VirtualMachineModel } from '../../core/resources/models.ts';
import type { ResourceRef } from '../../core/exportDisk/exportTarget.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';
import type { LroOptions } from './diskAccess.ts';

/** The VM's model with its instance view (power state), fresh from ARM. */
export async function getVmWithInstanceView(session: SubscriptionSession, vm: Pick<ResourceRef, 'resourceGroup' | 'name'>): Promise<VirtualMachineModel & { id: string }> {
  const compute = await computeClient(session);
  return (await compute.virtualMachines.get(vm.resourceGroup, vm.name, { expand: 'instanceView' })) as VirtualMachineModel & { id: string };
}

/** Deallocate (not just power off): only a deallocated VM releases its disks for export and stops compute billing. */
export async function deallocateVm(session: SubscriptionSession, vm: Pick<ResourceRef, 'resourceGroup' | 'name'>, options: LroOptions = {}): Promise<void> {
  const compute = await computeClient(session);
  await compute.virtualMachines.deallocate(vm.resourceGroup, vm.name, options).pollUntilDone();
}

export async function startVm(session: SubscriptionSession, vm: Pick<ResourceRef, 'resourceGroup' | 'name'>, options: LroOptions = {}): Promise<void> {
  const compute = await computeClient(session);
  await compute.virtualMachines.start(vm.resourceGroup, vm.name, options).pollUntilDone();
}
