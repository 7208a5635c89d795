import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { parseVmSize } from '../vmSize.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001: disk encryption applies only to supported VM sizes; encrypting Basic tier VMs is not supported.
// The Linux overview it links to adds: not available on Basic, A-series, v6 series, v7 series or newer sizes.
export const UNSUPPORTED_VM_SIZE_RULE = 'ade.unsupported-vm-size';

export const UNSUPPORTED_VM_SIZE_MESSAGES = {
  basic: {
    message: localizable('Size {vmSize} is a Basic tier size.'),
    why: localizable('Azure Disk Encryption does not support Basic tier VMs.'),
    fix: localizable('Resize the VM to a supported Standard size (for example D-series v5), then encrypt.'),
  },
  aSeries: {
    message: localizable('Size {vmSize} is an A-series size.'),
    why: localizable('Azure Disk Encryption is not available on A-series VMs.'),
    fix: localizable('Resize the VM to a supported size (for example D-series v5), then encrypt.'),
  },
  newGeneration: {
    message: localizable('Size {vmSize} is a v{version} series size.'),
    why: localizable('Azure Disk Encryption is not available on v6 series, v7 series or newer sizes. Encryption at host is the supported option there.'),
    fix: localizable('Use encryption at host on this VM, or resize to a supported v5 (or older) size.'),
  },
} as const;

export function findUnsupportedVmSize(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const size = parseVmSize(context.vm.hardwareProfile?.vmSize);
  if (!size) return [];
  const path = 'vm.hardwareProfile.vmSize';
  if (size.tier.toLowerCase() === 'basic') {
    return [finding(UNSUPPORTED_VM_SIZE_RULE, 'error', UNSUPPORTED_VM_SIZE_MESSAGES.basic, { path, params: { vmSize: size.raw } })];
  }
  if (size.family === 'A') {
    return [finding(UNSUPPORTED_VM_SIZE_RULE, 'error', UNSUPPORTED_VM_SIZE_MESSAGES.aSeries, { path, params: { vmSize: size.raw } })];
  }
  if (size.version !== undefined && size.version >= 6) {
    return [finding(UNSUPPORTED_VM_SIZE_RULE, 'error', UNSUPPORTED_VM_SIZE_MESSAGES.newGeneration, {
      path, params: { vmSize: size.raw, version: size.version },
    })];
  }
  return [];
}
