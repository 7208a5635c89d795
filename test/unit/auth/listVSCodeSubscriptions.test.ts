import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AzureSubscription, AzureTenant } from '@microsoft/vscode-azext-azureauth';
import { listVSCodeSubscriptions } from '../../../src/azure/auth/listVSCodeSubscriptions.ts';
import type { CloudEndpoints } from '../../../src/core/cloud/CloudEndpoints.ts';

const cloud = { name: 'AzureCloud', resourceManagerEndpoint: 'https://management.azure.com/', tokenAudience: 'https://management.core.windows.net/', portalUrl: 'https://portal.azure.com', storageEndpointSuffix: 'core.windows.net', isCustom: false } as CloudEndpoints;
const account = { id: 'a', label: 'user@contoso.com' };
const subscription = (subscriptionId: string, tenantId: string, name: string) =>
  ({ subscriptionId, tenantId, name, account, credential: { getToken: async () => null } }) as unknown as AzureSubscription;
const tenant = (tenantId: string, displayName?: string) => ({ tenantId, displayName, account }) as AzureTenant;

test("a tenant VS Code has no session for is reported beside the signed-in tenants' subscriptions, not dropped", async () => {
  const found: string[] = [];
  const listing = await listVSCodeSubscriptions(
    // Like the package: subscriptions of tenants without a session are simply not returned.
    { getSubscriptions: async () => [subscription('s1', 'home', 'Contoso Production'), subscription('s1', 'home', 'Contoso Production')] },
    async () => [tenant('fabrikam-mfa', 'Fabrikam (MFA)'), tenant('guest-no-name')],
    () => cloud,
    (sessions) => found.push(...sessions.map((s) => s.name)),
  );
  assert.deepEqual(listing.subscriptions.map((s) => [s.subscriptionId, s.accountLabel]), [['s1', 'user@contoso.com']]);
  assert.deepEqual(found, ['Contoso Production']);
  assert.deepEqual(listing.tenantsNeedingSignIn, [{ tenantId: 'fabrikam-mfa', displayName: 'Fabrikam (MFA)' }, { tenantId: 'guest-no-name' }]);
  assert.deepEqual(listing.failures, []);
});

test('when the tenants cannot be read, the subscriptions still list and the failure is reported', async () => {
  const listing = await listVSCodeSubscriptions(
    { getSubscriptions: async () => [subscription('s1', 'home', 'Contoso')] },
    async () => { throw Object.assign(new Error('Tenants could not be listed.'), { code: 'AuthorizationFailed' }); },
    () => cloud,
  );
  assert.equal(listing.subscriptions.length, 1);
  assert.deepEqual(listing.tenantsNeedingSignIn, []);
  assert.deepEqual(listing.failures.map((f) => [f.tenantId, (f.error as Error).message]), [['', 'Tenants could not be listed.']]);
});
