import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { createKeyEncryptionKey, type KeyEncryptionKeyInfo } from '../../azure/keyVault/keyEncryptionKeys.ts';
import { signedInIdentity } from '../../azure/keyVault/signedInIdentity.ts';
import { explainKeyCreateDenied, isPermissionDenied } from '../../core/adeKeyVault/explainKeyCreateDenied.ts';
import { kekCreationChoices } from '../../core/adeKeyVault/keyEncryptionKeyChoices.ts';
import { validateKeyName } from '../../core/adeKeyVault/validateVaultName.ts';
import type { KeyVaultLike } from '../../core/encryption/adeModel.ts';
import { describeAzureError } from '../../core/errors/describeAzureError.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { translate, type AdeKeyVaultDeps } from './adeKeyVaultDeps.ts';

/**
 * Name, type and size, then creates the key. When Key Vault denies it, the user reads which permission is missing
 * under the vault's model and how to get it, and can copy the command an owner of the vault would run.
 */
export async function createKeyEncryptionKeyInVault(deps: AdeKeyVaultDeps, session: SubscriptionSession, vault: KeyVaultLike, suggestedName: string): Promise<KeyEncryptionKeyInfo> {
  const title = vscode.l10n.t('New key encryption key in {0}', vault.name ?? '');
  const name = await vscode.window.showInputBox({
    title,
    prompt: vscode.l10n.t('Key name (letters, digits and hyphens)'),
    value: suggestedName,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const problem = validateKeyName(value);
      return problem ? vscode.l10n.t(problem) : undefined;
    },
  });
  if (!name) throw new UserCancelledError();
  const choice = await vscode.window.showQuickPick(kekCreationChoices(vault).map((c) => ({
    label: translate(c.label),
    description: c.recommended ? vscode.l10n.t('Recommended') : undefined,
    choice: c,
  })), {
    title,
    placeHolder: vault.properties?.sku?.name?.toLowerCase() === 'premium'
      ? vscode.l10n.t('Key type and size')
      : vscode.l10n.t('Key type and size (HSM-protected keys need a Premium vault)'),
    ignoreFocusOut: true,
  });
  if (!choice) throw new UserCancelledError();
  try {
    const key = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Creating key {0} in {1}…', name, vault.name ?? ''), cancellable: true },
      (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return createKeyEncryptionKey(session, vault.properties?.vaultUri ?? '', { name, keyType: choice.choice.keyType, keySize: choice.choice.keySize }, abort.signal);
      },
    );
    deps.logger.info(`Created key encryption key ${key.keyUrl}`);
    return key;
  } catch (error) {
    if (!isPermissionDenied(describeAzureError(error))) throw error;
    deps.logger.error(`Creating key ${name} in ${vault.name ?? ''} was denied`, error);
    const me = await signedInIdentity(session).catch(() => ({}));
    const explained = explainKeyCreateDenied(vault, me);
    const copy = vscode.l10n.t('Copy Command');
    const answer = await vscode.window.showErrorMessage(`${translate(explained.explanation)} ${translate(explained.fix)}`, copy);
    if (answer === copy) {
      await vscode.env.clipboard.writeText(explained.command);
      vscode.window.setStatusBarMessage(vscode.l10n.t('Copied: {0}', explained.command), 6000);
    }
    // Already explained: end the flow without a second error.
    throw new UserCancelledError();
  }
}
