import * as vscode from 'vscode';
import type { Services } from '../../services.ts';
import { runCommand } from '../../shell/runCommand.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { allowBackupKeyVaultAccess } from './allowBackupKeyVaultAccess.ts';

export const ALLOW_BACKUP_KEY_VAULT_ACCESS = 'azureLinuxVm.allowBackupKeyVaultAccess';

export function registerBackupAccess(context: vscode.ExtensionContext, s: Services): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(ALLOW_BACKUP_KEY_VAULT_ACCESS, runCommand(s.logger, ALLOW_BACKUP_KEY_VAULT_ACCESS, (node?: ResourceNode) => allowBackupKeyVaultAccess(s, node))),
  );
}
