import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { InventoryStore } from '../../azure/inventory/SubscriptionInventory.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';
import { portalUrlForResource } from '../../core/resources/portalUrlForResource.ts';

export async function openInPortal(accounts: AccountManager, inventories: InventoryStore, node?: ResourceNode): Promise<void> {
  const picked = await pickResource(accounts, inventories, node);
  await vscode.env.openExternal(vscode.Uri.parse(portalUrlForResource(picked.session.cloud.portalUrl, picked.session.tenantId, picked.resource.id)));
}
