import * as vscode from 'vscode';
import { SETTINGS_SECTION } from '../../azure/auth/readAuthSettings.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

const SOVEREIGN_NAMES: Record<string, 'AzureCloud' | 'ChinaCloud' | 'USGovernment'> = {
  AzureCloud: 'AzureCloud',
  AzureChinaCloud: 'ChinaCloud',
  AzureUSGovernment: 'USGovernment',
};

/**
 * Chooses the cloud. Sovereign clouds are also set for VS Code's Microsoft account (its own setting), so both
 * sign-in methods agree; a custom cloud opens our settings for its endpoints.
 */
export async function selectCloud(): Promise<void> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: vscode.l10n.t('Azure'), description: 'AzureCloud', value: 'AzureCloud' },
      { label: vscode.l10n.t('Azure China'), description: 'AzureChinaCloud', value: 'AzureChinaCloud' },
      { label: vscode.l10n.t('Azure US Government'), description: 'AzureUSGovernment', value: 'AzureUSGovernment' },
      { label: vscode.l10n.t('Custom cloud…'), description: vscode.l10n.t('Your own Resource Manager endpoint'), value: 'Custom' },
    ],
    { title: vscode.l10n.t('Select the Azure cloud'), ignoreFocusOut: true },
  );
  if (!picked) throw new UserCancelledError();
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('cloud', picked.value, vscode.ConfigurationTarget.Global);
  const sovereign = SOVEREIGN_NAMES[picked.value];
  if (sovereign) {
    const { setConfiguredAzureEnv } = await import('@microsoft/vscode-azext-azureauth');
    await setConfiguredAzureEnv(sovereign);
  } else {
    await vscode.commands.executeCommand('workbench.action.openSettings', `${SETTINGS_SECTION}.customCloud`);
  }
}
