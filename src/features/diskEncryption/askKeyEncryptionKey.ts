import * as vscode from 'vscode';
import { DEFAULT_KEY_ENCRYPTION_ALGORITHM, KEY_ENCRYPTION_ALGORITHMS, type KeyEncryptionAlgorithm, type KeyVaultLike } from '../../core/encryption/adeModel.ts';
import { parseKeyUrl } from '../../core/encryption/keyVaultUrls.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

export type KekChoice = { readonly keyEncryptionKeyUrl: string; readonly keyEncryptionAlgorithm: KeyEncryptionAlgorithm } | undefined;

/**
 * With or without a key encryption key. With one: its versioned URL (typed in, or given by the key vault flow) and
 * the wrapping algorithm, RSA-OAEP by default.
 */
export async function askKeyEncryptionKey(vault: KeyVaultLike, suggestedKekUrl?: string): Promise<KekChoice> {
  const mode = await vscode.window.showQuickPick([
    { label: vscode.l10n.t('Without a key encryption key'), detail: vscode.l10n.t('The disk encryption keys are stored as secrets in the key vault.'), kek: false },
    { label: vscode.l10n.t('With a key encryption key (KEK)'), detail: vscode.l10n.t('The disk encryption keys are wrapped with a key from the key vault before they are stored.'), kek: true },
  ], { title: vscode.l10n.t('Key encryption key'), ignoreFocusOut: true });
  if (!mode) throw new UserCancelledError();
  if (!mode.kek) return undefined;

  const vaultUrl = vault.properties?.vaultUri ?? `https://${vault.name ?? 'vault'}.vault.azure.net/`;
  const url = suggestedKekUrl ?? await vscode.window.showInputBox({
    title: vscode.l10n.t('Key encryption key URL'),
    prompt: vscode.l10n.t('The full URL of the key, with its version'),
    placeHolder: `${vaultUrl}keys/<key-name>/<version>`,
    ignoreFocusOut: true,
    validateInput: (value) => {
      const key = parseKeyUrl(value);
      if (!key) return vscode.l10n.t('Enter a key URL like {0}keys/<key-name>/<version>.', vaultUrl);
      if (!key.version) return vscode.l10n.t('The URL must include the key version (…/keys/<key-name>/<version>).');
      return undefined;
    },
  });
  if (!url) throw new UserCancelledError();

  const algorithm = await vscode.window.showQuickPick(KEY_ENCRYPTION_ALGORITHMS.map((a) => ({
    label: a,
    description: a === DEFAULT_KEY_ENCRYPTION_ALGORITHM ? vscode.l10n.t('Default') : '',
  })), { title: vscode.l10n.t('Key encryption algorithm'), ignoreFocusOut: true });
  if (!algorithm) throw new UserCancelledError();
  return { keyEncryptionKeyUrl: url.trim(), keyEncryptionAlgorithm: algorithm.label as KeyEncryptionAlgorithm };
}
