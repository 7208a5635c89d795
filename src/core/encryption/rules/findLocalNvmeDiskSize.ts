import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { parseVmSize } from '../vmSize.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, unsupported: NVMe disks such as those on high-performance-computing sizes and storage-optimized sizes.
// Those local NVMe disks are not encrypted by ADE; EncryptFormatAll must not be relied on for them. The article lists
// the NVMe disks as unsupported, not the size: the managed disks of such a VM are encrypted as on any size, so this is
// a warning (what stays unencrypted), and the finding says so. An NVMe disk controller, which makes the managed disks
// themselves NVMe devices, is an error (findNvmeDiskController).
export const LOCAL_NVME_SIZE_RULE = 'ade.local-nvme-size';

/** Storage-optimized (L) and HPC (HB, HC, HX) families come with local NVMe disks. */
const LOCAL_NVME_FAMILIES = new Set(['L', 'HB', 'HC', 'HX']);

export const LOCAL_NVME_SIZE_MESSAGES = {
  message: localizable('Size {vmSize} has local NVMe disks.'),
  why: localizable('Azure Disk Encryption does not support NVMe disks such as those of HPC and storage-optimized sizes: they stay unencrypted, and their content is lost when the VM is deallocated. This is a warning, not a blocker: the VM\'s managed OS and data disks are encrypted as usual; only the local NVMe disks are left out.'),
  fix: localizable('Do not keep data that must be encrypted on the local NVMe disks, or use encryption at host.'),
} as const;

export function findLocalNvmeDiskSize(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const size = parseVmSize(context.vm.hardwareProfile?.vmSize);
  if (!size || !LOCAL_NVME_FAMILIES.has(size.family)) return [];
  return [finding(LOCAL_NVME_SIZE_RULE, 'warning', LOCAL_NVME_SIZE_MESSAGES, {
    path: 'vm.hardwareProfile.vmSize', params: { vmSize: size.raw },
  })];
}
