import type { KeyVaultLike, VirtualMachineLike } from '../encryption/adeModel.ts';
import { normalizeLocation, parseArmResourceId } from '../encryption/armResourceId.ts';
import type { Finding } from '../encryption/finding.ts';
import { findVaultInOtherRegion } from '../encryption/rules/findVaultInOtherRegion.ts';
import { findVaultInOtherSubscription } from '../encryption/rules/findVaultInOtherSubscription.ts';
import { findVaultNotEnabledForDiskEncryption } from '../encryption/rules/findVaultNotEnabledForDiskEncryption.ts';
import { findVaultWithoutRecoveryProtection } from '../encryption/rules/findVaultWithoutRecoveryProtection.ts';
import { localizable } from '../l10n/Translate.ts';

// Whether a key vault is ready to hold Azure Disk Encryption keys for a VM. The detection is the encryption core's
// pre-flight vault rules (so this and the pre-flight doctor never disagree); this file decides what the user can do
// about each finding: a property a PATCH can set is a fix, a vault in another region or subscription is a blocker
// (a vault cannot move, the user must pick another one).

/** A vault property one `vaults.update` (PATCH) can turn on. */
export type VaultFixKind = 'enabledForDiskEncryption' | 'softDelete' | 'purgeProtection';

/** Text for the shell to translate: `vscode.l10n.t(message, ...args)`. */
export interface LocalizableText {
  readonly message: string;
  readonly args: readonly string[];
}

export interface VaultFix {
  readonly kind: VaultFixKind;
  /** Required fixes make ADE work at all; recommended ones protect the keys. */
  readonly required: boolean;
  /** What is wrong and why it matters, in one sentence. */
  readonly problem: LocalizableText;
  /** What the fix does, as a confirmation line. */
  readonly action: LocalizableText;
  /** Set when the fix cannot be undone (purge protection). */
  readonly irreversible: boolean;
}

export interface VaultBlocker {
  readonly rule: 'region' | 'subscription';
  readonly problem: LocalizableText;
}

export interface VaultReadiness {
  readonly blockers: readonly VaultBlocker[];
  readonly fixes: readonly VaultFix[];
}

const TEXT = {
  notEnabled: localizable('Key vault "{0}" is not enabled for disk encryption, so Azure cannot read the key that unlocks the disks at boot and enabling encryption fails.'),
  enable: localizable('Enable "Azure Disk Encryption for volume encryption" (enabledForDiskEncryption).'),
  softDeleteOff: localizable('Soft delete is off on key vault "{0}": a deleted key could not be recovered and the encrypted VM could no longer boot.'),
  softDeleteOn: localizable('Turn on soft delete (deleted keys stay recoverable for 90 days).'),
  purgeOff: localizable('Purge protection is off on key vault "{0}": a deleted vault or key could be purged before its retention ends, and the disks could never be unlocked again.'),
  purgeOn: localizable('Turn on purge protection (recommended; it cannot be turned off again).'),
  region: localizable('Key vault "{0}" is in {1}, but the VM is in {2}: Azure Disk Encryption needs a vault in the same region as the VM.'),
  subscription: localizable('Key vault "{0}" is in subscription {1}, but the VM is in subscription {2}: Azure Disk Encryption needs a vault in the same subscription.'),
} as const;

/**
 * Blockers and fixes for `vault`. Without a VM (the command on a key vault node) region and subscription are not
 * checked: there is nothing to compare them with.
 */
export function assessVaultForEncryption(vault: KeyVaultLike, vm: VirtualMachineLike = {}): VaultReadiness {
  const context = { vm, vault, request: { operation: 'Enable' as const } };
  const name = vault.name ?? '';
  const blockers: VaultBlocker[] = [];
  if (findVaultInOtherRegion(context).length > 0) {
    blockers.push({ rule: 'region', problem: text(TEXT.region, name, normalizeLocation(vault.location) ?? '', normalizeLocation(vm.location) ?? '') });
  }
  if (findVaultInOtherSubscription(context).length > 0) {
    blockers.push({ rule: 'subscription', problem: text(TEXT.subscription, name, subscriptionOf(vault.id), subscriptionOf(vm.id)) });
  }
  const fixes: VaultFix[] = [];
  // The encryption identity waiver of the rule only applies to a VM that has one; without a VM, check the vault.
  const notEnabled = vm.id ? findVaultNotEnabledForDiskEncryption(context).length > 0 : vault.properties?.enabledForDiskEncryption !== true;
  if (notEnabled) {
    fixes.push({ kind: 'enabledForDiskEncryption', required: true, problem: text(TEXT.notEnabled, name), action: text(TEXT.enable), irreversible: false });
  }
  for (const f of findVaultWithoutRecoveryProtection(context)) {
    fixes.push(recoveryFix(f, name));
  }
  return { blockers, fixes };
}

function recoveryFix(f: Finding, name: string): VaultFix {
  return f.path === 'vault.properties.enableSoftDelete'
    ? { kind: 'softDelete', required: false, problem: text(TEXT.softDeleteOff, name), action: text(TEXT.softDeleteOn), irreversible: false }
    : { kind: 'purgeProtection', required: false, problem: text(TEXT.purgeOff, name), action: text(TEXT.purgeOn), irreversible: true };
}

function text(message: string, ...args: string[]): LocalizableText {
  return { message, args };
}

function subscriptionOf(id: string | undefined): string {
  return parseArmResourceId(id)?.subscriptionId ?? '';
}
