import * as vscode from 'vscode';
import type { Services } from '../../services.ts';
import { runCommand } from '../../shell/runCommand.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { backUpNow } from './backUpNow.ts';
import { enableBackup } from './enableBackup.ts';

/** "Enable Backup…" and "Back Up Now…" on VM nodes (by contextValue) and in the palette (with pickers). */
export function registerEnableBackup(context: vscode.ExtensionContext, s: Services): void {
  const register = (id: string, handler: (node?: ResourceNode) => Promise<void>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(s.logger, id, handler)));
  register('azureLinuxVm.enableBackup', (node) => enableBackup(s, node));
  register('azureLinuxVm.backUpNow', (node) => backUpNow(s, node));
}
