// Azure Backup supports VMs encrypted with standalone keys; a KEK that is part of a certificate is not
// supported. Key Vault marks certificate-backed keys `managed: true`; the adapter passes that flag.

import { backupAccessFinding } from '../backupAccessText.ts';
import type { BackupAccessFinding } from '../backupAccessTypes.ts';
import type { BackupCheckContext } from './backupCheckContext.ts';

export function checkStandaloneKeyEncryptionKey(context: BackupCheckContext): BackupAccessFinding[] {
  if (context.encryption.keyKind !== 'bekAndKek' || context.kekBacksCertificate !== true) return [];
  const keyUrl = context.certificateKeyUrl ?? context.encryption.vaults.flatMap((v) => v.keyUrls)[0] ?? '';
  return [backupAccessFinding('backup.standaloneKeysOnly', 'error', { keyUrl })];
}
