// Who may do what on a local vault's keys, decided like Key Vault does: an access-policy vault looks for a policy of
// the caller's object id (and tenant) holding the key permission; an RBAC vault looks for a role assignment of the
// caller at the vault or above whose role grants the data action. Role definitions come from the state when it has
// them (custom roles), else from the built-in roles below.
import type { LocalAzureState, ResourceKind } from '../state/LocalAzureState.ts';
import type { ArmResource } from '../state/model.ts';

export type KeyOperation = 'create' | 'get' | 'list';

const DATA_ACTIONS: Record<KeyOperation, string> = {
  create: 'Microsoft.KeyVault/vaults/keys/create/action',
  get: 'Microsoft.KeyVault/vaults/keys/read',
  list: 'Microsoft.KeyVault/vaults/keys/read',
};

/** Data actions of the built-in Key Vault roles (role definition GUIDs are the same in every tenant). */
const BUILT_IN_DATA_ACTIONS: Record<string, string[]> = {
  '00482a5a-887f-4fb3-b363-3b7fe8e74483': ['Microsoft.KeyVault/vaults/*'], // Key Vault Administrator
  '14b46e9e-c2b7-41b4-b07b-48a6ebf60603': ['Microsoft.KeyVault/vaults/keys/*', 'Microsoft.KeyVault/vaults/keyrotationpolicies/*'], // Key Vault Crypto Officer
  '12338af0-0e69-4776-bea7-57ae8d297424': ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/wrap/action', 'Microsoft.KeyVault/vaults/keys/unwrap/action'], // Key Vault Crypto User
  '21090545-7ca7-4776-b22c-e363652d74d2': ['Microsoft.KeyVault/vaults/*/read'], // Key Vault Reader
};

export interface Caller {
  readonly objectId: string;
  readonly tenantId: string;
}

export type AccessDecision = { allowed: true } | { allowed: false; model: 'rbac' | 'accessPolicy'; dataAction: string };

export function decideKeyAccess(state: LocalAzureState, vault: ArmResource, caller: Caller, operation: KeyOperation): AccessDecision {
  const properties = vault.properties ?? {};
  const dataAction = DATA_ACTIONS[operation];
  if (properties.enableRbacAuthorization === true) {
    const allowed = roleAssignmentsOf(state).some((a) => assignmentGrants(state, a, vault.id, caller, dataAction));
    return allowed ? { allowed: true } : { allowed: false, model: 'rbac', dataAction };
  }
  const policies = (properties.accessPolicies ?? []) as Array<{ tenantId?: string; objectId?: string; permissions?: { keys?: string[] } }>;
  const allowed = policies.some((p) =>
    p.objectId?.toLowerCase() === caller.objectId.toLowerCase()
    && (!p.tenantId || p.tenantId.toLowerCase() === caller.tenantId.toLowerCase())
    && (p.permissions?.keys ?? []).some((k) => k.toLowerCase() === operation || k.toLowerCase() === 'all'));
  return allowed ? { allowed: true } : { allowed: false, model: 'accessPolicy', dataAction };
}

function roleAssignmentsOf(state: LocalAzureState): ArmResource[] {
  // Role assignments are part of the state only where the ARM stand-in serves Microsoft.Authorization.
  try {
    return state.all('roleAssignments' as ResourceKind).map((r) => r.resource);
  } catch {
    return [];
  }
}

function assignmentGrants(state: LocalAzureState, assignment: ArmResource, vaultId: string, caller: Caller, dataAction: string): boolean {
  const p = assignment.properties ?? {};
  if (String(p.principalId ?? '').toLowerCase() !== caller.objectId.toLowerCase()) return false;
  const scope = String(p.scope ?? '').toLowerCase().replace(/\/+$/, '');
  const target = vaultId.toLowerCase();
  if (!(target === scope || target.startsWith(scope + '/'))) return false;
  const roleGuid = String(p.roleDefinitionId ?? '').split('/').pop()?.toLowerCase() ?? '';
  return dataActionsOf(state, roleGuid).some((pattern) => matches(pattern, dataAction));
}

function dataActionsOf(state: LocalAzureState, roleGuid: string): string[] {
  let definitions: ArmResource[] = [];
  try {
    definitions = state.all('roleDefinitions' as ResourceKind).map((r) => r.resource);
  } catch {
    definitions = [];
  }
  const definition = definitions.find((d) => d.name?.toLowerCase() === roleGuid);
  const permissions = (definition?.properties?.permissions ?? []) as Array<{ dataActions?: string[]; notDataActions?: string[] }>;
  if (definition) return permissions.flatMap((x) => x.dataActions ?? []);
  return BUILT_IN_DATA_ACTIONS[roleGuid] ?? [];
}

function matches(pattern: string, action: string): boolean {
  const re = new RegExp('^' + pattern.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')).join('.*') + '$', 'i');
  return re.test(action);
}
