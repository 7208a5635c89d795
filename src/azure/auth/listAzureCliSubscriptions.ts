import type { TokenCredential } from '@azure/core-auth';
import { cacheTokens, type SharedTokenCache } from '../../core/auth/cacheTokens.ts';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import type { SubscriptionListing, SubscriptionSession, TenantInfo } from './AccountProvider.ts';
import { listSubscriptionsWithArm, listTenantsWithArm, type ArmSubscription } from './listSubscriptionsWithArm.ts';

export type CredentialForTenant = (tenantId: string | undefined) => Promise<TokenCredential>;

/**
 * Credentials of the Azure CLI's login, one per tenant, kept for the provider's lifetime. They share one token
 * cache by tenant and scope: the default tenant's token (got when checking sign-in) serves that tenant's own
 * credential too, so listing does not start a second `az` process for the same token.
 */
export function azureCliCredentials(): CredentialForTenant {
  const credentials = new Map<string, Promise<TokenCredential>>();
  const tokens: SharedTokenCache = new Map();
  return (tenantId) => {
    const key = tenantId?.toLowerCase() ?? '';
    let credential = credentials.get(key);
    if (!credential) {
      credential = createAzureCliCredential(tenantId, tokens);
      credentials.set(key, credential);
    }
    return credential;
  };
}

async function createAzureCliCredential(tenantId: string | undefined, tokens: SharedTokenCache): Promise<TokenCredential> {
  const { AzureCliCredential } = await import('@azure/identity');
  // One `az` process per tenant and scope, not one per SDK client: see cacheTokens.
  return cacheTokens(new AzureCliCredential(tenantId ? { tenantId } : {}), Date.now, { shared: tokens, tenantId });
}

/** Told about subscriptions as each tenant's arrive, so their listings can start before every tenant answered. */
export type OnSubscriptionsFound = (sessions: readonly SubscriptionSession[]) => void;

/**
 * Every subscription of every tenant the CLI's account can reach. The default tenant's subscriptions are listed
 * with the credential already at hand while the tenants are listed; only other tenants need a token of their own
 * (with the real CLI, a process start of a second or more each). A tenant whose listing fails (MFA required,
 * not logged in to it) is reported beside the others, never hides them.
 */
export async function listAzureCliSubscriptions(
  cloud: CloudEndpoints,
  credentialFor: CredentialForTenant,
  onFound: OnSubscriptionsFound = () => {},
): Promise<SubscriptionListing> {
  const defaultCredential = await credentialFor(undefined);
  const subscriptions: SubscriptionSession[] = [];
  const failures: Array<{ tenantId: string; error: unknown }> = [];
  const tenantsNeedingSignIn: TenantInfo[] = [];
  const add = (list: ArmSubscription[], tenantId: string, credential: TokenCredential) => {
    const found: SubscriptionSession[] = [];
    for (const s of list) {
      if (s.tenantId.toLowerCase() !== tenantId.toLowerCase()) continue;
      found.push({ subscriptionId: s.subscriptionId, tenantId: s.tenantId, name: s.displayName, credential, cloud, accountLabel: 'Azure CLI' });
    }
    subscriptions.push(...found);
    if (found.length) onFound(found);
  };
  // The default tenant's subscriptions are announced as soon as they arrive, without waiting for the tenant list.
  const defaultTenants = new Set<string>();
  const defaultListing = listSubscriptionsWithArm(defaultCredential, cloud).then(async (list) => {
    const tenantIds = [...new Map(list.map((s) => [s.tenantId.toLowerCase(), s.tenantId])).values()];
    for (const tenantId of tenantIds) defaultTenants.add(tenantId.toLowerCase());
    // Same tokens (shared cache), but a tenant-bound credential keeps later calls in this tenant after `az account set`.
    await Promise.all(tenantIds.map(async (tenantId) => add(list, tenantId, await credentialFor(tenantId))));
  });
  const [tenants] = await Promise.all([listTenantsWithArm(defaultCredential, cloud), defaultListing]);
  await Promise.all(
    tenants
      .filter((tenant) => !defaultTenants.has(tenant.tenantId.toLowerCase()))
      .map(async (tenant) => {
        try {
          const credential = await credentialFor(tenant.tenantId);
          add(await listSubscriptionsWithArm(credential, cloud), tenant.tenantId, credential);
        } catch (error) {
          // The CLI has no login for this tenant (MFA, guest): a "Sign in to tenant" row, not an error.
          if (needsCliLogin(error)) tenantsNeedingSignIn.push({ tenantId: tenant.tenantId, ...(tenant.displayName ? { displayName: tenant.displayName } : {}) });
          else failures.push({ tenantId: tenant.tenantId, error });
        }
      }),
  );
  subscriptions.sort((a, b) => a.name.localeCompare(b.name));
  return { subscriptions, failures, tenantsNeedingSignIn };
}

/** @azure/identity's AzureCliCredential reports "run az login" as CredentialUnavailableError naming `az login`. */
function needsCliLogin(error: unknown): boolean {
  const e = error as { name?: unknown; message?: unknown } | undefined;
  return e?.name === 'CredentialUnavailableError' && typeof e.message === 'string' && /az login/i.test(e.message);
}
