import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, unsupported: ephemeral OS disks.
export const EPHEMERAL_OS_DISK_RULE = 'ade.ephemeral-os-disk';

export const EPHEMERAL_OS_DISK_MESSAGES = {
  message: localizable('The OS disk is ephemeral (diffDiskSettings.option = Local, placed on the {placement}).'),
  why: localizable('Azure Disk Encryption does not support ephemeral OS disks: they live on the host\'s local storage and are reset on reimage.'),
  fix: localizable('Use encryption at host, or recreate the VM with a managed (persistent) OS disk.'),
} as const;

export function findEphemeralOsDisk(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const diff = context.vm.storageProfile?.osDisk?.diffDiskSettings;
  if ((diff?.option ?? '').toLowerCase() !== 'local') return [];
  return [finding(EPHEMERAL_OS_DISK_RULE, 'error', EPHEMERAL_OS_DISK_MESSAGES, {
    path: 'vm.storageProfile.osDisk.diffDiskSettings.option',
    params: { placement: diff?.placement ?? 'CacheDisk' },
  })];
}
