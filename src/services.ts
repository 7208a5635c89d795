import * as vscode from 'vscode';
import { AccountManager } from './azure/auth/AccountManager.ts';
import { createTreeListing } from './azure/inventory/createTreeListing.ts';
import { InventoryStore } from './azure/inventory/SubscriptionInventory.ts';
import { READONLY_SCHEME, ReadonlyDocuments } from './features/resourceCommands/ReadonlyDocuments.ts';
import { createLogger, type Logger } from './shell/createLogger.ts';
import { ResourceTreeDataProvider } from './tree/ResourceTreeDataProvider.ts';

/** Everything the commands need, built once and passed explicitly: no module-level mutable state. */
export interface Services {
  readonly channel: vscode.LogOutputChannel;
  readonly logger: Logger;
  readonly accounts: AccountManager;
  readonly inventories: InventoryStore;
  readonly tree: ResourceTreeDataProvider;
  readonly treeView: vscode.TreeView<unknown>;
  readonly documents: ReadonlyDocuments;
}

export function createServices(context: vscode.ExtensionContext): Services {
  const channel = vscode.window.createOutputChannel('Azure Linux VM', { log: true });
  const logger = createLogger(channel);
  const accounts = new AccountManager(channel, logger);
  // VMs carry their Azure Backup protection (tree tooltip, "Back Up Now…" menu).
  const inventories = new InventoryStore(createTreeListing((m) => logger.warn(m)));
  const tree = new ResourceTreeDataProvider(accounts, inventories, logger);
  const treeView = vscode.window.createTreeView('azureLinuxVm.resources', { treeDataProvider: tree, showCollapseAll: true });
  const documents = new ReadonlyDocuments();
  context.subscriptions.push(
    channel,
    accounts,
    tree,
    treeView,
    documents,
    vscode.workspace.registerTextDocumentContentProvider(READONLY_SCHEME, documents),
  );
  return { channel, logger, accounts, inventories, tree, treeView: treeView as vscode.TreeView<unknown>, documents };
}
