// Which Recovery Services vaults can protect a VM. Azure Backup protects a VM only with a vault of the VM's own
// region, and the portal offers only vaults of the VM's subscription; for ADE-encrypted VMs the article adds that
// backup and restore work only within one subscription. A vault still being created can't be used yet.

import type { Translate } from '../l10n/Translate.ts';
import { parseResourceId } from '../resources/parseResourceId.ts';
import type { RecoveryVaultLike, VmForBackup } from './recoveryServicesTypes.ts';

export function sameAzureRegion(a: string | undefined, b: string | undefined): boolean {
  const norm = (s: string) => s.replace(/\s+/g, '').toLowerCase();
  return a !== undefined && b !== undefined && norm(a) === norm(b);
}

/** Why this vault can't protect this VM, as one sentence; undefined when it can. */
export function recoveryVaultProblem(vm: VmForBackup, vault: RecoveryVaultLike, usesAde: boolean, t: Translate): string | undefined {
  const vaultName = vault.name ?? vault.id ?? '';
  const vmName = vm.name ?? '';
  const vmSubscription = parseResourceId(vm.id)?.subscriptionId.toLowerCase();
  const vaultSubscription = vault.id ? parseResourceId(vault.id)?.subscriptionId.toLowerCase() : undefined;
  if (vmSubscription && vaultSubscription && vmSubscription !== vaultSubscription) {
    return usesAde
      ? t('Vault {0} is in another subscription: encrypted VMs are backed up and restored only within one subscription.', vaultName)
      : t('Vault {0} is in another subscription: a VM is protected by a vault in its own subscription.', vaultName);
  }
  if (!sameAzureRegion(vault.location, vm.location)) {
    return t('Vault {0} is in {1}, but {2} is in {3}: Azure Backup protects a VM only with a vault in the same region.', vaultName, vault.location ?? '?', vmName, vm.location ?? '?');
  }
  const state = vault.properties?.provisioningState;
  if (state && state.toLowerCase() !== 'succeeded') {
    return t('Vault {0} is not ready (provisioning state: {1}).', vaultName, state);
  }
  return undefined;
}

export interface VaultChoices<V extends RecoveryVaultLike> {
  readonly usable: V[];
  readonly unusable: Array<{ vault: V; problem: string }>;
}

/** Splits the subscription's vaults into those that can protect the VM and the others with their reason, each by name. */
export function partitionVaultsForVm<V extends RecoveryVaultLike>(vm: VmForBackup, vaults: readonly V[], usesAde: boolean, t: Translate): VaultChoices<V> {
  const byName = (a: V, b: V) => (a.name ?? '').localeCompare(b.name ?? '');
  const usable: V[] = [];
  const unusable: Array<{ vault: V; problem: string }> = [];
  for (const vault of [...vaults].sort(byName)) {
    const problem = recoveryVaultProblem(vm, vault, usesAde, t);
    if (problem) unusable.push({ vault, problem });
    else usable.push(vault);
  }
  return { usable, unusable };
}
