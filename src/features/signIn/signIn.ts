import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';

export async function signIn(accounts: AccountManager): Promise<void> {
  const signedIn = await accounts.signIn();
  if (signedIn) vscode.window.setStatusBarMessage(vscode.l10n.t('Signed in to Azure'), 4000);
}
