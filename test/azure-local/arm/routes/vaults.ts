// Microsoft.KeyVault/vaults (@azure/arm-keyvault 5.0.0, api-version 2026-02-01): listBySubscription
// (the extension's way; vaults.list goes through /resources), listByResourceGroup, get.
import { apiVersions } from '../apiVersions.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route } from '../route.ts';
import { requireResource, snapshotOf } from './lookup.ts';
import { vaultWriteRoutes } from './vaultWrites.ts';

const TYPE = 'Microsoft.KeyVault/vaults';
const common = { apiVersions: apiVersions.keyVault, resourceType: TYPE } as const;

export const vaultRoutes: Route[] = [
  {
    name: 'vaults.listBySubscription',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.KeyVault/vaults',
    ...common,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('vaults', ctx.params.subscriptionId).map((r) => snapshotOf(r.resource)))),
  },
  {
    name: 'vaults.listByResourceGroup',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults',
    ...common,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('vaults', ctx.params.subscriptionId, ctx.params.resourceGroupName).map((r) => snapshotOf(r.resource)))),
  },
  {
    name: 'vaults.get',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}',
    ...common,
    handler: (ctx) => ok(snapshotOf(requireResource(ctx, 'vaults', TYPE, 'vaultName').resource)),
  },
  // createOrUpdate, update (PATCH), checkNameAvailability: the key vault step of Azure Disk Encryption.
  ...vaultWriteRoutes,
];
