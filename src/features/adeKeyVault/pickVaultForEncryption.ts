import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { assessVaultForEncryption } from '../../core/adeKeyVault/assessVaultForEncryption.ts';
import type { KeyVaultLike, VirtualMachineLike } from '../../core/encryption/adeModel.ts';
import { sameLocation } from '../../core/encryption/armResourceId.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { AdeKeyVaultDeps } from './adeKeyVaultDeps.ts';

export type VaultPick = { readonly kind: 'existing'; readonly vault: KeyVaultLike & { id: string } } | { readonly kind: 'create' };

/**
 * Vaults of the subscription, usable ones first: same region, then by name. Each shows what it lacks, so the user
 * sees before picking whether it can be fixed (enable, purge protection) or not at all (another region).
 */
export async function pickVaultForEncryption(deps: AdeKeyVaultDeps, session: SubscriptionSession, vm: VirtualMachineLike): Promise<VaultPick> {
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { pick?: VaultPick }>();
  quickPick.title = vscode.l10n.t('Key vault for the disk encryption keys of {0}', vm.name ?? '');
  quickPick.placeholder = vscode.l10n.t('Loading…');
  quickPick.busy = true;
  quickPick.ignoreFocusOut = true;
  quickPick.matchOnDescription = true;
  quickPick.show();
  try {
    const vaults = (await deps.inventories.for(session).get<KeyVaultLike>('keyVault'))
      .filter((v): v is KeyVaultLike & { id: string } => typeof v.id === 'string')
      .sort((a, b) => Number(sameLocation(b.location, vm.location)) - Number(sameLocation(a.location, vm.location)) || (a.name ?? '').localeCompare(b.name ?? ''));
    const create = { label: `$(add) ${vscode.l10n.t('Create a new key vault in {0}…', vm.location ?? '')}`, pick: { kind: 'create' } as VaultPick };
    quickPick.items = [create, { label: '', kind: vscode.QuickPickItemKind.Separator }, ...vaults.map((vault) => {
      const readiness = assessVaultForEncryption(vault, vm);
      const blocked = readiness.blockers.length > 0;
      const required = readiness.fixes.some((f) => f.required);
      const state = blocked ? vscode.l10n.t('cannot be used')
        : required ? vscode.l10n.t('needs a fix')
          : readiness.fixes.length ? vscode.l10n.t('ready · protection recommended') : vscode.l10n.t('ready');
      return {
        label: `$(${blocked ? 'error' : required || readiness.fixes.length ? 'warning' : 'key'}) ${vault.name ?? ''}`,
        description: [vault.location ?? '', state].join(' · '),
        detail: blocked ? vscode.l10n.t(readiness.blockers[0].problem.message, ...readiness.blockers[0].problem.args) : undefined,
        pick: { kind: 'existing', vault } as VaultPick,
      };
    })];
    quickPick.placeholder = vscode.l10n.t('Azure Disk Encryption stores each disk encryption key as a secret in this vault');
    quickPick.busy = false;
    const picked = await new Promise<VaultPick | undefined>((resolve) => {
      quickPick.onDidAccept(() => resolve(quickPick.selectedItems[0]?.pick));
      quickPick.onDidHide(() => resolve(undefined));
    });
    if (!picked) throw new UserCancelledError();
    return picked;
  } finally {
    quickPick.dispose();
  }
}
