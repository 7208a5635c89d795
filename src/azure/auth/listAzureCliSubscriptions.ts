import type { TokenCredential } from '@azure/core-auth';
import { cacheTokens } from '../../core/auth/cacheTokens.ts';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import type { SubscriptionListing, SubscriptionSession } from './AccountProvider.ts';
import { listSubscriptionsWithArm, listTenantsWithArm, type ArmSubscription } from './listSubscriptionsWithArm.ts';

export type CredentialForTenant = (tenantId: string | undefined) => Promise<TokenCredential>;

/** Credentials of the Azure CLI's login, one per tenant, kept for the provider's lifetime. */
export function azureCliCredentials(): CredentialForTenant {
  const credentials = new Map<string, Promise<TokenCredential>>();
  return (tenantId) => {
    const key = tenantId ?? '';
    let credential = credentials.get(key);
    if (!credential) {
      credential = createAzureCliCredential(tenantId);
      credentials.set(key, credential);
    }
    return credential;
  };
}

async function createAzureCliCredential(tenantId: string | undefined): Promise<TokenCredential> {
  const { AzureCliCredential } = await import('@azure/identity');
  // One `az` process per tenant and scope, not one per SDK client: see cacheTokens.
  return cacheTokens(new AzureCliCredential(tenantId ? { tenantId } : {}));
}

/**
 * Every subscription of every tenant the CLI's account can reach. The default tenant's subscriptions are listed
 * with the credential already at hand while the tenants are listed; only other tenants need a token of their own
 * (with the real CLI, a process start of a second or more each). A tenant whose listing fails (MFA required,
 * not logged in to it) is reported beside the others, never hides them.
 */
export async function listAzureCliSubscriptions(cloud: CloudEndpoints, credentialFor: CredentialForTenant): Promise<SubscriptionListing> {
  const defaultCredential = await credentialFor(undefined);
  const [tenants, defaultSubscriptions] = await Promise.all([
    listTenantsWithArm(defaultCredential, cloud),
    listSubscriptionsWithArm(defaultCredential, cloud),
  ]);
  const subscriptions: SubscriptionSession[] = [];
  const failures: Array<{ tenantId: string; error: unknown }> = [];
  const add = (list: ArmSubscription[], tenantId: string, credential: TokenCredential) => {
    for (const s of list) {
      if (s.tenantId.toLowerCase() !== tenantId.toLowerCase()) continue;
      subscriptions.push({ subscriptionId: s.subscriptionId, tenantId: s.tenantId, name: s.displayName, credential, cloud, accountLabel: 'Azure CLI' });
    }
  };
  const defaultTenants = new Set(defaultSubscriptions.map((s) => s.tenantId.toLowerCase()));
  await Promise.all(
    tenants.map(async (tenant) => {
      try {
        if (defaultTenants.has(tenant.tenantId.toLowerCase())) {
          // Same tokens, but a tenant-bound credential keeps later calls in this tenant after `az account set`.
          add(defaultSubscriptions, tenant.tenantId, await credentialFor(tenant.tenantId));
          return;
        }
        const credential = await credentialFor(tenant.tenantId);
        add(await listSubscriptionsWithArm(credential, cloud), tenant.tenantId, credential);
      } catch (error) {
        failures.push({ tenantId: tenant.tenantId, error });
      }
    }),
  );
  subscriptions.sort((a, b) => a.name.localeCompare(b.name));
  return { subscriptions, failures };
}
