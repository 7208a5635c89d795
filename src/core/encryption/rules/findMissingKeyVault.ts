import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// ADE stores the disk encryption key (a secret) in a key vault; enabling needs one.
export const MISSING_KEY_VAULT_RULE = 'ade.vault-missing';

export const MISSING_KEY_VAULT_MESSAGES = {
  message: localizable('No key vault was chosen for the disk encryption key.'),
  why: localizable('Azure Disk Encryption stores the disk encryption key as a secret in an Azure Key Vault in the same region and subscription as the VM.'),
  fix: localizable('Choose a key vault in {location}, or create one enabled for disk encryption.'),
} as const;

export function findMissingKeyVault(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation) || context.vault) return [];
  return [finding(MISSING_KEY_VAULT_RULE, 'error', MISSING_KEY_VAULT_MESSAGES, {
    path: 'vault', params: { location: context.vm.location ?? 'the VM\'s region' },
  })];
}
