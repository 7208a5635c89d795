import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { listKeyEncryptionKeys, type KeyEncryptionKeyInfo } from '../../azure/keyVault/keyEncryptionKeys.ts';
import { isPermissionDenied } from '../../core/adeKeyVault/explainKeyCreateDenied.ts';
import { whyKeyCannotBeKek } from '../../core/adeKeyVault/keyEncryptionKeyChoices.ts';
import type { KeyVaultLike } from '../../core/encryption/adeModel.ts';
import { describeAzureError } from '../../core/errors/describeAzureError.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { translate } from './adeKeyVaultDeps.ts';

export type KekPick = { readonly kind: 'existing'; readonly key: KeyEncryptionKeyInfo } | { readonly kind: 'create' } | { readonly kind: 'none' };

/**
 * The vault's keys with their current version (the KEK URL ADE needs carries it), "Create a new key…", and, when a
 * KEK is optional, "No key encryption key". A key that cannot wrap is shown with the reason and not accepted. When
 * the keys cannot be listed (no list permission), creating one is still offered.
 */
export async function pickKeyEncryptionKey(session: SubscriptionSession, vault: KeyVaultLike, options: { optional: boolean }): Promise<KekPick> {
  const quickPick = vscode.window.createQuickPick<vscode.QuickPickItem & { pick?: KekPick; unusable?: string }>();
  quickPick.title = vscode.l10n.t('Key encryption key in {0}', vault.name ?? '');
  quickPick.placeholder = vscode.l10n.t('Loading keys…');
  quickPick.busy = true;
  quickPick.ignoreFocusOut = true;
  quickPick.show();
  try {
    let keys: KeyEncryptionKeyInfo[] = [];
    let listProblem: string | undefined;
    try {
      keys = await listKeyEncryptionKeys(session, vault.properties?.vaultUri ?? '');
    } catch (error) {
      // Whatever stops the listing (permissions, a firewall, a private endpoint out of reach), the user can still
      // create a key or go on without one: say why the list is empty instead of ending the flow.
      const summary = describeAzureError(error);
      listProblem = isPermissionDenied(summary)
        ? vscode.l10n.t('Your account may not list the keys of this vault.')
        : vscode.l10n.t('The keys of this vault could not be listed: {0}', summary.code ? `${summary.code}: ${summary.message}` : summary.message);
    }
    const now = new Date();
    const fixed: Array<vscode.QuickPickItem & { pick?: KekPick }> = [
      { label: `$(add) ${vscode.l10n.t('Create a new key…')}`, detail: listProblem, pick: { kind: 'create' } },
      ...(options.optional ? [{ label: `$(circle-slash) ${vscode.l10n.t('No key encryption key')}`, detail: vscode.l10n.t('The disk encryption keys are stored as secrets without wrapping.'), pick: { kind: 'none' } as KekPick }] : []),
    ];
    quickPick.items = [...fixed, ...(keys.length ? [{ label: vscode.l10n.t('Keys'), kind: vscode.QuickPickItemKind.Separator }] : []), ...keys.map((key) => {
      const why = whyKeyCannotBeKek(key, now);
      return {
        label: `$(${why ? 'circle-slash' : 'key'}) ${key.name}`,
        description: [key.keyType, key.keySize ? String(key.keySize) : '', vscode.l10n.t('version {0}', key.version.slice(0, 8))].filter(Boolean).join(' · '),
        detail: why ? translate(why) : key.keyUrl,
        pick: { kind: 'existing', key } as KekPick,
        unusable: why ? translate(why) : undefined,
      };
    })];
    quickPick.placeholder = vscode.l10n.t('The key that wraps the disk encryption keys');
    quickPick.busy = false;
    const picked = await new Promise<KekPick | undefined>((resolve) => {
      quickPick.onDidAccept(() => {
        const item = quickPick.selectedItems[0];
        if (item?.unusable) {
          // Stay open and say why in the title (QuickPick has no validation message in this VS Code API).
          quickPick.title = vscode.l10n.t('{0} cannot be used: {1}', item.label.replace(/^\$\([^)]*\)\s*/, ''), item.unusable);
          return;
        }
        resolve(item?.pick);
      });
      quickPick.onDidHide(() => resolve(undefined));
    });
    if (!picked) throw new UserCancelledError();
    return picked;
  } finally {
    quickPick.dispose();
  }
}
