import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Recommended, not required: the vault holds the only copy of the keys that unlock the disks. If the vault, the
// secret or the KEK is deleted (by mistake or maliciously) the encrypted VM can no longer boot and its data is lost.
// Soft delete keeps deleted items recoverable for the retention period; purge protection forbids purging them early.
export const VAULT_RECOVERY_RULE = 'ade.vault-recovery-protection';

export const VAULT_RECOVERY_MESSAGES = {
  softDelete: {
    message: localizable('Soft delete is turned off on key vault "{vaultName}".'),
    why: localizable('The vault holds the keys that unlock the encrypted disks. If the vault or a key is deleted without soft delete, the VM can no longer boot and its data cannot be recovered.'),
    fix: localizable('Turn on soft delete (recommended), or use a vault that has it.'),
  },
  purgeProtection: {
    message: localizable('Purge protection is off on key vault "{vaultName}".'),
    why: localizable('Without purge protection, a deleted vault or key can be purged before the retention period ends, and the encrypted disks can then never be unlocked again. Purge protection cannot be turned off once enabled.'),
    fix: localizable('Enable purge protection on the vault (recommended).'),
  },
} as const;

export function findVaultWithoutRecoveryProtection(context: EncryptionPreflightContext): Finding[] {
  const vault = context.vault;
  if (!isEnableOperation(context.request.operation) || !vault) return [];
  const params = { vaultName: vault.name ?? '' };
  const out: Finding[] = [];
  // enableSoftDelete defaults to true (and can no longer be turned off on new vaults); only an explicit false counts.
  if (vault.properties?.enableSoftDelete === false) {
    out.push(finding(VAULT_RECOVERY_RULE, 'warning', VAULT_RECOVERY_MESSAGES.softDelete, { path: 'vault.properties.enableSoftDelete', params }));
  }
  if (vault.properties?.enablePurgeProtection !== true) {
    out.push(finding(VAULT_RECOVERY_RULE, 'warning', VAULT_RECOVERY_MESSAGES.purgeProtection, { path: 'vault.properties.enablePurgeProtection', params }));
  }
  return out;
}
