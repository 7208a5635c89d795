import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../azure/auth/readAuthSettings.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

/** VS Code's Microsoft account, or the Azure CLI's login (remote machines, code-server, custom clouds). */
export async function selectSignInMethod(): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('VS Code Microsoft account'), detail: vscode.l10n.t('Sign in with the account VS Code manages (Accounts menu).'), value: 'vscode' },
      { label: vscode.l10n.t('Azure CLI'), detail: vscode.l10n.t('Use the login of "az login" on the machine where the extension runs.'), value: 'azureCli' },
    ],
    { title: vscode.l10n.t('How do you want to sign in to Azure?'), ignoreFocusOut: true },
  );
  if (!picked) throw new UserCancelledError();
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('auth.method', picked.value, vscode.ConfigurationTarget.Global);
}
