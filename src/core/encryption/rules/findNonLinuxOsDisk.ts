import { finding, type Finding } from '../finding.ts';
import type { EncryptionPreflightContext } from '../preflightContext.ts';

// This flow drives AzureDiskEncryptionForLinux (DM-Crypt); Windows VMs use a different extension (BitLocker).
export const NON_LINUX_RULE = 'ade.not-linux';

export const NON_LINUX_MESSAGES = {
  message: 'The OS disk is a {osType} disk, not Linux.',
  why: 'This uses the Linux extension (AzureDiskEncryptionForLinux, based on DM-Crypt); it cannot encrypt a {osType} VM.',
  fix: 'Use Azure Disk Encryption for Windows VMs, or encryption at host.',
} as const;

export function findNonLinuxOsDisk(context: EncryptionPreflightContext): Finding[] {
  const osType = context.vm.storageProfile?.osDisk?.osType;
  if (!osType || osType.toLowerCase() === 'linux') return [];
  return [finding(NON_LINUX_RULE, 'error', NON_LINUX_MESSAGES, { path: 'vm.storageProfile.osDisk.osType', params: { osType } })];
}
