// Microsoft.Authorization/roleAssignments (@azure/arm-authorization 9.0.0, api-version 2022-04-01): list for a
// scope ($filter principalId eq / atScope() / assignedTo), get, create, delete. Like ARM: an assignment names an
// existing role that is assignable at the scope and a principal of the directory; the same principal + role +
// scope under another name is RoleAssignmentExists, and PUT of an existing name with other content is refused.
import type { ArmResource } from '../../state/model.ts';
import { ArmError, invalidRequestContent } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../route.ts';
import { snapshotOf } from './lookup.ts';
import { atEveryScope, isSelfOrAncestor, scopeOf } from './authorizationScopes.ts';
import { findRoleDefinition } from './roleDefinitions.ts';
import { directoryHasObject } from './graph.ts';

const TYPE = 'Microsoft.Authorization/roleAssignments';
const common = { apiVersions: apiVersions.authorization } as const;

function related(assignmentScope: string, scope: string, atScopeOnly: boolean): boolean {
  // ARM lists assignments at, above and below the scope; atScope() keeps those at or above it.
  return isSelfOrAncestor(assignmentScope, scope) || (!atScopeOnly && isSelfOrAncestor(scope, assignmentScope));
}

function listForScope(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  const filter = (ctx.query.get('$filter') ?? '').trim();
  let principal: string | undefined;
  let atScopeOnly = false;
  if (filter) {
    const byPrincipal = /^(?:principalId\s+eq\s+'([^']+)'|assignedTo\('([^']+)'\))$/i.exec(filter);
    if (byPrincipal) principal = (byPrincipal[1] ?? byPrincipal[2]).toLowerCase();
    else if (/^atScope\(\)$/i.test(filter)) atScopeOnly = true;
    else throw new ArmError(400, 'UnsupportedQuery', `The filter '${filter}' is not supported.`);
  }
  const items = ctx.env.state
    .all('roleAssignments')
    .map((r) => r.resource)
    .filter((a) => related(String(a.properties?.scope), scope, atScopeOnly))
    .filter((a) => !principal || String(a.properties?.principalId).toLowerCase() === principal)
    .map((a) => snapshotOf(a));
  return ok(pageOf(ctx, items));
}

function assignmentId(scope: string, name: string): string {
  return `${scope}/providers/${TYPE}/${name}`;
}

function get(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  const record = ctx.env.state.get('roleAssignments', assignmentId(scope, ctx.params.roleAssignmentName));
  if (!record) throw new ArmError(404, 'RoleAssignmentNotFound', `The role assignment '${ctx.params.roleAssignmentName}' is not found.`);
  return ok(snapshotOf(record.resource));
}

interface AssignmentBody {
  properties?: { roleDefinitionId?: string; principalId?: string; principalType?: string; condition?: string; conditionVersion?: string; description?: string };
}

function create(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  const name = ctx.params.roleAssignmentName;
  const props = (ctx.body as AssignmentBody | undefined)?.properties;
  if (!props?.roleDefinitionId || !props.principalId) throw invalidRequestContent('roleDefinitionId and principalId are required.');
  const roleGuid = props.roleDefinitionId.split('/').pop() ?? '';
  const definition = findRoleDefinition(ctx, roleGuid);
  if (!definition) throw new ArmError(400, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${roleGuid}' does not exist.`);
  const assignable = (definition.resource.properties?.assignableScopes as string[] | undefined) ?? ['/'];
  if (!assignable.some((s) => s === '/' || isSelfOrAncestor(s, scope))) {
    throw new ArmError(403, 'InvalidRoleDefinitionScope', `The role definition '${roleGuid}' is not assignable at scope '${scope}'.`);
  }
  if (!directoryHasObject(ctx.env.state, ctx.token.tid, props.principalId)) {
    throw new ArmError(
      400,
      'PrincipalNotFound',
      `Principal ${props.principalId.replace(/-/g, '')} does not exist in the directory ${ctx.token.tid}. Check that you have the correct principal ID.`,
    );
  }
  const id = assignmentId(scope, name);
  const existing = ctx.env.state.get('roleAssignments', id);
  const duplicate = ctx.env.state.all('roleAssignments').find((r) => {
    const p = r.resource.properties ?? {};
    return r.resource.name.toLowerCase() !== name.toLowerCase() && String(p.scope).toLowerCase() === scope.toLowerCase()
      && String(p.principalId).toLowerCase() === props.principalId!.toLowerCase()
      && String(p.roleDefinitionId).split('/').pop()?.toLowerCase() === roleGuid.toLowerCase();
  });
  if (duplicate) throw new ArmError(409, 'RoleAssignmentExists', 'The role assignment already exists.');
  if (existing && String(existing.resource.properties?.principalId).toLowerCase() !== props.principalId.toLowerCase()) {
    throw new ArmError(400, 'RoleAssignmentUpdateNotPermitted', 'Tenant ID, application ID, principal ID, and scope are not allowed to be updated.');
  }
  const now = new Date().toISOString();
  const resource: ArmResource = {
    id,
    name,
    type: TYPE,
    properties: {
      roleDefinitionId: props.roleDefinitionId,
      principalId: props.principalId,
      principalType: props.principalType ?? 'User',
      scope,
      condition: props.condition ?? null,
      conditionVersion: props.conditionVersion ?? null,
      description: props.description ?? null,
      createdOn: existing?.resource.properties?.createdOn ?? now,
      updatedOn: now,
      createdBy: existing?.resource.properties?.createdBy ?? ctx.token.oid,
      updatedBy: ctx.token.oid,
      delegatedManagedIdentityResourceId: null,
    },
  };
  ctx.env.state.put('roleAssignments', { resource });
  return { status: 201, body: snapshotOf(resource) };
}

/** ARM answers the deleted assignment (200), or 204 when there was none. */
function remove(ctx: RouteContext): RouteResult {
  const id = assignmentId(scopeOf(ctx), ctx.params.roleAssignmentName);
  const record = ctx.env.state.get('roleAssignments', id);
  if (!record) return { status: 204 };
  ctx.env.state.delete('roleAssignments', id);
  return ok(snapshotOf(record.resource));
}

export const roleAssignmentRoutes: Route[] = [
  ...atEveryScope(`/providers/${TYPE}`).map((template): Route => ({ name: 'roleAssignments.listForScope', method: 'GET', template, ...common, handler: listForScope })),
  ...atEveryScope(`/providers/${TYPE}/{roleAssignmentName}`).map((template): Route => ({ name: 'roleAssignments.get', method: 'GET', template, ...common, handler: get })),
  ...atEveryScope(`/providers/${TYPE}/{roleAssignmentName}`).map((template): Route => ({ name: 'roleAssignments.create', method: 'PUT', template, ...common, handler: create })),
  ...atEveryScope(`/providers/${TYPE}/{roleAssignmentName}`).map((template): Route => ({ name: 'roleAssignments.delete', method: 'DELETE', template, ...common, handler: remove })),
];
