import type { TokenCredential } from '@azure/core-auth';
import type { CloudEndpoints } from '../../core/cloud/CloudEndpoints.ts';
import { armClientOptions } from './armClientOptions.ts';
import type { TenantInfo } from './AccountProvider.ts';

export interface ArmSubscription {
  readonly subscriptionId: string;
  readonly tenantId: string;
  readonly displayName: string;
  readonly state?: string;
}

/** Tenants the credential's account belongs to (ARM `GET /tenants`). */
export async function listTenantsWithArm(credential: TokenCredential, cloud: CloudEndpoints): Promise<TenantInfo[]> {
  const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
  const client = new SubscriptionClient(credential, armClientOptions(cloud));
  const tenants: TenantInfo[] = [];
  for await (const tenant of client.tenants.list()) {
    if (tenant.tenantId) tenants.push({ tenantId: tenant.tenantId, displayName: tenant.displayName });
  }
  return tenants;
}

/** Subscriptions visible with this credential (ARM `GET /subscriptions`), every page. */
export async function listSubscriptionsWithArm(credential: TokenCredential, cloud: CloudEndpoints): Promise<ArmSubscription[]> {
  const { SubscriptionClient } = await import('@azure/arm-resources-subscriptions');
  const client = new SubscriptionClient(credential, armClientOptions(cloud));
  const subscriptions: ArmSubscription[] = [];
  for await (const s of client.subscriptions.list()) {
    if (s.subscriptionId && s.tenantId) {
      subscriptions.push({ subscriptionId: s.subscriptionId, tenantId: s.tenantId, displayName: s.displayName ?? s.subscriptionId, state: s.state });
    }
  }
  return subscriptions;
}
