import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { TenantInfo } from '../../azure/auth/AccountProvider.ts';
import { SETTINGS_SECTION } from '../../azure/auth/readAuthSettings.ts';
import { groupSubscriptionsByTenant } from '../../core/auth/groupSubscriptionsByTenant.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

type SubscriptionItem = vscode.QuickPickItem & { subscriptionId?: string };

/**
 * Chooses which tenants' subscriptions the tree and pickers show (all when none is chosen): one list, a heading per
 * tenant with its directory name, so tenants and subscriptions are chosen together.
 */
export async function selectSubscriptions(accounts: AccountManager): Promise<void> {
  if (!(await accounts.isSignedIn()) && !(await accounts.signIn())) throw new UserCancelledError();
  const [view, tenants] = await Promise.all([accounts.getSubscriptions(), listTenantsOrNone(accounts)]);
  const selected = new Set(view.selected.map((s) => s.subscriptionId));
  const items: SubscriptionItem[] = [];
  for (const group of groupSubscriptionsByTenant(view.subscriptions, tenants)) {
    items.push({ label: vscode.l10n.t('{0} (tenant {1})', group.label, group.tenantId), kind: vscode.QuickPickItemKind.Separator });
    for (const s of group.subscriptions) {
      items.push({ label: s.name, description: s.subscriptionId, picked: selected.has(s.subscriptionId), subscriptionId: s.subscriptionId });
    }
  }
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Select the subscriptions to show'),
    canPickMany: true,
    matchOnDescription: true,
    ignoreFocusOut: true,
  });
  if (!picked) throw new UserCancelledError();
  const ids = picked.flatMap((p) => (p.subscriptionId ? [p.subscriptionId] : []));
  // Everything picked is stored as "no filter", so subscriptions created later show up too.
  const value = ids.length === view.subscriptions.length ? [] : ids;
  await vscode.workspace.getConfiguration(SETTINGS_SECTION).update('selectedSubscriptions', value, vscode.ConfigurationTarget.Global);
}

/** Tenant names are a nicety: when the directory can't be listed, the headings show tenant ids instead. */
async function listTenantsOrNone(accounts: AccountManager): Promise<TenantInfo[]> {
  try {
    return await accounts.getProvider().listTenants();
  } catch {
    return [];
  }
}
