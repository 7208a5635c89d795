import * as vscode from 'vscode';
import { AuthConfigurationError, type AccountManager } from '../azure/auth/AccountManager.ts';
import type { Logger } from '../shell/createLogger.ts';
import type { InventoryStore } from '../azure/inventory/SubscriptionInventory.ts';
import { listEverything } from '../azure/inventory/listEverything.ts';
import { ErrorNode } from './nodes/ErrorNode.ts';
import { MessageNode } from './nodes/MessageNode.ts';
import { SubscriptionNode, subscriptionNodeId } from './nodes/SubscriptionNode.ts';
import { kindNodeId, ResourceKindNode } from './nodes/ResourceKindNode.ts';
import type { SubscriptionSession } from '../azure/auth/AccountProvider.ts';
import type { ResourceKind } from '../core/resources/models.ts';
import type { TreeNode } from './TreeNode.ts';

/** The one tree: subscriptions → Virtual machines / Disks / Snapshots / Key vaults / Image templates. */
export class ResourceTreeDataProvider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly accounts: AccountManager;
  private readonly inventories: InventoryStore;
  private readonly logger: Logger;
  private readonly subscription: vscode.Disposable;
  /** The group nodes VS Code last received, by id: a redraw of one group must hand back the object it knows. */
  private readonly shownGroups = new Map<string, ResourceKindNode>();

  constructor(accounts: AccountManager, inventories: InventoryStore, logger: Logger) {
    this.accounts = accounts;
    this.inventories = inventories;
    this.logger = logger;
    this.subscription = accounts.onDidChange(() => {
      this.inventories.clear();
      this.changed.fire(undefined);
    });
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.getTreeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    const children = node ? (await node.getChildren?.()) ?? [] : await this.getRootChildren();
    for (const child of children) {
      if (child instanceof ResourceKindNode) this.shownGroups.set(child.id, child);
      if (node && child instanceof ErrorNode) this.logError(child);
    }
    return children;
  }

  /**
   * Refresh one node (forgetting what it listed) or, without a node, everything. A resource row is redrawn through
   * the node that lists it, so the row is built anew from the fresh listing (its state, its description).
   */
  refresh(node?: TreeNode): void {
    if (node) {
      node.invalidate?.();
      this.changed.fire(node.listedBy ?? node);
    } else {
      this.accounts.invalidate();
      void this.listEverything();
    }
  }

  /**
   * After "Refresh": lists every kind of every selected subscription at once, each subscription as soon as its
   * tenant answered, into the inventories the tree and the pickers read. The rows the view asks for meanwhile
   * share these listings; a failed one is listed again when its group is expanded (and shown there as an error).
   */
  private async listEverything(): Promise<void> {
    try {
      if (!(await this.accounts.isSignedIn())) return;
      const outcomes = await listEverything((onFound) => this.accounts.getSubscriptions(onFound), this.inventories);
      const failed = outcomes.filter((o) => o.error);
      this.logger.info(`Refresh listed ${outcomes.length - failed.length} of ${outcomes.length} resource listings`);
    } catch (error) {
      this.logger.warn(`Refresh could not list subscriptions: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  /**
   * Asks the view again, without signing in anew, after the caller invalidated what changed: only the given groups of
   * one subscription when they are on screen (a whole-tree redraw every few seconds while a build runs would re-render
   * rows under the user's hands and can undo an expansion in progress), else every node.
   */
  redraw(session?: SubscriptionSession, kinds: readonly ResourceKind[] = []): void {
    const groups = session ? kinds.map((kind) => this.shownGroups.get(kindNodeId(subscriptionNodeId(session), kind))) : [];
    if (groups.length === 0 || groups.some((g) => g === undefined)) {
      this.changed.fire(undefined);
      return;
    }
    for (const group of groups) this.changed.fire(group);
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }

  private async getRootChildren(): Promise<TreeNode[]> {
    try {
      if (!(await this.accounts.isSignedIn())) return this.signInNodes();
      const view = await this.accounts.getSubscriptions();
      const nodes: TreeNode[] = view.selected.map((session) => new SubscriptionNode(this.inventories.for(session)));
      for (const failure of view.failures) {
        this.logger.error(`Listing subscriptions of tenant ${failure.tenantId} failed`, failure.error);
        const label = failure.tenantId
          ? vscode.l10n.t('Could not list the subscriptions of tenant {0}', failure.tenantId)
          : vscode.l10n.t("Could not list the account's tenants");
        nodes.push(new ErrorNode(undefined, label, failure.error, undefined, `error-${failure.tenantId || 'tenants'}`));
      }
      for (const tenant of view.tenantsNeedingSignIn ?? []) {
        nodes.push(new MessageNode(undefined, `sign-in-tenant-${tenant.tenantId}`, vscode.l10n.t('Sign in to tenant {0}…', tenant.displayName ?? tenant.tenantId), {
          icon: 'sign-in',
          description: tenant.displayName ? tenant.tenantId : vscode.l10n.t('needs its own sign-in'),
          command: { command: 'azureLinuxVm.signInToTenant', title: vscode.l10n.t('Sign In to Tenant'), arguments: [tenant.tenantId] },
        }));
      }
      if (nodes.length === 0) {
        return [new MessageNode(undefined, 'no-subscriptions', vscode.l10n.t('No subscriptions to show'), {
          icon: 'info',
          description: vscode.l10n.t('Select subscriptions…'),
          command: { command: 'azureLinuxVm.selectSubscriptions', title: vscode.l10n.t('Select Subscriptions…') },
        })];
      }
      return nodes;
    } catch (error) {
      if (error instanceof AuthConfigurationError) {
        return [new MessageNode(undefined, 'config', error.message, {
          icon: 'gear',
          description: error.setting,
          command: { command: 'workbench.action.openSettings', title: vscode.l10n.t('Open Settings'), arguments: [error.setting] },
        })];
      }
      this.logger.error('Listing subscriptions failed', error);
      return [new ErrorNode(undefined, vscode.l10n.t('Could not list subscriptions'), error, undefined)];
    }
  }

  private signInNodes(): TreeNode[] {
    return [
      new MessageNode(undefined, 'sign-in', vscode.l10n.t('Sign in to Azure…'), {
        icon: 'sign-in',
        command: { command: 'azureLinuxVm.signIn', title: vscode.l10n.t('Sign In to Azure') },
      }),
      new MessageNode(undefined, 'sign-in-method', vscode.l10n.t('Choose how to sign in…'), {
        icon: 'settings-gear',
        description: vscode.l10n.t('VS Code account or Azure CLI'),
        command: { command: 'azureLinuxVm.selectSignInMethod', title: vscode.l10n.t('Choose Sign-in Method') },
      }),
    ];
  }

  /** The row shows one sentence; the log keeps the error itself (redacted by the logger) with stack and request ids. */
  private logError(node: ErrorNode): void {
    this.logger.error(`Shown as an error row: ${node.label}`, node.error);
  }
}
