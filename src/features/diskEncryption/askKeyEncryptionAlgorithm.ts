import * as vscode from 'vscode';
import { DEFAULT_KEY_ENCRYPTION_ALGORITHM, KEY_ENCRYPTION_ALGORITHMS, type KeyEncryptionAlgorithm } from '../../core/encryption/adeModel.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

/** The algorithm ADE wraps the disk encryption keys with; RSA-OAEP unless the user chooses otherwise. */
export async function askKeyEncryptionAlgorithm(): Promise<KeyEncryptionAlgorithm> {
  const algorithm = await vscode.window.showQuickPick(KEY_ENCRYPTION_ALGORITHMS.map((a) => ({
    label: a,
    description: a === DEFAULT_KEY_ENCRYPTION_ALGORITHM ? vscode.l10n.t('Default') : '',
  })), { title: vscode.l10n.t('Key encryption algorithm'), ignoreFocusOut: true });
  if (!algorithm) throw new UserCancelledError();
  return algorithm.label as KeyEncryptionAlgorithm;
}
