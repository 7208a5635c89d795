import * as vscode from 'vscode';
import type { SubscriptionInventory } from '../../azure/inventory/SubscriptionInventory.ts';
import type { ArmResource, ResourceKind, VirtualMachineModel } from '../../core/resources/models.ts';
import type { SubscriptionScopedNode, TreeNode } from '../TreeNode.ts';
import { ErrorNode } from './ErrorNode.ts';
import { MessageNode } from './MessageNode.ts';
import { kindEmptyLabel, kindGroupLabel, kindIcon } from './presentResource.ts';
import { ResourceLeafNode } from './ResourceLeafNode.ts';
import { VirtualMachineNode } from './VirtualMachineNode.ts';

/** The tree id of a subscription's group of one kind ("Image templates" of subscription X). */
export function kindNodeId(parentId: string, kind: ResourceKind): string {
  return `${parentId}/${kind}`;
}

/** "Virtual machines", "Disks", … under a subscription: lists its kind lazily, every page, sorted by name. */
export class ResourceKindNode implements SubscriptionScopedNode {
  readonly id: string;
  readonly parent: TreeNode;
  readonly kind: ResourceKind;
  private readonly inventory: SubscriptionInventory;

  constructor(parent: TreeNode, inventory: SubscriptionInventory, kind: ResourceKind) {
    this.parent = parent;
    this.inventory = inventory;
    this.kind = kind;
    this.id = kindNodeId(parent.id, kind);
  }

  get session() {
    return this.inventory.session;
  }

  getTreeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(kindGroupLabel(this.kind), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(kindIcon(this.kind));
    item.contextValue = `resourceKindGroup kind-${this.kind}`;
    return item;
  }

  async getChildren(): Promise<TreeNode[]> {
    let resources: ArmResource[];
    try {
      resources = await this.inventory.get<ArmResource>(this.kind);
    } catch (error) {
      return [new ErrorNode(this, vscode.l10n.t('Could not list {0}', kindGroupLabel(this.kind)), error)];
    }
    if (resources.length === 0) return [new MessageNode(this, 'empty', kindEmptyLabel(this.kind), { icon: 'info' })];
    return resources
      .filter((r): r is ArmResource & { id: string } => typeof r.id === 'string')
      .sort((a, b) => (a.name ?? '').localeCompare(b.name ?? ''))
      .map((r) =>
        this.kind === 'virtualMachine'
          ? new VirtualMachineNode(this, this.inventory, r as VirtualMachineModel & { id: string })
          : new ResourceLeafNode(this, this.kind, this.inventory.session, r),
      );
  }

  invalidate(): void {
    this.inventory.invalidate(this.kind);
    // A VM's disks come from the disk listing: refreshing VMs must show fresh disk states too.
    if (this.kind === 'virtualMachine') this.inventory.invalidate('disk');
  }
}
