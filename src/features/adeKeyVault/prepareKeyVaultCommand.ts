import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { KeyVaultLike } from '../../core/encryption/adeModel.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';
import type { AdeKeyVaultDeps } from './adeKeyVaultDeps.ts';
import { prepareKeyVaultForEncryption } from './prepareKeyVaultForEncryption.ts';

/**
 * "Prepare for Disk Encryption…" on a key vault (tree node or palette): the same checks and fixes as the enable
 * flow, for the vault's own properties (without a VM there is no region to compare; the summary names the region
 * the vault can serve), then an optional key encryption key whose versioned URL can be copied.
 */
export async function prepareKeyVaultCommand(deps: AdeKeyVaultDeps & { accounts: AccountManager }, node?: ResourceNode): Promise<void> {
  const picked = await pickResource(deps.accounts, deps.inventories, node, ['keyVault']);
  const vault = picked.resource as KeyVaultLike & { id: string };
  const result = await prepareKeyVaultForEncryption(deps, picked.session, {}, { kek: 'ask', vault });
  const location = result.vault.location ?? vault.location ?? '';
  if (!result.kek) {
    vscode.window.showInformationMessage(vscode.l10n.t('Key vault {0} is ready for Azure Disk Encryption of VMs in {1}.', result.vault.name ?? '', location));
    return;
  }
  const copy = vscode.l10n.t('Copy Key URL');
  const answer = await vscode.window.showInformationMessage(
    vscode.l10n.t('Key vault {0} is ready for Azure Disk Encryption of VMs in {1}. Key encryption key: {2}', result.vault.name ?? '', location, result.kek.keyUrl),
    copy,
  );
  if (answer === copy) await vscode.env.clipboard.writeText(result.kek.keyUrl);
}
