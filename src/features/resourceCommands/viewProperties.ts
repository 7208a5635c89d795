import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { InventoryStore } from '../../azure/inventory/SubscriptionInventory.ts';
import type { ReadonlyDocuments } from './ReadonlyDocuments.ts';
import { resolveCommandTarget, type CommandNode } from './resolveCommandTarget.ts';

/** Opens the resource's (or subscription's) ARM JSON, fetched fresh, in a read-only editor. */
export async function viewProperties(
  accounts: AccountManager,
  inventories: InventoryStore,
  documents: ReadonlyDocuments,
  node?: CommandNode,
): Promise<void> {
  const target = await resolveCommandTarget(accounts, inventories, node);
  const json = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading {0}…', target.name) },
    () => target.readJson(),
  );
  // A subscription's name may hold a slash ("Contoso Dev/Test"): it would become a folder in the tab's path.
  const uri = documents.put(`${target.name.replace(/[\\/]/g, '-') || 'resource'}.json`, JSON.stringify(json, null, 2) + '\n');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: false });
}
