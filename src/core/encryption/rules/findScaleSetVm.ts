import { parseArmResourceId } from '../armResourceId.ts';
import { finding, type Finding } from '../finding.ts';
import {
  effectiveVolumeType, isEnableOperation, requestIncludesOs, type EncryptionPreflightContext,
} from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001 applies to Linux VMs and flexible scale sets, but lists as unsupported: encrypting the OS drive of
// Linux scale sets. Instances of a uniform scale set are encrypted through the scale set (az vmss encryption), not
// one by one.
export const SCALE_SET_VM_RULE = 'ade.scale-set-vm';

export const SCALE_SET_VM_MESSAGES = {
  uniform: {
    message: localizable('This VM is an instance of a uniform scale set.'),
    why: localizable('Instances of a uniform scale set are encrypted through the scale set\'s model, not one VM at a time, and the OS drive of a Linux scale set cannot be encrypted.'),
    fix: localizable('Encrypt data volumes from the scale set (az vmss encryption enable --volume-type Data).'),
  },
  os: {
    message: localizable('This VM belongs to scale set "{scaleSetName}" and the request includes the OS volume.'),
    why: localizable('Encrypting the OS drive of Linux scale-set VMs is not supported.'),
    fix: localizable('Choose the "Data" volume type.'),
  },
  dataOnly: {
    message: localizable('This VM belongs to scale set "{scaleSetName}"; only its data volumes will be encrypted.'),
    why: localizable('Azure Disk Encryption supports data volumes on VMs in flexible scale sets, not the OS drive.'),
  },
} as const;

export function findScaleSetVm(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const idTypes = parseArmResourceId(context.vm.id)?.types.map((t) => t.toLowerCase()) ?? [];
  if (idTypes[0] === 'virtualmachinescalesets') {
    return [finding(SCALE_SET_VM_RULE, 'error', SCALE_SET_VM_MESSAGES.uniform, { path: 'vm.id' })];
  }
  const scaleSetId = context.vm.virtualMachineScaleSet?.id;
  if (!scaleSetId || !effectiveVolumeType(context)) return [];
  const params = { scaleSetName: parseArmResourceId(scaleSetId)?.name ?? scaleSetId };
  return requestIncludesOs(context)
    ? [finding(SCALE_SET_VM_RULE, 'error', SCALE_SET_VM_MESSAGES.os, { path: 'request.volumeType', params })]
    : [finding(SCALE_SET_VM_RULE, 'info', SCALE_SET_VM_MESSAGES.dataOnly, { path: 'vm.virtualMachineScaleSet.id', params })];
}
