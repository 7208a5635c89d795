import type { AdeOperation, VirtualMachineLike } from './adeModel.ts';
import type { AdeEncryptionStatus } from './parseEncryptionStatus.ts';
import { lookUpImageSupport } from './supportedDistributions.ts';
import { hasDataDisks } from './vmDisks.ts';
import type { VolumeTypeInput } from './volumeTypeRules.ts';

// Everything the volume type picker needs to know about the VM, read from its model: data disks, the image's
// distribution support (some versions support data disks only) and scale-set membership (encrypting the OS drive of
// a Linux scale-set VM is not supported). The picker then offers only what the articles allow, with the reason.
export function volumeTypeInputForVm(
  vm: VirtualMachineLike,
  operation: Exclude<AdeOperation, 'Disable'>,
  status?: AdeEncryptionStatus,
): VolumeTypeInput {
  const image = lookUpImageSupport(vm.storageProfile?.imageReference);
  return {
    operation,
    hasDataDisks: hasDataDisks(vm),
    ...(status ? { status } : {}),
    distroSupport: image.kind === 'listed' ? image.image.support : 'unknown',
    scaleSetMember: !!vm.virtualMachineScaleSet?.id,
  };
}
