import * as vscode from 'vscode';
import type { Services } from '../../services.ts';
import { runCommand } from '../../shell/runCommand.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { disableDiskEncryption } from './disableDiskEncryption.ts';
import { enableDiskEncryption } from './enableDiskEncryption.ts';
import type { EncryptionDeps } from './EncryptionDeps.ts';
import { removeEncryptionExtension } from './removeEncryptionExtension.ts';
import { resumeEncryptionWatches } from './resumeEncryptionWatches.ts';
import { showEncryptionStatus } from './showEncryptionStatus.ts';

/** Azure Disk Encryption commands: one line each; from the tree they get the VM node, from the palette they ask. */
export function registerDiskEncryption(context: vscode.ExtensionContext, s: Services): void {
  const deps: EncryptionDeps = { accounts: s.accounts, inventories: s.inventories, tree: s.tree, documents: s.documents, logger: s.logger, memento: context.globalState };
  const register = (id: string, handler: (node?: ResourceNode) => Promise<void>) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(s.logger, id, handler)));

  register('azureLinuxVm.enableDiskEncryption', (node) => enableDiskEncryption(deps, node));
  register('azureLinuxVm.disableDiskEncryption', (node) => disableDiskEncryption(deps, node));
  register('azureLinuxVm.removeDiskEncryptionExtension', (node) => removeEncryptionExtension(deps, node));
  register('azureLinuxVm.showEncryptionStatus', (node) => showEncryptionStatus(deps, node));
  void resumeEncryptionWatches(deps);
}
