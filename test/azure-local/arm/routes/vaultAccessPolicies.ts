// Microsoft.KeyVault/vaults/accessPolicies (@azure/arm-keyvault 5.0.0, api-version 2026-02-01):
// PUT .../vaults/{vaultName}/accessPolicies/{add|replace|remove}. Key Vault's semantics: an entry is keyed by
// tenantId + objectId + applicationId; 'add' merges the given permissions into it (or appends a new entry),
// 'replace' overwrites its permissions, 'remove' deletes it. At most 1024 entries. The answer echoes the request.
import { ArmError, invalidRequestContent } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../route.ts';
import { requireResource, snapshotOf } from './lookup.ts';

const TYPE = 'Microsoft.KeyVault/vaults';
const MAX_ENTRIES = 1024;
const PERMISSION_KINDS = ['keys', 'secrets', 'certificates', 'storage'] as const;

interface Entry {
  tenantId: string;
  objectId: string;
  applicationId?: string;
  permissions: Partial<Record<(typeof PERMISSION_KINDS)[number], string[]>>;
}

const same = (a: string | undefined, b: string | undefined) => (a ?? '').toLowerCase() === (b ?? '').toLowerCase();
const sameEntry = (a: Entry, b: Entry) => same(a.tenantId, b.tenantId) && same(a.objectId, b.objectId) && same(a.applicationId, b.applicationId);

function union(existing: string[] = [], added: string[] = []): string[] {
  const out = [...existing];
  for (const p of added) if (!out.some((x) => same(x, p))) out.push(p);
  return out;
}

function readEntries(body: unknown): Entry[] {
  const entries = (body as { properties?: { accessPolicies?: unknown } } | undefined)?.properties?.accessPolicies;
  if (!Array.isArray(entries)) throw invalidRequestContent('properties.accessPolicies must be an array.');
  for (const e of entries as Entry[]) {
    if (!e?.tenantId || !e.objectId || typeof e.permissions !== 'object') {
      throw new ArmError(400, 'BadRequest', 'Every access policy needs tenantId, objectId and permissions.');
    }
  }
  return entries as Entry[];
}

function updateAccessPolicy(ctx: RouteContext): RouteResult {
  const record = requireResource(ctx, 'vaults', TYPE, 'vaultName');
  const kind = ctx.params.operationKind.toLowerCase();
  if (!['add', 'replace', 'remove'].includes(kind)) {
    throw new ArmError(400, 'BadRequest', `The access policy update kind '${ctx.params.operationKind}' is invalid: use add, replace or remove.`);
  }
  const entries = readEntries(ctx.body);
  const props = record.resource.properties!;
  const policies: Entry[] = structuredClone(props.accessPolicies ?? []);
  for (const entry of entries) {
    const i = policies.findIndex((p) => sameEntry(p, entry));
    if (kind === 'remove') {
      if (i >= 0) policies.splice(i, 1);
    } else if (i < 0) {
      policies.push(structuredClone(entry));
    } else if (kind === 'add') {
      for (const k of PERMISSION_KINDS) {
        if (entry.permissions[k] || policies[i].permissions[k]) policies[i].permissions[k] = union(policies[i].permissions[k], entry.permissions[k]);
      }
    } else {
      policies[i] = { ...policies[i], permissions: structuredClone(entry.permissions) };
    }
  }
  if (policies.length > MAX_ENTRIES) {
    throw new ArmError(400, 'AccessPolicyLimitExceeded', `The vault '${record.resource.name}' cannot have more than ${MAX_ENTRIES} access policies.`);
  }
  props.accessPolicies = policies;
  return ok({
    id: `${record.resource.id}/accessPolicies/${kind}`,
    type: `${TYPE}/accessPolicies`,
    properties: { accessPolicies: snapshotOf(entries) },
  });
}

export const vaultAccessPolicyRoutes: Route[] = [
  {
    name: 'vaults.updateAccessPolicy',
    method: 'PUT',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.KeyVault/vaults/{vaultName}/accessPolicies/{operationKind}',
    apiVersions: apiVersions.keyVault,
    resourceType: TYPE,
    handler: updateAccessPolicy,
  },
];
