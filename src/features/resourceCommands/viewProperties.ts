import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import { getResourceJson } from '../../azure/inventory/getResourceJson.ts';
import type { InventoryStore } from '../../azure/inventory/SubscriptionInventory.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickResource } from '../pickers/pickResource.ts';
import type { ReadonlyDocuments } from './ReadonlyDocuments.ts';

/** Opens the resource's ARM JSON, fetched fresh, in a read-only editor. */
export async function viewProperties(
  accounts: AccountManager,
  inventories: InventoryStore,
  documents: ReadonlyDocuments,
  node?: ResourceNode,
): Promise<void> {
  const picked = await pickResource(accounts, inventories, node);
  const json = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading {0}…', picked.resource.name ?? '') },
    () => getResourceJson(picked.session, picked.kind, picked.resource.id),
  );
  const uri = documents.put(`${picked.resource.name ?? 'resource'}.json`, JSON.stringify(json, null, 2) + '\n');
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'json');
  await vscode.window.showTextDocument(document, { preview: false });
}
