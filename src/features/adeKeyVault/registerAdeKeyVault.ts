import * as vscode from 'vscode';
import type { Services } from '../../services.ts';
import { runCommand } from '../../shell/runCommand.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { prepareKeyVaultCommand } from './prepareKeyVaultCommand.ts';

/** The key vault side of Azure Disk Encryption: its tree/palette command. The enable flow calls prepareKeyVaultForEncryption. */
export function registerAdeKeyVault(context: vscode.ExtensionContext, services: Services): void {
  const id = 'azureLinuxVm.prepareKeyVaultForDiskEncryption';
  context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(services.logger, id, (node?: ResourceNode) => prepareKeyVaultCommand(services, node))));
}
