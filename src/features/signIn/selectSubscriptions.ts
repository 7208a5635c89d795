import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import { SETTINGS_SECTION } from '../../azure/auth/readAuthSettings.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

/** Chooses which subscriptions the tree and pickers show (all when none is chosen), grouped by tenant. */
export async function selectSubscriptions(accounts: AccountManager): Promise<void> {
  if (!(await accounts.isSignedIn()) && !(await accounts.signIn())) throw new UserCancelledError();
  const view = await accounts.getSubscriptions();
  const selected = new Set(view.selected.map((s) => s.subscriptionId));
  const items = view.subscriptions.map((s) => ({
    label: s.name,
    description: s.subscriptionId,
    detail: vscode.l10n.t('Tenant {0}', s.tenantId),
    picked: selected.has(s.subscriptionId),
    subscriptionId: s.subscriptionId,
  }));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select the subscriptions to show'),
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  if (!picked) throw new UserCancelledError();
  // Everything picked is stored as "no filter", so subscriptions created later show up too.
  const value = picked.length === items.length ? [] : picked.map((p) => p.subscriptionId);
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('selectedSubscriptions', value, vscode.ConfigurationTarget.Global);
}
