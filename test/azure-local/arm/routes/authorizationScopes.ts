// Microsoft.Authorization lives under any scope: /subscriptions/{s}, a resource group, or a resource. The router
// matches whole segments, so each operation is registered once per scope level; these helpers build the templates
// and turn the captured params back into the scope string ARM writes into ids.
import { armId } from '../../state/LocalAzureState.ts';
import { resourceNotFound } from '../armError.ts';
import type { RouteContext } from '../route.ts';

const SCOPE_TEMPLATES = [
  '/subscriptions/{subscriptionId}',
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}',
  '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/{scopeNamespace}/{scopeType}/{scopeName}',
] as const;

/** `suffix` appended to each scope level ('/providers/Microsoft.Authorization/roleAssignments/{roleAssignmentName}'). */
export function atEveryScope(suffix: string): string[] {
  return SCOPE_TEMPLATES.map((scope) => `${scope}${suffix}`);
}

/** The scope the request addresses, with the casing the caller used; a resource scope must exist. */
export function scopeOf(ctx: RouteContext): string {
  const { subscriptionId, resourceGroupName, scopeNamespace, scopeType, scopeName } = ctx.params;
  if (!resourceGroupName) return `/subscriptions/${subscriptionId}`;
  if (!scopeName) return `/subscriptions/${subscriptionId}/resourceGroups/${resourceGroupName}`;
  const id = armId(subscriptionId, resourceGroupName, `${scopeNamespace}/${scopeType}`, scopeName);
  if (!ctx.env.state.find(id) && knownResourceType(`${scopeNamespace}/${scopeType}`)) {
    throw resourceNotFound(`${scopeNamespace}/${scopeType}`, scopeName, resourceGroupName);
  }
  return id;
}

/** Types the stand-in holds: for those a missing resource is ARM's 404; other types are taken on trust. */
function knownResourceType(type: string): boolean {
  return ['microsoft.compute/virtualmachines', 'microsoft.compute/disks', 'microsoft.compute/snapshots', 'microsoft.keyvault/vaults']
    .includes(type.toLowerCase());
}

/** `scope` is `other` itself or one of its ancestors (segment-wise, case-insensitive). */
export function isSelfOrAncestor(scope: string, other: string): boolean {
  const a = scope.replace(/\/+$/, '').toLowerCase();
  const b = other.replace(/\/+$/, '').toLowerCase();
  return a === '' || a === b || b.startsWith(`${a}/`);
}

export function subscriptionOfScope(scope: string): string | undefined {
  return /^\/subscriptions\/([^/]+)/i.exec(scope)?.[1];
}
