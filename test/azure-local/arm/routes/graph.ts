// A Microsoft Graph stand-in for the two calls the extension makes, served under /graph on the same origin
// (own token audience, no api-version: see route.ts `service`):
//   GET /graph/v1.0/servicePrincipals(appId='{appId}')  -> the service principal in the token's tenant, or 404
//   GET /graph/v1.0/me                                   -> the signed-in user; userType Guest outside the home tenant
// A restricted tenant (guest users without directory read) is a fault on route 'graph.servicePrincipalByAppId':
// { status: 403, code: 'Authorization_RequestDenied', message: 'Insufficient privileges to complete the operation.' }.
import type { LocalAzureState } from '../../state/LocalAzureState.ts';
import { ArmError } from '../armError.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../route.ts';

const GRAPH = '/graph/v1.0';

/** An object id the directory of `tenantId` knows: the signed-in user or one of its service principals. */
export function directoryHasObject(state: LocalAzureState, tenantId: string, objectId: string): boolean {
  const id = objectId.toLowerCase();
  if (state.user.objectId.toLowerCase() === id) return true;
  return state.servicePrincipals.some((sp) => sp.tenantId.toLowerCase() === tenantId.toLowerCase() && sp.id.toLowerCase() === id);
}

function servicePrincipalByAppId(ctx: RouteContext): RouteResult {
  const m = /^servicePrincipals\(appId='([^']+)'\)$/i.exec(ctx.params.entity);
  if (!m) throw new ArmError(400, 'BadRequest', `Resource not found for the segment '${ctx.params.entity}'.`);
  const appId = m[1].toLowerCase();
  const sp = ctx.env.state.servicePrincipals.find((s) => s.tenantId.toLowerCase() === ctx.token.tid.toLowerCase() && s.appId.toLowerCase() === appId);
  if (!sp) {
    throw new ArmError(404, 'Request_ResourceNotFound', `Resource '${m[1]}' does not exist or one of its queried reference-property objects are not present.`);
  }
  return ok({
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals/$entity',
    id: sp.id,
    appId: sp.appId,
    displayName: sp.displayName,
    servicePrincipalType: 'Application',
    accountEnabled: true,
  });
}

function me(ctx: RouteContext): RouteResult {
  const user = ctx.env.state.user;
  const home = user.homeTenantId.toLowerCase() === ctx.token.tid.toLowerCase();
  return ok({
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#users/$entity',
    id: user.objectId,
    displayName: user.displayName,
    userPrincipalName: home ? user.userPrincipalName : `${user.userPrincipalName.replace('@', '_')}#EXT#@guest.onmicrosoft.com`,
    userType: home ? (user.userType ?? 'Member') : 'Guest',
  });
}

export const graphRoutes: Route[] = [
  // 'me' first: the entity template below matches any single segment.
  { name: 'graph.me', method: 'GET', template: `${GRAPH}/me`, apiVersions: [], service: 'graph', handler: me },
  { name: 'graph.servicePrincipalByAppId', method: 'GET', template: `${GRAPH}/{entity}`, apiVersions: [], service: 'graph', handler: servicePrincipalByAppId },
];
