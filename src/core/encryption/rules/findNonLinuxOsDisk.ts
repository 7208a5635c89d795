import { finding, type Finding } from '../finding.ts';
import type { EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// This flow drives AzureDiskEncryptionForLinux (DM-Crypt); Windows VMs use a different extension (BitLocker).
export const NON_LINUX_RULE = 'ade.not-linux';

export const NON_LINUX_MESSAGES = {
  message: localizable('The OS disk is a {osType} disk, not Linux.'),
  why: localizable('This uses the Linux extension (AzureDiskEncryptionForLinux, based on DM-Crypt); it cannot encrypt a {osType} VM.'),
  fix: localizable('Use Azure Disk Encryption for Windows VMs, or encryption at host.'),
} as const;

export function findNonLinuxOsDisk(context: EncryptionPreflightContext): Finding[] {
  const osType = context.vm.storageProfile?.osDisk?.osType;
  if (!osType || osType.toLowerCase() === 'linux') return [];
  return [finding(NON_LINUX_RULE, 'error', NON_LINUX_MESSAGES, { path: 'vm.storageProfile.osDisk.osType', params: { osType } })];
}
