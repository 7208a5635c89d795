// Microsoft.Authorization policy assignments and initiatives (@azure/arm-policy 7.0.1, api-version 2025-03-01), read
// by the ADE pre-flight (article 001: the "Secrets should have the specified maximum validity period" policy with
// Deny makes ADE unsupported). Served: the subscription's assignment list (those of its management groups, itself and
// what it contains; `$filter=atScope()` drops those below it), and GET of an initiative (built-in, subscription,
// management group). Tests add assignments and initiatives with policyStateOf(state).
import type { LocalAzureState } from '../../state/LocalAzureState.ts';
import { ArmError } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route, type RouteContext } from '../route.ts';

/** As ARM returns them: `{ id, name, type, properties: { scope, policyDefinitionId, parameters, … } }`. */
export type PolicyResourceJson = { id: string; name: string; type: string; properties: Record<string, unknown> };

export type PolicyState = { assignments: PolicyResourceJson[]; setDefinitions: PolicyResourceJson[] };

const states = new WeakMap<LocalAzureState, PolicyState>();

export function policyStateOf(state: LocalAzureState): PolicyState {
  let policies = states.get(state);
  if (!policies) states.set(state, (policies = { assignments: [], setDefinitions: [] }));
  return policies;
}

/** An assignment of `policyDefinitionId` at `scope` (ids as Azure forms them). */
export function policyAssignment(scope: string, name: string, policyDefinitionId: string, properties: Record<string, unknown> = {}): PolicyResourceJson {
  return {
    id: `${scope}/providers/Microsoft.Authorization/policyAssignments/${name}`,
    name,
    type: 'Microsoft.Authorization/policyAssignments',
    properties: { displayName: name, scope, policyDefinitionId, enforcementMode: 'Default', notScopes: [], parameters: {}, ...properties },
  };
}

const common = { apiVersions: apiVersions.policy } as const;
const lower = (s: string) => s.toLowerCase().replace(/\/+$/, '');

function listForSubscription(ctx: RouteContext) {
  const subscription = lower(`/subscriptions/${ctx.params.subscriptionId}`);
  const filter = (ctx.query.get('$filter') ?? '').trim();
  if (filter && !/^atScope\(\)$/i.test(filter)) throw new ArmError(400, 'InvalidFilterInQueryString', `The filter '${filter}' is not supported here.`);
  const items = policyStateOf(ctx.env.state).assignments.filter((a) => {
    const scope = lower(String(a.properties.scope ?? ''));
    const above = scope.startsWith('/providers/microsoft.management/managementgroups/') || scope === subscription;
    return above || (!filter && scope.startsWith(`${subscription}/`));
  });
  return ok(pageOf(ctx, items));
}

function getSet(ctx: RouteContext, prefix: string) {
  const id = lower(`${prefix}/providers/Microsoft.Authorization/policySetDefinitions/${ctx.params.policySetDefinitionName}`);
  const set = policyStateOf(ctx.env.state).setDefinitions.find((s) => lower(s.id) === id);
  if (!set) throw new ArmError(404, 'PolicySetDefinitionNotFound', `The policy set definition '${ctx.params.policySetDefinitionName}' could not be found.`);
  return ok(set);
}

export const policyRoutes: Route[] = [
  {
    name: 'policyAssignments.list',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policyAssignments',
    ...common,
    handler: listForSubscription,
  },
  {
    name: 'policySetDefinitions.get',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}',
    ...common,
    handler: (ctx) => getSet(ctx, `/subscriptions/${ctx.params.subscriptionId}`),
  },
  {
    name: 'policySetDefinitions.getBuiltIn',
    method: 'GET',
    template: '/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}',
    ...common,
    handler: (ctx) => getSet(ctx, ''),
  },
  {
    name: 'policySetDefinitions.getAtManagementGroup',
    method: 'GET',
    template: '/providers/Microsoft.Management/managementGroups/{managementGroupId}/providers/Microsoft.Authorization/policySetDefinitions/{policySetDefinitionName}',
    ...common,
    handler: (ctx) => getSet(ctx, `/providers/Microsoft.Management/managementGroups/${ctx.params.managementGroupId}`),
  },
];
