import type { AzureSubscription, AzureTenant } from '@microsoft/vscode-azext-azureauth';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import type { SubscriptionListing, SubscriptionSession, TenantInfo } from './AccountProvider.ts';

/** The parts of @microsoft/vscode-azext-azureauth's VSCodeAzureSubscriptionProvider this listing uses. */
export interface VSCodeSubscriptionSource {
  getSubscriptions(filter: false): Promise<AzureSubscription[]>;
}

/** The package's getUnauthenticatedTenants, bound to the provider (tenants VS Code has no session for). */
export type FindTenantsNeedingSignIn = () => Promise<AzureTenant[]>;

/**
 * Subscriptions of VS Code's Microsoft account, and beside them the account's tenants VS Code has no session for
 * (multi-factor or guest tenants need a sign-in of their own): the package skips those silently, so the tree
 * shows a "Sign in to tenant" row for each instead of their subscriptions just missing.
 */
export async function listVSCodeSubscriptions(
  source: VSCodeSubscriptionSource,
  findTenantsNeedingSignIn: FindTenantsNeedingSignIn,
  toCloud: (subscription: AzureSubscription) => CloudEndpoints,
  onFound?: (sessions: readonly SubscriptionSession[]) => void,
): Promise<SubscriptionListing> {
  const failures: Array<{ tenantId: string; error: unknown }> = [];
  const needingSignIn = findTenantsNeedingSignIn().catch((error: unknown) => {
    failures.push({ tenantId: '', error });
    return [] as AzureTenant[];
  });
  // Unfiltered: our own setting (azureLinuxVm.selectedSubscriptions) decides what the tree shows.
  const subscriptions = await source.getSubscriptions(false);
  const seen = new Set<string>();
  const sessions: SubscriptionSession[] = subscriptions
    .filter((s) => !seen.has(s.subscriptionId) && seen.add(s.subscriptionId))
    .map((s) => ({
      subscriptionId: s.subscriptionId,
      tenantId: s.tenantId,
      name: s.name,
      credential: s.credential,
      cloud: toCloud(s),
      accountLabel: s.account?.label ?? '',
    }));
  if (sessions.length) onFound?.(sessions);
  const signedInTenants = new Set(sessions.map((s) => s.tenantId.toLowerCase()));
  const tenantsNeedingSignIn: TenantInfo[] = [];
  for (const tenant of await needingSignIn) {
    const tenantId = tenant.tenantId;
    if (!tenantId || signedInTenants.has(tenantId.toLowerCase())) continue;
    if (tenantsNeedingSignIn.some((t) => t.tenantId.toLowerCase() === tenantId.toLowerCase())) continue;
    tenantsNeedingSignIn.push({ tenantId, ...(tenant.displayName ? { displayName: tenant.displayName } : {}) });
  }
  return { subscriptions: sessions, failures, tenantsNeedingSignIn };
}
