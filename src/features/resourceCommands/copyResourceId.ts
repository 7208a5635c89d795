import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { InventoryStore } from '../../azure/inventory/SubscriptionInventory.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';

export async function copyResourceId(accounts: AccountManager, inventories: InventoryStore, node?: ResourceNode): Promise<void> {
  const picked = await pickResource(accounts, inventories, node);
  await vscode.env.clipboard.writeText(picked.resource.id);
  vscode.window.setStatusBarMessage(vscode.l10n.t('Copied the resource ID of {0}', picked.resource.name ?? ''), 4000);
}
