import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, unsupported: applying ADE to a VM whose disks are encrypted with encryption at host.
export const ENCRYPTION_AT_HOST_RULE = 'ade.encryption-at-host';

export const ENCRYPTION_AT_HOST_MESSAGES = {
  message: localizable('Encryption at host is enabled on this VM.'),
  why: localizable('Azure Disk Encryption cannot be applied to a VM that uses encryption at host. Encryption at host already encrypts the disks, caches and temporary disk, and it is the recommended option for new VMs.'),
  fix: localizable('Keep encryption at host; you do not need Azure Disk Encryption on this VM.'),
} as const;

export function findEncryptionAtHost(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  if (context.vm.securityProfile?.encryptionAtHost !== true) return [];
  return [finding(ENCRYPTION_AT_HOST_RULE, 'error', ENCRYPTION_AT_HOST_MESSAGES, { path: 'vm.securityProfile.encryptionAtHost' })];
}
