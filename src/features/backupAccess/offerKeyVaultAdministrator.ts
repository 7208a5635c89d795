import * as vscode from 'vscode';
import type { BackupAccessStep } from '../../core/backupAccess/backupAccessTypes.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

/**
 * The custom role could not be created (no Microsoft.Authorization/roleDefinitions/write): say why and offer the
 * built-in Key Vault Administrator, which the article also allows. Resolves when the user takes it.
 */
export async function offerKeyVaultAdministrator(step: BackupAccessStep, reason: string): Promise<void> {
  const scope = step.kind === 'createCustomRoleDefinition' ? step.scope : '';
  const use = vscode.l10n.t('Assign Key Vault Administrator');
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('The custom role could not be created in {0}: {1}', scope, reason),
    {
      modal: true,
      detail: vscode.l10n.t('Creating a role definition needs Microsoft.Authorization/roleDefinitions/write (for example Owner or User Access Administrator). The article also allows the built-in Key Vault Administrator role: it lets Azure Backup get, list and back up the keys and secrets, and much more than that.'),
    },
    use,
  );
  if (choice !== use) throw new UserCancelledError();
}
