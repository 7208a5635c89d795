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
