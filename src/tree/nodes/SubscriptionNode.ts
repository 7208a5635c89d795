import * as vscode from 'vscode';
import type { SubscriptionInventory } from '../../azure/inventory/SubscriptionInventory.ts';
import { resourceKinds } from '../../core/resources/models.ts';
import type { SubscriptionScopedNode, TreeNode } from '../TreeNode.ts';
import { ResourceKindNode } from './ResourceKindNode.ts';

/** The tree id of a subscription's row (stable across refreshes, so VS Code keeps it expanded). */
export function subscriptionNodeId(session: { readonly tenantId: string; readonly subscriptionId: string }): string {
  return `sub/${session.tenantId}/${session.subscriptionId}`;
}

export class SubscriptionNode implements SubscriptionScopedNode {
  readonly id: string;
  readonly parent?: TreeNode;
  private readonly inventory: SubscriptionInventory;

  constructor(inventory: SubscriptionInventory) {
    this.inventory = inventory;
    this.id = subscriptionNodeId(inventory.session);
  }

  get session() {
    return this.inventory.session;
  }

  getTreeItem(): vscode.TreeItem {
    const s = this.inventory.session;
    const item = new vscode.TreeItem(s.name, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = s.accountLabel;
    item.tooltip = [s.name, vscode.l10n.t('Subscription ID: {0}', s.subscriptionId), vscode.l10n.t('Tenant ID: {0}', s.tenantId), vscode.l10n.t('Cloud: {0}', s.cloud.name)].join('\n');
    item.iconPath = new vscode.ThemeIcon('azure');
    item.contextValue = 'azureSubscription';
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    return resourceKinds.map((kind) => new ResourceKindNode(this, this.inventory, kind));
  }

  invalidate(): void {
    this.inventory.invalidate();
  }
}
