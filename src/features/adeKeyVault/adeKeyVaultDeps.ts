import * as vscode from 'vscode';
import type { InventoryStore } from '../../azure/inventory/SubscriptionInventory.ts';
import type { LocalizableText } from '../../core/adeKeyVault/assessVaultForEncryption.ts';
import type { Logger } from '../../shell/createLogger.ts';

/** What the key vault step uses: the services, or the disk encryption flow's deps (both have these). */
export interface AdeKeyVaultDeps {
  readonly inventories: InventoryStore;
  readonly logger: Logger;
  /** Refreshed after a vault is created or changed, so the tree shows it. */
  readonly tree?: { refresh(): void };
}

/** The user's language for a text the core returned in English. */
export function translate(text: LocalizableText): string {
  return vscode.l10n.t(text.message, ...text.args);
}
