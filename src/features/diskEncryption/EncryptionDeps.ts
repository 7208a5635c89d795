import type * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { InventoryStore } from '../../azure/inventory/SubscriptionInventory.ts';
import type { Logger } from '../../shell/createLogger.ts';
import type { ResourceTreeDataProvider } from '../../tree/ResourceTreeDataProvider.ts';
import type { ReadonlyDocuments } from '../resourceCommands/ReadonlyDocuments.ts';

/** What the disk encryption commands use, passed in from the services (no module-level state). */
export type EncryptionDeps = {
  readonly accounts: AccountManager;
  readonly inventories: InventoryStore;
  readonly tree: ResourceTreeDataProvider;
  readonly documents: ReadonlyDocuments;
  readonly logger: Logger;
  /** Remembers what outlives a window: the VMs being watched, whether the retirement notice was shown. */
  readonly memento: vscode.Memento;
};
