// What Azure RBAC lets a principal do at a scope, computed the way ARM does from the stand-in's role assignments
// and role definitions: every assignment of the principal at the scope or above it contributes its role's
// permission entries. Used by the `permissions` route and by the Entra-ID disk proxy (which, like the Disk RP,
// checks the download action of the token's user). Written independently of the extension's own evaluator, so a
// mistake there is not mirrored here.
import type { LocalAzureState } from '../state/LocalAzureState.ts';
import { isSelfOrAncestor } from './routes/authorizationScopes.ts';

export interface PermissionEntry {
  actions: string[];
  notActions: string[];
  dataActions: string[];
  notDataActions: string[];
}

export function effectivePermissions(state: LocalAzureState, principalId: string, scope: string): PermissionEntry[] {
  const out: PermissionEntry[] = [];
  for (const { resource: assignment } of state.all('roleAssignments')) {
    const p = assignment.properties ?? {};
    if (String(p.principalId).toLowerCase() !== principalId.toLowerCase()) continue;
    if (!isSelfOrAncestor(String(p.scope), scope)) continue;
    const guid = String(p.roleDefinitionId).split('/').pop()!.toLowerCase();
    const definition = state.all('roleDefinitions').find((d) => d.resource.name.toLowerCase() === guid);
    for (const entry of (definition?.resource.properties?.permissions ?? []) as Partial<PermissionEntry>[]) {
      out.push({ actions: entry.actions ?? [], notActions: entry.notActions ?? [], dataActions: entry.dataActions ?? [], notDataActions: entry.notDataActions ?? [] });
    }
  }
  return out;
}

/**
 * The data plane's check (the Disk RP's for a download): some entry's dataActions allow the action (glob `*`) and
 * that same entry's notDataActions do not remove it. Control-plane `actions` never grant a data action, so an
 * Owner (`actions: ['*']`) without a data role is refused.
 */
export function principalMayPerformDataAction(state: LocalAzureState, principalId: string, scope: string, dataAction: string): boolean {
  const covers = (pattern: string) => new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\/]/g, '\\$&')).join('.*') + '$', 'i').test(dataAction);
  return effectivePermissions(state, principalId, scope).some((e) => e.dataActions.some(covers) && !e.notDataActions.some(covers));
}
