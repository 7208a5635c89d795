// Microsoft.Resources: subscriptions and tenants (@azure/arm-resources-subscriptions 2.1.1, api-version 2022-12-01).
// Like ARM, /subscriptions lists the subscriptions of the token's tenant; /tenants lists the user's tenants.
import type { Subscription } from '../../state/model.ts';
import { apiVersions } from '../apiVersions.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route } from '../route.ts';

function subscriptionJson(s: Subscription) {
  return {
    id: `/subscriptions/${s.subscriptionId}`,
    authorizationSource: 'RoleBased',
    managedByTenants: [],
    subscriptionId: s.subscriptionId,
    tenantId: s.tenantId,
    displayName: s.displayName,
    state: s.state,
    subscriptionPolicies: { locationPlacementId: 'Public_2014-09-01', quotaId: 'PayAsYouGo_2014-09-01', spendingLimit: 'Off' },
    tags: {},
  };
}

export const subscriptionRoutes: Route[] = [
  {
    name: 'subscriptions.list',
    method: 'GET',
    template: '/subscriptions',
    apiVersions: apiVersions.subscriptions,
    handler: (ctx) => {
      const mine = ctx.env.state.subscriptions.filter((s) => s.tenantId.toLowerCase() === ctx.token.tid.toLowerCase());
      return ok(pageOf(ctx, mine.map(subscriptionJson)));
    },
  },
  {
    name: 'subscriptions.get',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}',
    apiVersions: apiVersions.subscriptions,
    handler: (ctx) => ok(subscriptionJson(ctx.env.state.subscription(ctx.params.subscriptionId)!)),
  },
  {
    name: 'tenants.list',
    method: 'GET',
    template: '/tenants',
    apiVersions: apiVersions.subscriptions,
    handler: (ctx) =>
      ok(
        pageOf(
          ctx,
          ctx.env.state.tenants.map((t) => ({
            id: `/tenants/${t.tenantId}`,
            tenantId: t.tenantId,
            countryCode: t.countryCode ?? 'JP',
            displayName: t.displayName,
            domains: [t.defaultDomain],
            tenantCategory: t.tenantCategory ?? (t.tenantId === ctx.env.state.user.homeTenantId ? 'Home' : 'ProjectedBy'),
            defaultDomain: t.defaultDomain,
            tenantType: 'AAD',
          })),
        ),
      ),
  },
];
