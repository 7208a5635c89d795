import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

/** Asks for a subscription among the selected ones; signs in first when needed. Skips the question when there is one. */
export async function pickSubscription(accounts: AccountManager): Promise<SubscriptionSession> {
  if (!(await accounts.isSignedIn()) && !(await accounts.signIn())) throw new UserCancelledError();
  const { selected } = await accounts.getSubscriptions();
  if (selected.length === 0) {
    throw new Error(vscode.l10n.t('No subscriptions are available. Sign in with another account or select subscriptions.'));
  }
  if (selected.length === 1) return selected[0];
  const picked = await vscode.window.showQuickPick(
    selected.map((session) => ({ label: session.name, description: session.subscriptionId, detail: session.accountLabel, session })),
    { title: vscode.l10n.t('Select a subscription'), placeHolder: vscode.l10n.t('Subscription'), matchOnDescription: true, ignoreFocusOut: true },
  );
  if (!picked) throw new UserCancelledError();
  return picked.session;
}
