// Microsoft.Authorization/permissions (@azure/arm-authorization 9.0.0, api-version 2022-04-01): "what may I do
// here", for the caller (the token's oid) at a subscription, resource group or resource. The extension asks it on
// a disk or snapshot before downloading one secured with Microsoft Entra ID.
import { apiVersions } from '../apiVersions.ts';
import { effectivePermissions } from '../effectivePermissions.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route } from '../route.ts';
import { atEveryScope, scopeOf } from './authorizationScopes.ts';

export const permissionRoutes: Route[] = atEveryScope('/providers/Microsoft.Authorization/permissions').map((template): Route => ({
  name: 'permissions.list',
  method: 'GET',
  template,
  apiVersions: apiVersions.authorization,
  handler: (ctx) => ok(pageOf(ctx, effectivePermissions(ctx.env.state, ctx.token.oid, scopeOf(ctx)))),
}));
