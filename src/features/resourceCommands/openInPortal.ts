import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { InventoryStore } from '../../azure/inventory/SubscriptionInventory.ts';
import { portalUrlForResource } from '../../core/resources/portalUrlForResource.ts';
import { resolveCommandTarget, type CommandNode } from './resolveCommandTarget.ts';

export async function openInPortal(accounts: AccountManager, inventories: InventoryStore, node?: CommandNode): Promise<void> {
  const target = await resolveCommandTarget(accounts, inventories, node);
  await vscode.env.openExternal(vscode.Uri.parse(portalUrlForResource(target.session.cloud.portalUrl, target.session.tenantId, target.id)));
}
