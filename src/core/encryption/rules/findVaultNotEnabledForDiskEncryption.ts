import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// The vault must be enabled for disk encryption (enabledForDiskEncryption) so the Azure platform can read the key
// when the VM boots. The CLI waives it when the VM has an encryption identity (securityProfile.encryptionIdentity).
export const VAULT_DISK_ENCRYPTION_RULE = 'ade.vault-not-enabled-for-disk-encryption';

export const VAULT_DISK_ENCRYPTION_MESSAGES = {
  message: localizable('Key vault "{vaultName}" is not enabled for disk encryption.'),
  why: localizable('Without the "Azure Disk Encryption for volume encryption" access policy setting (enabledForDiskEncryption), the Azure platform cannot read the encryption key to unlock the disks at boot, and enabling fails.'),
  fix: localizable('Enable "Azure Disk Encryption for volume encryption" on the vault (az keyvault update --enabled-for-disk-encryption true).'),
} as const;

export function findVaultNotEnabledForDiskEncryption(context: EncryptionPreflightContext): Finding[] {
  const vault = context.vault;
  if (!isEnableOperation(context.request.operation) || !vault) return [];
  if (vault.properties?.enabledForDiskEncryption === true) return [];
  if (context.vm.securityProfile?.encryptionIdentity?.userAssignedIdentityResourceId) return [];
  return [finding(VAULT_DISK_ENCRYPTION_RULE, 'error', VAULT_DISK_ENCRYPTION_MESSAGES, {
    path: 'vault.properties.enabledForDiskEncryption', params: { vaultName: vault.name ?? '' },
  })];
}
