import { normalizeLocation, sameLocation } from '../armResourceId.ts';
import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// The key vault and the VM must be in the same Azure region (articles 001/004; the CLI checks it too).
export const VAULT_REGION_RULE = 'ade.vault-region';

export const VAULT_REGION_MESSAGES = {
  message: localizable('Key vault "{vaultName}" is in {vaultLocation}, but the VM is in {vmLocation}.'),
  why: localizable('Azure Disk Encryption requires the key vault and the VM to be in the same region; otherwise sending the disk encryption data fails.'),
  fix: localizable('Choose or create a key vault in {vmLocation}.'),
} as const;

export function findVaultInOtherRegion(context: EncryptionPreflightContext): Finding[] {
  const vault = context.vault;
  if (!isEnableOperation(context.request.operation) || !vault?.location || !context.vm.location) return [];
  if (sameLocation(vault.location, context.vm.location)) return [];
  return [finding(VAULT_REGION_RULE, 'error', VAULT_REGION_MESSAGES, {
    path: 'vault.location',
    params: {
      vaultName: vault.name ?? '', vaultLocation: normalizeLocation(vault.location) ?? '', vmLocation: normalizeLocation(context.vm.location) ?? '',
    },
  })];
}
