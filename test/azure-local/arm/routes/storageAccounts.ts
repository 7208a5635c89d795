// Microsoft.Storage/storageAccounts (@azure/arm-storage 21.0.0, api-version 2026-09-01): list, get, listKeys.
// The Azurite account is one of them: its blob endpoint and key are Azurite's, so a copy into it is real.
// Other modules may serve storage accounts of their own (Image Builder's staging accounts): they are passed in as
// `others`, registered after these; an account not found here is answered by the route of the same name there,
// and resource-group listings hold both.
import { ArmError } from '../armError.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route, type RouteContext } from '../route.ts';
import { snapshotOf } from './lookup.ts';
import { storageAccountsOf } from '../../state/storageAccountsState.ts';
import type { ArmResource } from '../../state/model.ts';

const TYPE = 'Microsoft.Storage/storageAccounts';
const ACCOUNT = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Storage/storageAccounts/{accountName}';
/** What @azure/arm-storage 21.0.0 sends. */
const common = { apiVersions: ['2026-09-01'], resourceType: TYPE } as const;

function accountsIn(ctx: RouteContext, resourceGroup?: string): ArmResource[] {
  const prefix = `/subscriptions/${ctx.params.subscriptionId}/${resourceGroup ? `resourceGroups/${resourceGroup}/` : ''}`.toLowerCase();
  return storageAccountsOf(ctx.env.state, ctx.env.blobs.account.accountName).filter((a) => a.id.toLowerCase().startsWith(prefix));
}

/** ARM JSON with endpoints: Azurite's for its account, the public form (unreachable here) for the others. */
function accountJson(ctx: RouteContext, account: ArmResource): Record<string, unknown> {
  const json = snapshotOf(account) as ArmResource;
  const azurite = ctx.env.blobs.account;
  const blob = account.name === azurite.accountName ? `${azurite.blobEndpoint.replace(/\/+$/, '')}/` : `https://${account.name}.blob.core.windows.net/`;
  json.properties = { ...json.properties, primaryEndpoints: { blob, dfs: blob.replace('.blob.', '.dfs.'), web: blob.replace('.blob.', '.web.') } };
  return json;
}

function findAccount(ctx: RouteContext): ArmResource | undefined {
  return accountsIn(ctx, ctx.params.resourceGroupName).find((a) => a.name.toLowerCase() === ctx.params.accountName.toLowerCase());
}

function requireAccount(ctx: RouteContext): ArmResource {
  const account = findAccount(ctx);
  if (!account) throw new ArmError(404, 'ResourceNotFound', `The Resource '${TYPE}/${ctx.params.accountName}' under resource group '${ctx.params.resourceGroupName}' was not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix`);
  return account;
}

export function storageAccountRoutes(others: readonly Route[] = []): Route[] {
  const other = (name: string) => others.find((r) => r.name === name);
  return [
  {
    name: 'storageAccounts.list',
    method: 'GET',
    template: `/subscriptions/{subscriptionId}/providers/${TYPE}`,
    ...common,
    handler: (ctx) => ok(pageOf(ctx, accountsIn(ctx).map((a) => accountJson(ctx, a)))),
  },
  {
    name: 'storageAccounts.listByResourceGroup',
    method: 'GET',
    template: `/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/${TYPE}`,
    ...common,
    handler: async (ctx) => {
      const mine = accountsIn(ctx, ctx.params.resourceGroupName).map((a) => accountJson(ctx, a));
      const theirs = other('storageAccounts.listByResourceGroup');
      const more = theirs ? (((await theirs.handler(ctx)).body as { value?: unknown[] } | undefined)?.value ?? []) : [];
      return ok(pageOf(ctx, [...mine, ...more]));
    },
  },
  {
    name: 'storageAccounts.getProperties', method: 'GET', template: ACCOUNT, ...common,
    handler: (ctx) => {
      const account = findAccount(ctx);
      const theirs = other('storageAccounts.getProperties');
      if (!account && theirs) return theirs.handler(ctx);
      return ok(accountJson(ctx, account ?? requireAccount(ctx)));
    },
  },
  {
    name: 'storageAccounts.listKeys',
    method: 'POST',
    template: `${ACCOUNT}/listKeys`,
    ...common,
    handler: (ctx) => {
      const theirs = other('storageAccounts.listKeys');
      if (!findAccount(ctx) && theirs) return theirs.handler(ctx);
      const account = requireAccount(ctx);
      if (account.properties?.allowSharedKeyAccess === false) {
        throw new ArmError(409, 'KeyBasedAuthenticationNotPermitted', 'Key based authentication is not permitted on this storage account.');
      }
      const azurite = ctx.env.blobs.account;
      const key1 = account.name === azurite.accountName ? azurite.accountKey : Buffer.from(`${account.name}-key1`).toString('base64');
      const created = '2024-04-01T02:13:45.1234567Z';
      return ok({
        keys: [
          { creationTime: created, keyName: 'key1', permissions: 'FULL', value: key1 },
          { creationTime: created, keyName: 'key2', permissions: 'FULL', value: Buffer.from(`${account.name}-key2`).toString('base64') },
        ],
      });
    },
  },
  ];
}
