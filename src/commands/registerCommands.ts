import * as vscode from 'vscode';
import { copyResourceId } from '../features/resourceCommands/copyResourceId.ts';
import { openInPortal } from '../features/resourceCommands/openInPortal.ts';
import type { CommandNode } from '../features/resourceCommands/resolveCommandTarget.ts';
import { viewProperties } from '../features/resourceCommands/viewProperties.ts';
import { selectCloud } from '../features/signIn/selectCloud.ts';
import { selectSignInMethod } from '../features/signIn/selectSignInMethod.ts';
import { selectSubscriptions } from '../features/signIn/selectSubscriptions.ts';
import { signIn } from '../features/signIn/signIn.ts';
import type { Services } from '../services.ts';
import { runCommand } from '../shell/runCommand.ts';
import type { ErrorNode } from '../tree/nodes/ErrorNode.ts';
import type { TreeNode } from '../tree/TreeNode.ts';

/** One line per command. Each takes an optional tree node; from the palette it asks with pickers instead. */
export function registerCommands(context: vscode.ExtensionContext, s: Services): void {
  const register = (id: string, handler: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(s.logger, id, handler as (...args: unknown[]) => unknown)));

  register('azureLinuxVm.signIn', () => signIn(s.accounts));
  register('azureLinuxVm.selectSubscriptions', () => selectSubscriptions(s.accounts));
  // From a "Sign in to tenant" row the tenant comes along; from the palette the user picks one.
  register('azureLinuxVm.signInToTenant', (tenantId?: unknown) => s.accounts.signInToTenant(typeof tenantId === 'string' ? tenantId : undefined));
  register('azureLinuxVm.selectSignInMethod', () => selectSignInMethod());
  register('azureLinuxVm.selectCloud', () => selectCloud());
  register('azureLinuxVm.refresh', () => s.tree.refresh());
  register('azureLinuxVm.refreshNode', (node?: TreeNode) => s.tree.refresh(node));
  register('azureLinuxVm.retry', (node?: ErrorNode) => s.tree.refresh(node?.retryTarget));
  register('azureLinuxVm.viewProperties', (node?: CommandNode) => viewProperties(s.accounts, s.inventories, s.documents, node));
  register('azureLinuxVm.copyResourceId', (node?: CommandNode) => copyResourceId(s.accounts, s.inventories, node));
  register('azureLinuxVm.openInPortal', (node?: CommandNode) => openInPortal(s.accounts, s.inventories, node));
  register('azureLinuxVm.showLog', () => s.channel.show());
}
