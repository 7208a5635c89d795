import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { InventoryStore } from '../../azure/inventory/SubscriptionInventory.ts';
import { resolveCommandTarget, type CommandNode } from './resolveCommandTarget.ts';

export async function copyResourceId(accounts: AccountManager, inventories: InventoryStore, node?: CommandNode): Promise<void> {
  const target = await resolveCommandTarget(accounts, inventories, node);
  await vscode.env.clipboard.writeText(target.id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the resource ID of {0}', target.name), 4000);
}
