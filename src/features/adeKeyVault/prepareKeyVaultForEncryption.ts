import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { getVault } from '../../azure/keyVault/keyVaultManagement.ts';
import { assessVaultForEncryption } from '../../core/adeKeyVault/assessVaultForEncryption.ts';
import type { KeyVaultLike, VirtualMachineLike } from '../../core/encryption/adeModel.ts';
import { createKeyEncryptionKeyInVault } from './createKeyEncryptionKeyInVault.ts';
import { createKeyVaultForVm, resourceGroupOf } from './createKeyVaultForVm.ts';
import { offerVaultFixes } from './offerVaultFixes.ts';
import { translate, type AdeKeyVaultDeps } from './adeKeyVaultDeps.ts';
import { pickKeyEncryptionKey } from './pickKeyEncryptionKey.ts';
import { pickVaultForEncryption } from './pickVaultForEncryption.ts';

export interface KeyVaultPreparationOptions {
  /** 'ask': the user may choose no KEK; 'required': a KEK must be chosen; 'none': only the vault. */
  readonly kek: 'ask' | 'required' | 'none';
  /** A vault already chosen (the tree command): skip the vault picker. */
  readonly vault?: KeyVaultLike & { id: string };
  /**
   * The KEK an encrypted VM already uses (article 004: its keys may not change): skip the KEK picker and keep it.
   * `{}` keeps "no KEK".
   */
  readonly keepKek?: { readonly keyUrl?: string; readonly vaultId?: string };
}

export interface PreparedKeyVault {
  /** The vault as it is after the fixes (fresh from ARM). */
  readonly vault: KeyVaultLike & { id: string };
  /** The key encryption key: its versioned URL and the vault that holds it (the same vault here). */
  readonly kek?: { readonly keyUrl: string; readonly vaultId: string };
}

/**
 * The key vault side of Azure Disk Encryption, for the enable flow and the key vault command: pick or create a
 * vault in the VM's region and subscription, check it (enabledForDiskEncryption, region, subscription, soft delete,
 * purge protection) and fix what a PATCH can fix with one confirmation, then pick or create the key encryption key.
 * Throws UserCancelledError when the user backs out; a vault that cannot serve the VM is explained and picked again.
 */
export async function prepareKeyVaultForEncryption(
  deps: AdeKeyVaultDeps, session: SubscriptionSession, vm: VirtualMachineLike, options: KeyVaultPreparationOptions,
): Promise<PreparedKeyVault> {
  let vault = options.vault;
  while (!vault) {
    const pick = await pickVaultForEncryption(deps, session, vm);
    if (pick.kind === 'create') {
      vault = await createKeyVaultForVm(deps, session, { location: vm.location ?? '', vmName: vm.name, vmResourceGroup: resourceGroupOf(vm.id) }) as KeyVaultLike & { id: string };
      break;
    }
    const readiness = assessVaultForEncryption(pick.vault, vm);
    if (readiness.blockers.length === 0) {
      vault = pick.vault;
      break;
    }
    await vscode.window.showWarningMessage(readiness.blockers.map((b) => translate(b.problem)).join(' '), { modal: true });
  }

  // Decide on fresh properties: the listing the picker used may be minutes old.
  const fresh = (await getVault(session, vault.id)) as KeyVaultLike & { id: string };
  const readiness = assessVaultForEncryption(fresh, vm);
  if (readiness.blockers.length > 0) throw new Error(readiness.blockers.map((b) => translate(b.problem)).join(' '));
  const ready = (await offerVaultFixes(deps, session, fresh, readiness)) as KeyVaultLike & { id: string };

  if (options.kek === 'none') return { vault: ready };
  if (options.keepKek) {
    return options.keepKek.keyUrl ? { vault: ready, kek: { keyUrl: options.keepKek.keyUrl, vaultId: options.keepKek.vaultId ?? ready.id } } : { vault: ready };
  }
  const kekPick = await pickKeyEncryptionKey(session, ready, { optional: options.kek === 'ask' });
  if (kekPick.kind === 'none') return { vault: ready };
  const key = kekPick.kind === 'existing'
    ? kekPick.key
    : await createKeyEncryptionKeyInVault(deps, session, ready, suggestKeyName(vm));
  return { vault: ready, kek: { keyUrl: key.keyUrl, vaultId: ready.id } };
}

function suggestKeyName(vm: VirtualMachineLike): string {
  const base = (vm.name ?? '').toLowerCase().replace(/[^0-9a-z-]/g, '-').replace(/-{2,}/g, '-').replace(/^-|-$/g, '');
  return base ? `kek-${base}` : 'kek-ade';
}
