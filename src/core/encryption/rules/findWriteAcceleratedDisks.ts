import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { listVmDisks } from '../vmDisks.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, unsupported: M-series VMs with Write Accelerator disks (Write Accelerator exists only on M-series).
export const WRITE_ACCELERATOR_RULE = 'ade.write-accelerator';

export const WRITE_ACCELERATOR_MESSAGES = {
  message: localizable('Disk "{diskName}" has Write Accelerator enabled on size {vmSize}.'),
  why: localizable('Azure Disk Encryption does not support M-series VMs with Write Accelerator disks.'),
  fix: localizable('Disable Write Accelerator on the disk (if the workload allows it), or use encryption at host.'),
} as const;

export function findWriteAcceleratedDisks(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const vmSize = context.vm.hardwareProfile?.vmSize ?? 'unknown';
  return listVmDisks(context.vm, context.disks)
    .filter((d) => d.writeAcceleratorEnabled)
    .map((d) => finding(WRITE_ACCELERATOR_RULE, 'error', WRITE_ACCELERATOR_MESSAGES, {
      path: `${d.path}.writeAcceleratorEnabled`, params: { diskName: d.name, vmSize },
    }));
}
