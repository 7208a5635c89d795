import type * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import type { DiskRole } from '../../core/resources/presentDisk.ts';
import type { ArmResource, ResourceKind } from '../../core/resources/models.ts';
import { treeItemFromPresentation } from '../themeIcon.ts';
import type { ResourceNode, TreeNode } from '../TreeNode.ts';
import { presentResource } from './presentResource.ts';

/** A disk, snapshot, key vault or image template: state inline, commands by contextValue. */
export class ResourceLeafNode implements ResourceNode {
  readonly id: string;
  readonly parent: TreeNode;
  readonly listedBy: TreeNode;
  readonly kind: ResourceKind;
  readonly session: SubscriptionSession;
  readonly resource: ArmResource & { readonly id: string };
  private readonly role?: DiskRole;

  constructor(parent: TreeNode, kind: ResourceKind, session: SubscriptionSession, resource: ArmResource & { id: string }, role?: DiskRole) {
    this.parent = parent;
    this.listedBy = parent;
    this.kind = kind;
    this.session = session;
    this.resource = resource;
    this.role = role;
    this.id = `${parent.id}/${resource.id.toLowerCase()}`;
  }

  getTreeItem(): vscode.TreeItem {
    return treeItemFromPresentation(this.id, presentResource(this.kind, this.resource, this.role), false);
  }

  invalidate(): void {
    this.parent.invalidate?.();
  }
}
