import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, unsupported: NVMe disks. A VM whose disks are attached through the NVMe controller
// (storageProfile.diskControllerType = NVMe) presents its OS and data disks as NVMe devices.
export const NVME_CONTROLLER_RULE = 'ade.nvme-disk-controller';

export const NVME_CONTROLLER_MESSAGES = {
  message: localizable('The VM attaches its disks through the NVMe disk controller.'),
  why: localizable('Azure Disk Encryption does not support NVMe disks.'),
  fix: localizable('Use encryption at host for this VM, or a size and disk controller type of SCSI if the workload allows it.'),
} as const;

export function findNvmeDiskController(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  if ((context.vm.storageProfile?.diskControllerType ?? '').toLowerCase() !== 'nvme') return [];
  return [finding(NVME_CONTROLLER_RULE, 'error', NVME_CONTROLLER_MESSAGES, { path: 'vm.storageProfile.diskControllerType' })];
}
