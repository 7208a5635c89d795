// Microsoft.Authorization/roleDefinitions (@azure/arm-authorization 9.0.0, api-version 2022-04-01): list at a
// scope (with $filter), get (also by id), create or update a custom role. GUIDs are tenant-wide, so definitions
// are stored once (/providers/Microsoft.Authorization/roleDefinitions/{guid}) and answered with the id ARM
// writes for the subscription in the request path. Custom role names are unique in the directory.
import type { StoredResource } from '../../state/LocalAzureState.ts';
import type { ArmResource } from '../../state/model.ts';
import { ArmError, invalidRequestContent } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../route.ts';
import { snapshotOf } from './lookup.ts';
import { atEveryScope, isSelfOrAncestor, scopeOf, subscriptionOfScope } from './authorizationScopes.ts';

const TYPE = 'Microsoft.Authorization/roleDefinitions';
const common = { apiVersions: apiVersions.authorization } as const;

export function storedRoleDefinitionId(guid: string): string {
  return `/providers/${TYPE}/${guid}`;
}

/** The definition as ARM answers it when called under `scope`. */
export function roleDefinitionJson(record: StoredResource, scope: string): ArmResource {
  const json = snapshotOf(record.resource);
  const sub = subscriptionOfScope(scope);
  if (sub) json.id = `/subscriptions/${sub}${storedRoleDefinitionId(json.name)}`;
  return json;
}

export function findRoleDefinition(ctx: RouteContext, guid: string): StoredResource | undefined {
  return ctx.env.state.get('roleDefinitions', storedRoleDefinitionId(guid));
}

/** Built-in roles everywhere; custom roles where one of their assignable scopes is this scope or above it. */
function availableAt(record: StoredResource, scope: string): boolean {
  const p = record.resource.properties ?? {};
  if (p.type !== 'CustomRole') return true;
  return ((p.assignableScopes as string[] | undefined) ?? []).some((s) => isSelfOrAncestor(s, scope));
}

function applyFilter(records: StoredResource[], filter: string | null): StoredResource[] {
  if (!filter) return records;
  const type = /^type\s+eq\s+'([^']*)'$/i.exec(filter.trim());
  if (type) return records.filter((r) => String(r.resource.properties?.type).toLowerCase() === type[1].toLowerCase());
  const name = /^roleName\s+eq\s+'([^']*)'$/i.exec(filter.trim());
  if (name) return records.filter((r) => String(r.resource.properties?.roleName).toLowerCase() === name[1].toLowerCase());
  throw new ArmError(400, 'InvalidFilterInQueryString', `The filter '${filter}' is not supported.`);
}

function listAt(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  const records = applyFilter(ctx.env.state.all('roleDefinitions').filter((r) => availableAt(r, scope)), ctx.query.get('$filter'));
  return ok({ value: records.map((r) => roleDefinitionJson(r, scope)) });
}

function getAt(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  const record = findRoleDefinition(ctx, ctx.params.roleDefinitionId);
  if (!record) {
    throw new ArmError(404, 'RoleDefinitionDoesNotExist', `The specified role definition with ID '${ctx.params.roleDefinitionId}' does not exist.`);
  }
  return ok(roleDefinitionJson(record, scope));
}

interface RoleDefinitionBody {
  properties?: {
    roleName?: string;
    description?: string;
    type?: string;
    permissions?: unknown[];
    assignableScopes?: string[];
  };
}

function createOrUpdate(ctx: RouteContext): RouteResult {
  const scope = scopeOf(ctx);
  const guid = ctx.params.roleDefinitionId;
  const body = ctx.body as RoleDefinitionBody | undefined;
  const props = body?.properties;
  if (!props || typeof props !== 'object') throw invalidRequestContent('The role definition must have properties.');
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(guid)) {
    throw new ArmError(400, 'InvalidRoleDefinitionId', 'The role definition ID must be a GUID.');
  }
  if (!props.roleName?.trim()) throw new ArmError(400, 'RoleDefinitionNameNullOrEmpty', 'The role definition name cannot be null or empty.');
  const scopes = props.assignableScopes ?? [];
  if (scopes.length === 0) throw new ArmError(400, 'MissingAssignableScopes', 'The role definition must have at least one assignable scope.');
  if (!scopes.some((s) => isSelfOrAncestor(scope, s) || isSelfOrAncestor(s, scope))) {
    throw new ArmError(400, 'RoleDefinitionScopeMismatch', `The scope '${scope}' of the request must be one of the role's assignable scopes.`);
  }
  const existing = findRoleDefinition(ctx, guid);
  if (existing && existing.resource.properties?.type !== 'CustomRole') {
    throw new ArmError(403, 'AuthorizationFailed', `Built-in role '${guid}' cannot be changed.`);
  }
  const sameName = ctx.env.state.all('roleDefinitions').find(
    (r) => r.resource.name.toLowerCase() !== guid.toLowerCase() && String(r.resource.properties?.roleName).toLowerCase() === props.roleName!.trim().toLowerCase(),
  );
  if (sameName) {
    throw new ArmError(409, 'RoleDefinitionWithSameNameExists', 'A custom role with the same name already exists in this directory. Use a different name.');
  }
  const now = new Date().toISOString();
  const resource: ArmResource = {
    id: storedRoleDefinitionId(guid),
    name: guid.toLowerCase(),
    type: TYPE,
    properties: {
      roleName: props.roleName.trim(),
      type: 'CustomRole',
      description: props.description ?? '',
      assignableScopes: scopes,
      permissions: props.permissions ?? [],
      createdOn: existing?.resource.properties?.createdOn ?? now,
      updatedOn: now,
      createdBy: existing?.resource.properties?.createdBy ?? ctx.token.oid,
      updatedBy: ctx.token.oid,
    },
  };
  const record = ctx.env.state.put('roleDefinitions', { resource });
  // The SDK (2022-04-01) expects 201 for both creation and update.
  return { status: 201, body: roleDefinitionJson(record, scope) };
}

export const roleDefinitionRoutes: Route[] = [
  ...atEveryScope(`/providers/${TYPE}`).map((template): Route => ({ name: 'roleDefinitions.list', method: 'GET', template, ...common, handler: listAt })),
  ...atEveryScope(`/providers/${TYPE}/{roleDefinitionId}`).map((template): Route => ({ name: 'roleDefinitions.get', method: 'GET', template, ...common, handler: getAt })),
  ...atEveryScope(`/providers/${TYPE}/{roleDefinitionId}`).map((template): Route => ({ name: 'roleDefinitions.createOrUpdate', method: 'PUT', template, ...common, handler: createOrUpdate })),
];
