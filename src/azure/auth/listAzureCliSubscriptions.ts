import type { TokenCredential } from '@azure/core-auth';
import { cacheTokens } from '../../core/auth/cacheTokens.ts';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import type { SubscriptionListing, SubscriptionSession } from './AccountProvider.ts';
import { listSubscriptionsWithArm, listTenantsWithArm } from './listSubscriptionsWithArm.ts';

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
 * Every subscription of every tenant the CLI's account can reach. A tenant whose listing fails (MFA required,
 * not logged in to it) is reported beside the others, never hides them.
 */
export async function listAzureCliSubscriptions(cloud: CloudEndpoints, credentialFor: CredentialForTenant): Promise<SubscriptionListing> {
  const tenants = await listTenantsWithArm(await credentialFor(undefined), cloud);
  const subscriptions: SubscriptionSession[] = [];
  const failures: Array<{ tenantId: string; error: unknown }> = [];
  await Promise.all(
    tenants.map(async (tenant) => {
      try {
        const credential = await credentialFor(tenant.tenantId);
        for (const s of await listSubscriptionsWithArm(credential, cloud)) {
          if (s.tenantId.toLowerCase() !== tenant.tenantId.toLowerCase()) continue;
          subscriptions.push({ subscriptionId: s.subscriptionId, tenantId: s.tenantId, name: s.displayName, credential, cloud, accountLabel: 'Azure CLI' });
        }
      } catch (error) {
        failures.push({ tenantId: tenant.tenantId, error });
      }
    }),
  );
  subscriptions.sort((a, b) => a.name.localeCompare(b.name));
  return { subscriptions, failures };
}
