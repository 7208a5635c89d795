import type * as vscode from 'vscode';
import type { SubscriptionSession } from '../azure/auth/AccountProvider.ts';
import type { ArmResource, ResourceKind } from '../core/resources/models.ts';

/** Every node of the tree. Kept to one flat shape; behaviour lives in commands keyed by `contextValue`. */
export interface TreeNode {
  /** Unique in the tree (also the TreeItem id, so expansion state survives refreshes). */
  readonly id: string;
  readonly parent?: TreeNode;
  getTreeItem(): vscode.TreeItem;
  getChildren?(): Promise<TreeNode[]>;
  /** What a refresh of this node must forget before the tree asks again. */
  invalidate?(): void;
  /**
   * The node whose children listing holds this one, when this node's own data comes from that listing (a resource
   * row): a refresh must redraw that node, because VS Code asks a refreshed row only for its TreeItem again, and
   * the row object still holds the resource it was built with.
   */
  readonly listedBy?: TreeNode;
}

/** A node that stands for one Azure resource: the commands on "every node" work on these. */
export interface ResourceNode extends TreeNode {
  readonly kind: ResourceKind;
  readonly session: SubscriptionSession;
  readonly resource: ArmResource & { readonly id: string };
}

export function isResourceNode(node: unknown): node is ResourceNode {
  return typeof node === 'object' && node !== null && 'resource' in node && 'session' in node && 'kind' in node;
}

/** A node that belongs to a subscription (its groups and resources). */
export interface SubscriptionScopedNode extends TreeNode {
  readonly session: SubscriptionSession;
}
