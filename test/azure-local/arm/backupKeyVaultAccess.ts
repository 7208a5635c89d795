// Whether Azure Backup may read an ADE-encrypted VM's keys and secrets, decided the way the service does before it
// snapshots the VM: for every key vault holding the VM's BEK (a secret) or KEK (a key), the Backup Management
// Service principal *of that vault's tenant* must hold get/list/backup on what the vault holds — through an access
// policy, or (RBAC vault) a role assignment at the vault or above whose role grants the matching data actions.
// Without it the backup job fails with UserErrorKeyVaultPermissionsNotConfigured. Written independently of the
// extension's planner, so a mistake there is not mirrored here.
import type { LocalAzureState } from '../state/LocalAzureState.ts';
import type { ArmResource } from '../state/model.ts';
import { isSelfOrAncestor } from './routes/authorizationScopes.ts';

export const BACKUP_MANAGEMENT_SERVICE_APP_ID = '262044b1-e2ce-469f-a196-69ab7ada62d3';
const KEY_VAULT_ADMINISTRATOR = '00482a5a-887f-4fb3-b363-3b7fe8e74483';

const NEEDED = {
  secrets: { permissions: ['get', 'list', 'backup'], dataActions: ['Microsoft.KeyVault/vaults/secrets/getSecret/action', 'Microsoft.KeyVault/vaults/secrets/readMetadata/action', 'Microsoft.KeyVault/vaults/secrets/backup/action'] },
  keys: { permissions: ['get', 'list', 'backup'], dataActions: ['Microsoft.KeyVault/vaults/keys/read', 'Microsoft.KeyVault/vaults/keys/backup/action'] },
} as const;

export interface KeyVaultUseOfVm {
  vaultId: string;
  holdsBek: boolean;
  holdsKek: boolean;
}

/** The key vaults a VM's ADE uses, from its extension settings and its disks' encryption settings. */
export function adeKeyVaultsOfVm(state: LocalAzureState, vm: ArmResource): KeyVaultUseOfVm[] {
  const uses = new Map<string, KeyVaultUseOfVm>();
  const use = (vaultId: unknown, kind: 'bek' | 'kek') => {
    if (typeof vaultId !== 'string' || vaultId === '') return;
    const entry = uses.get(vaultId.toLowerCase()) ?? { vaultId, holdsBek: false, holdsKek: false };
    if (kind === 'bek') entry.holdsBek = true;
    else entry.holdsKek = true;
    uses.set(vaultId.toLowerCase(), entry);
  };
  const extensions = (vm.resources ?? []) as Array<{ properties?: { publisher?: string; type?: string; settings?: Record<string, string> } }>;
  for (const ext of extensions) {
    const p = ext.properties ?? {};
    if (!/^AzureDiskEncryption(ForLinux)?$/i.test(p.type ?? '') || !/^Microsoft\.Azure\.Security$/i.test(p.publisher ?? '')) continue;
    const s = p.settings ?? {};
    if (/^DisableEncryption$/i.test(s.EncryptionOperation ?? '')) continue;
    use(s.KeyVaultResourceId, 'bek');
    if (s.KeyEncryptionKeyURL) use(s.KekVaultResourceId ?? s.KeyVaultResourceId, 'kek');
  }
  const storage = (vm.properties?.storageProfile ?? {}) as { osDisk?: { managedDisk?: { id?: string } }; dataDisks?: Array<{ managedDisk?: { id?: string } }> };
  for (const diskId of [storage.osDisk?.managedDisk?.id, ...(storage.dataDisks ?? []).map((d) => d.managedDisk?.id)]) {
    const disk = diskId ? state.get('disks', diskId)?.resource : undefined;
    const collection = disk?.properties?.encryptionSettingsCollection as { enabled?: boolean; encryptionSettings?: Array<{ diskEncryptionKey?: { sourceVault?: { id?: string } }; keyEncryptionKey?: { sourceVault?: { id?: string } } }> } | undefined;
    if (!collection || collection.enabled === false) continue;
    for (const s of collection.encryptionSettings ?? []) {
      use(s.diskEncryptionKey?.sourceVault?.id, 'bek');
      use(s.keyEncryptionKey?.sourceVault?.id, 'kek');
    }
  }
  return [...uses.values()];
}

/** The vaults (by name) where Azure Backup lacks what it needs to back up this VM; empty when it may. */
export function vaultsDenyingBackup(state: LocalAzureState, vm: ArmResource): string[] {
  const denied: string[] = [];
  for (const use of adeKeyVaultsOfVm(state, vm)) {
    const vault = state.get('vaults', use.vaultId)?.resource;
    const name = use.vaultId.split('/').pop()!;
    if (!vault) {
      denied.push(name);
      continue;
    }
    const tenantId = String(vault.properties?.tenantId ?? '');
    const principal = state.servicePrincipals.find((sp) => sp.appId === BACKUP_MANAGEMENT_SERVICE_APP_ID && sp.tenantId.toLowerCase() === tenantId.toLowerCase());
    const needs = [...(use.holdsBek ? [NEEDED.secrets] : []), ...(use.holdsKek ? [NEEDED.keys] : [])];
    const kinds = [...(use.holdsBek ? ['secrets' as const] : []), ...(use.holdsKek ? ['keys' as const] : [])];
    const allowed = principal !== undefined && (vault.properties?.enableRbacAuthorization === true
      ? needs.every((n) => n.dataActions.every((action) => rbacAllows(state, principal.id, vault.id, action)))
      : kinds.every((kind) => policyAllows(vault, principal.id, tenantId, kind, NEEDED[kind].permissions)));
    if (!allowed) denied.push(vault.name);
  }
  return denied;
}

function policyAllows(vault: ArmResource, objectId: string, tenantId: string, kind: 'keys' | 'secrets', needed: readonly string[]): boolean {
  const policies = (vault.properties?.accessPolicies ?? []) as Array<{ tenantId?: string; objectId?: string; applicationId?: string; permissions?: Record<string, string[]> }>;
  const granted = new Set(policies
    .filter((p) => p.objectId?.toLowerCase() === objectId.toLowerCase() && !p.applicationId && (p.tenantId ?? '').toLowerCase() === tenantId.toLowerCase())
    .flatMap((p) => (p.permissions?.[kind] ?? []).map((x) => x.toLowerCase())));
  return granted.has('all') || needed.every((x) => granted.has(x));
}

function rbacAllows(state: LocalAzureState, principalId: string, vaultId: string, dataAction: string): boolean {
  return state.all('roleAssignments').some(({ resource: a }) => {
    const p = a.properties ?? {};
    if (String(p.principalId).toLowerCase() !== principalId.toLowerCase() || p.condition) return false;
    if (!isSelfOrAncestor(String(p.scope), vaultId)) return false;
    const guid = String(p.roleDefinitionId).split('/').pop()!.toLowerCase();
    const definition = state.all('roleDefinitions').find((d) => d.resource.name.toLowerCase() === guid)?.resource;
    const entries = (definition?.properties?.permissions ?? (guid === KEY_VAULT_ADMINISTRATOR ? [{ dataActions: ['Microsoft.KeyVault/vaults/*'] }] : [])) as Array<{ dataActions?: string[]; notDataActions?: string[] }>;
    return entries.some((e) => (e.dataActions ?? []).some((x) => glob(x, dataAction)) && !(e.notDataActions ?? []).some((x) => glob(x, dataAction)));
  });
}

function glob(pattern: string, action: string): boolean {
  return new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*') + '$', 'i').test(action);
}
