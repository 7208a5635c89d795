// The ARM calls around Image Builder that are not image templates: the staging storage account that holds
// customization.log (@azure/arm-storage 21, api-version 2026-09-01: list by resource group, get, listKeys) and
// registering the Microsoft.VirtualMachineImages provider (@azure/arm-resources 6.1.0, 2025-03-01).
// Only the staging accounts the build simulator created exist here.
import { ArmError, resourceNotFound } from '../arm/armError.ts';
import { apiVersions } from '../arm/apiVersions.ts';
import { pageOf } from '../arm/paging.ts';
import { ok, type Route, type RouteContext } from '../arm/route.ts';
import { snapshotOf } from '../arm/routes/lookup.ts';
import { buildSimulatorFor } from './BuildSimulator.ts';

const STORAGE_API_VERSIONS = ['2026-09-01'];
const ACCOUNTS = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts';
const storage = { apiVersions: STORAGE_API_VERSIONS, resourceType: 'Microsoft.Storage/storageAccounts' } as const;

function account(ctx: RouteContext) {
  const { subscriptionId, resourceGroupName, accountName } = ctx.params;
  const found = buildSimulatorFor(ctx.env.state).storageAccountsIn(subscriptionId, resourceGroupName).find((a) => a.resource.name === accountName.toLowerCase());
  if (!found) throw resourceNotFound('Microsoft.Storage/storageAccounts', accountName, resourceGroupName);
  return found;
}

export const stagingSupportRoutes: Route[] = [
  {
    name: 'storageAccounts.listByResourceGroup', method: 'GET', template: ACCOUNTS, ...storage,
    handler: (ctx) => ok(pageOf(ctx, buildSimulatorFor(ctx.env.state).storageAccountsIn(ctx.params.subscriptionId, ctx.params.resourceGroupName).map((a) => snapshotOf(a.resource)))),
  },
  {
    name: 'storageAccounts.getProperties', method: 'GET', template: `${ACCOUNTS}/{accountName}`, ...storage,
    handler: (ctx) => ok(snapshotOf(account(ctx).resource)),
  },
  {
    name: 'storageAccounts.listKeys', method: 'POST', template: `${ACCOUNTS}/{accountName}/listKeys`, ...storage,
    handler: (ctx) => {
      const { accountKey } = account(ctx);
      return ok({ keys: [{ keyName: 'key1', value: accountKey, permissions: 'FULL' }, { keyName: 'key2', value: accountKey, permissions: 'FULL' }] });
    },
  },
  {
    name: 'providers.register', method: 'POST', template: '/subscriptions/{subscriptionId}/providers/{resourceProviderNamespace}/register',
    apiVersions: apiVersions.resources,
    handler: (ctx) => {
      const subscription = ctx.env.state.subscription(ctx.params.subscriptionId);
      if (!subscription) throw new ArmError(404, 'SubscriptionNotFound', `The subscription '${ctx.params.subscriptionId}' could not be found.`);
      const namespace = ctx.params.resourceProviderNamespace;
      const key = Object.keys(subscription.providerRegistration ?? {}).find((n) => n.toLowerCase() === namespace.toLowerCase()) ?? namespace;
      // Registration takes a while in Azure: Registering first, Registered after one long-running-operation time.
      subscription.providerRegistration = { ...subscription.providerRegistration, [key]: 'Registering' };
      const timer = setTimeout(() => { subscription.providerRegistration = { ...subscription.providerRegistration, [key]: 'Registered' }; }, ctx.env.settings.lroDurationMs);
      timer.unref();
      return ok({ id: `/subscriptions/${subscription.subscriptionId}/providers/${key}`, namespace: key, registrationState: 'Registering', registrationPolicy: 'RegistrationRequired', resourceTypes: [] });
    },
  },
];
