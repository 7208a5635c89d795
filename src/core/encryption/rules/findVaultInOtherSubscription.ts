import { parseArmResourceId } from '../armResourceId.ts';
import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// The key vault and the VM must be in the same subscription (articles 001/004; the CLI checks it too).
export const VAULT_SUBSCRIPTION_RULE = 'ade.vault-subscription';

export const VAULT_SUBSCRIPTION_MESSAGES = {
  message: localizable('Key vault "{vaultName}" is in subscription {vaultSubscription}, but the VM is in {vmSubscription}.'),
  why: localizable('Azure Disk Encryption requires the key vault and the VM to be in the same subscription.'),
  fix: localizable('Choose or create a key vault in the VM\'s subscription.'),
} as const;

export function findVaultInOtherSubscription(context: EncryptionPreflightContext): Finding[] {
  const vault = context.vault;
  if (!isEnableOperation(context.request.operation) || !vault) return [];
  const vaultSub = parseArmResourceId(vault.id)?.subscriptionId;
  const vmSub = parseArmResourceId(context.vm.id)?.subscriptionId;
  if (!vaultSub || !vmSub || vaultSub.toLowerCase() === vmSub.toLowerCase()) return [];
  return [finding(VAULT_SUBSCRIPTION_RULE, 'error', VAULT_SUBSCRIPTION_MESSAGES, {
    path: 'vault.id', params: { vaultName: vault.name ?? '', vaultSubscription: vaultSub, vmSubscription: vmSub },
  })];
}
