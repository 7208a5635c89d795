import * as vscode from 'vscode';
import type { RbacRoleChoice } from '../../core/backupAccess/backupAccessTypes.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

/** RBAC vaults: the article allows Key Vault Administrator; the custom role with five data actions is enough. */
export async function pickRbacRole(vaultNames: string[]): Promise<RbacRoleChoice> {
  const items: Array<vscode.QuickPickItem & { choice: RbacRoleChoice }> = [
    {
      label: vscode.l10n.t('$(shield) Custom role with the five data actions (recommended)'),
      description: vscode.l10n.t('least privilege'),
      detail: vscode.l10n.t('Get, list and back up keys and secrets only. Created once in the subscription if it does not exist, then reused.'),
      choice: 'leastPrivilegeCustomRole',
    },
    {
      label: vscode.l10n.t('$(key) Key Vault Administrator'),
      description: vscode.l10n.t('built-in role'),
      detail: vscode.l10n.t('Everything on the keys, secrets and certificates of the vault: more than Azure Backup needs.'),
      choice: 'keyVaultAdministrator',
    },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Role for Azure Backup on {0}', vaultNames.join(', ')),
    placeHolder: vscode.l10n.t('Which role should the Backup Management Service get on the key vault?'),
    ignoreFocusOut: true,
  });
  if (!picked) throw new UserCancelledError();
  return picked.choice;
}
