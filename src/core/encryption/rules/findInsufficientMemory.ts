import { finding, type Finding } from '../finding.ts';
import { effectiveVolumeType, isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Minimum memory from the Linux overview's "Memory requirements" (the supported sizes article 001 points to):
//   data volumes only: 2 GB; OS and data with root (/) usage <= 4 GB: 8 GB; root usage > 4 GB: twice the usage.
// Once OS encryption completes, the VM can run with less memory again.
export const INSUFFICIENT_MEMORY_RULE = 'ade.insufficient-memory';

export const INSUFFICIENT_MEMORY_MESSAGES = {
  tooSmall: {
    message: localizable('Size {vmSize} has {memoryGb} GB of memory; encrypting {scope} needs at least {requiredGb} GB.'),
    why: localizable('Azure Disk Encryption needs enough memory to encrypt in place: 2 GB for data volumes only, 8 GB for the OS volume when the root file system uses 4 GB or less, and twice the root file system usage above that.'),
    fix: localizable('Resize the VM to a size with at least {requiredGb} GB of memory for the encryption; you can resize back down once OS encryption is complete.'),
  },
  rootUsageUnknown: {
    message: localizable('Encrypting the OS volume needs twice the root (/) file system usage in memory when it uses more than 4 GB; the VM has {memoryGb} GB.'),
    why: localizable('When the root file system usage is greater than 4 GB, the minimum memory is the usage times two (for example 16 GB used needs 32 GB of RAM).'),
    fix: localizable('Check the usage with "df -h /" in the VM; if it is above {maxRootGb} GB, resize the VM for the duration of the encryption.'),
  },
} as const;

export function findInsufficientMemory(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const memoryGb = context.vmMemoryGb;
  const volumeType = effectiveVolumeType(context);
  if (memoryGb === undefined || !volumeType) return [];
  const includesOs = volumeType !== 'Data';
  const rootGb = context.rootFileSystemUsageGb;
  const requiredGb = !includesOs ? 2 : rootGb !== undefined && rootGb > 4 ? Math.ceil(rootGb * 2) : 8;
  const vmSize = context.vm.hardwareProfile?.vmSize ?? 'unknown';
  const path = 'vm.hardwareProfile.vmSize';
  if (memoryGb < requiredGb) {
    return [finding(INSUFFICIENT_MEMORY_RULE, 'error', INSUFFICIENT_MEMORY_MESSAGES.tooSmall, {
      path, params: { vmSize, memoryGb, requiredGb, scope: includesOs ? 'the OS and data volumes' : 'data volumes' },
    })];
  }
  if (includesOs && rootGb === undefined) {
    return [finding(INSUFFICIENT_MEMORY_RULE, 'info', INSUFFICIENT_MEMORY_MESSAGES.rootUsageUnknown, {
      path, params: { memoryGb, maxRootGb: Math.max(4, Math.floor(memoryGb / 2)) },
    })];
  }
  return [];
}
