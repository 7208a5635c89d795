import * as vscode from 'vscode';
import type { KeyVaultModel } from '../../core/resources/models.ts';
import type { KeyVaultLike } from '../../core/encryption/adeModel.ts';
import { sameLocation } from '../../core/encryption/armResourceId.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { EncryptionDeps } from './EncryptionDeps.ts';
import type { EncryptionVm } from './pickEncryptionVm.ts';

// The key vault that receives the disk encryption secret. Until the key vault flow (readiness fixes, vault and key
// creation) lands, this picks from the vaults the tree lists; the pre-flight doctor checks the choice.

export async function pickAdeKeyVault(deps: EncryptionDeps, vm: EncryptionVm): Promise<KeyVaultLike> {
  const vaults = (await deps.inventories.for(vm.session).get<KeyVaultModel & KeyVaultLike>('keyVault'))
    .filter((v) => !!v.id)
    .sort((a, b) => Number(sameLocation(b.location, vm.location)) - Number(sameLocation(a.location, vm.location))
      || (a.name ?? '').localeCompare(b.name ?? ''));
  if (vaults.length === 0) {
    throw new Error(vscode.l10n.t('There is no key vault in {0}. Create one in {1}, enabled for disk encryption, and try again.', vm.session.name, vm.location));
  }
  const items = vaults.map((vault) => {
    const here = sameLocation(vault.location, vm.location);
    const enabled = vault.properties?.enabledForDiskEncryption === true;
    return {
      label: `$(${here && enabled ? 'key' : 'warning'}) ${vault.name ?? ''}`,
      description: [vault.location ?? '', enabled ? vscode.l10n.t('enabled for disk encryption') : vscode.l10n.t('not enabled for disk encryption')].join(' · '),
      detail: here ? undefined : vscode.l10n.t('Not in {0}: ADE needs the vault in the same region as the VM.', vm.location),
      vault,
    };
  });
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Key vault for the disk encryption keys of {0}', vm.name),
    placeHolder: vscode.l10n.t('Azure Disk Encryption stores each disk encryption key as a secret in this vault'),
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  if (!picked) throw new UserCancelledError();
  return picked.vault;
}
