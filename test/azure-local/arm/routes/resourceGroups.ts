// Microsoft.Resources: resource groups (@azure/arm-resources 6.1.0, api-version 2025-03-01).
import { apiVersions } from '../apiVersions.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route } from '../route.ts';
import { snapshotOf } from './lookup.ts';

export const resourceGroupRoutes: Route[] = [
  {
    name: 'resourceGroups.list',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourcegroups',
    apiVersions: apiVersions.resources,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('resourceGroups', ctx.params.subscriptionId).map((r) => snapshotOf(r.resource)))),
  },
  {
    name: 'resourceGroups.get',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourcegroups/{resourceGroupName}',
    apiVersions: apiVersions.resources,
    // The server already answered ResourceGroupNotFound when it does not exist.
    handler: (ctx) => ok(snapshotOf(ctx.env.state.resourceGroup(ctx.params.subscriptionId, ctx.params.resourceGroupName)!.resource)),
  },
];

