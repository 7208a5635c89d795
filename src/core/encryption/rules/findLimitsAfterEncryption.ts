import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, requestIncludesOs, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001: what an encrypted VM can no longer do. Shown before enabling because it cannot be undone.
export const LIMITS_AFTER_ENCRYPTION_RULE = 'ade.limits-after-encryption';

export const LIMITS_AFTER_ENCRYPTION_MESSAGES = {
  general: {
    message: localizable('Once encrypted, the VM cannot be moved to another subscription or region, its images or snapshots cannot be used to deploy other VMs, and it cannot be migrated to encryption at host or SSE with customer-managed keys.'),
    why: localizable('These are unsupported scenarios for VMs that are, or ever were, encrypted with Azure Disk Encryption.'),
  },
  osIrreversible: {
    message: localizable('Encrypting the OS volume cannot be undone: encryption can no longer be disabled on this VM, for data volumes either.'),
    why: localizable('On Linux, disabling encryption is not supported on data or OS volumes once the OS volume is encrypted.'),
    fix: localizable('Choose "Data" if you may need to disable encryption later.'),
  },
} as const;

export function findLimitsAfterEncryption(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const out = [finding(LIMITS_AFTER_ENCRYPTION_RULE, 'info', LIMITS_AFTER_ENCRYPTION_MESSAGES.general)];
  if (requestIncludesOs(context)) {
    out.push(finding(LIMITS_AFTER_ENCRYPTION_RULE, 'warning', LIMITS_AFTER_ENCRYPTION_MESSAGES.osIrreversible, { path: 'request.volumeType' }));
  }
  return out;
}
