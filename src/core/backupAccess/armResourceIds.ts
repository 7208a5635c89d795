// Small helpers over ARM resource ids and Key Vault URLs. ARM ids compare case-insensitively; scope
// containment must respect segment boundaries (".../vaults/kv1" is not inside ".../vaults/kv").

export function sameArmId(a: string | undefined, b: string | undefined): boolean {
  return a !== undefined && b !== undefined && trimSlash(a).toLowerCase() === trimSlash(b).toLowerCase();
}

function trimSlash(id: string): string {
  return id.length > 1 ? id.replace(/\/+$/, '') : id;
}

/** The value after `/{segment}/` in an ARM id (case-insensitive segment name). */
export function armIdSegment(id: string, segment: string): string | undefined {
  const parts = id.split('/');
  const i = parts.findIndex((p) => p.toLowerCase() === segment.toLowerCase());
  return i >= 0 && i + 1 < parts.length && parts[i + 1] !== '' ? parts[i + 1] : undefined;
}

export function subscriptionIdOf(id: string): string | undefined {
  return armIdSegment(id, 'subscriptions');
}

export function resourceGroupIdOf(id: string): string | undefined {
  const sub = subscriptionIdOf(id);
  const rg = armIdSegment(id, 'resourceGroups');
  return sub && rg ? `/subscriptions/${sub}/resourceGroups/${rg}` : undefined;
}

/** Last segment of an id: a vault's name, a role definition's GUID. */
export function lastSegment(id: string): string {
  const parts = trimSlash(id).split('/');
  return parts[parts.length - 1];
}

/**
 * How `scope` relates to `resourceId`: the resource itself, one of its ancestors (inherited), or neither.
 * Management-group scopes can't be placed from the id alone; the adapter lists assignments with
 * roleAssignments.listForScope(vaultId), which returns only those that apply, so we trust them as ancestors.
 */
export type ScopeRelation = 'self' | 'resourceGroup' | 'subscription' | 'managementGroup' | 'root' | 'unrelated';

export function scopeRelation(scope: string, resourceId: string): ScopeRelation {
  const s = trimSlash(scope).toLowerCase();
  const r = trimSlash(resourceId).toLowerCase();
  if (s === '/') return 'root';
  if (s.startsWith('/providers/microsoft.management/managementgroups/')) return 'managementGroup';
  if (s === r) return 'self';
  if (!r.startsWith(`${s}/`)) return 'unrelated';
  if (/^\/subscriptions\/[^/]+$/.test(s)) return 'subscription';
  if (/^\/subscriptions\/[^/]+\/resourcegroups\/[^/]+$/.test(s)) return 'resourceGroup';
  // Some other ancestor (e.g. a parent resource): still inherited, but not a level we name.
  return 'resourceGroup';
}

/** Key Vault DNS name of a vault URL/secret URL/key URL: `https://kv1.vault.azure.net/secrets/x/1` -> kv1. */
export function vaultNameFromKeyVaultUrl(url: string): string | undefined {
  try {
    const host = new URL(url).hostname;
    const name = host.split('.')[0];
    return name ? name.toLowerCase() : undefined;
  } catch {
    return undefined;
  }
}

/** `https://kv1.vault.azure.net/secrets/x/1` -> `https://kv1.vault.azure.net/`. */
export function vaultUriFromKeyVaultUrl(url: string): string | undefined {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}/`;
  } catch {
    return undefined;
  }
}

/** Role definition id as role assignments reference it: /subscriptions/{sub}/providers/Microsoft.Authorization/roleDefinitions/{guid}. */
export function subscriptionRoleDefinitionId(subscriptionId: string, roleGuid: string): string {
  return `/subscriptions/${subscriptionId}/providers/Microsoft.Authorization/roleDefinitions/${roleGuid}`;
}

/** `https://kv1.vault.azure.net/keys/kek/0123` -> { vaultUri: 'https://kv1.vault.azure.net/', name: 'kek', version: '0123' }. */
export function parseKeyVaultKeyUrl(url: string): { vaultUri: string; name: string; version?: string } | undefined {
  try {
    const u = new URL(url);
    const [kind, name, version] = u.pathname.split('/').filter(Boolean);
    if (kind?.toLowerCase() !== 'keys' || !name) return undefined;
    return { vaultUri: `${u.protocol}//${u.host}/`, name, ...(version ? { version } : {}) };
  } catch {
    return undefined;
  }
}
