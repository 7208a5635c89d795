import { actionMatchesPattern } from './actionMatchesPattern.ts';
import { downloadActionFor, type DiskLikeKind } from './dataAccessConstants.ts';

/** One entry of `permissions.listForResource` (@azure/arm-authorization 9 `Permission`). */
export interface PermissionLike {
  actions?: string[];
  notActions?: string[];
  dataActions?: string[];
  notDataActions?: string[];
}

export type DownloadPermission =
  | { readonly allowed: true; readonly requiredAction: string; readonly grantedBy: string }
  | {
    readonly allowed: false;
    readonly requiredAction: string;
    /** A NotDataActions pattern that removed the action from a role that otherwise granted it. */
    readonly excludedBy?: string;
    /** A control-plane pattern (`actions`, e.g. Owner's `*`) that names the action but cannot grant a data action. */
    readonly managementOnlyPattern?: string;
  };

/**
 * Does the caller hold the download data action on this disk or snapshot? The download actions are DataActions:
 * the built-in "Data Operator for Managed Disks" role has `actions: []` and lists them under `dataActions`, and
 * Azure RBAC never lets a control-plane `actions` entry (Owner's and Contributor's `*`) grant a data action. So
 * only `dataActions` count; each entry of the list is one role assignment's effective permissions, and an entry
 * grants the action when one of its `dataActions` covers it and none of its own `notDataActions` does
 * (exclusions subtract within a role, they do not deny across roles).
 */
export function evaluateDownloadPermission(permissions: readonly PermissionLike[], kind: DiskLikeKind): DownloadPermission {
  const requiredAction = downloadActionFor(kind);
  let excludedBy: string | undefined;
  let managementOnlyPattern: string | undefined;
  for (const entry of permissions) {
    managementOnlyPattern ??= (entry.actions ?? []).find((pattern) => actionMatchesPattern(requiredAction, pattern));
    const granting = (entry.dataActions ?? []).find((pattern) => actionMatchesPattern(requiredAction, pattern));
    if (!granting) continue;
    const excluding = (entry.notDataActions ?? []).find((pattern) => actionMatchesPattern(requiredAction, pattern));
    if (excluding) {
      excludedBy ??= excluding;
      continue;
    }
    return { allowed: true, requiredAction, grantedBy: granting };
  }
  return {
    allowed: false,
    requiredAction,
    ...(excludedBy ? { excludedBy } : {}),
    ...(managementOnlyPattern ? { managementOnlyPattern } : {}),
  };
}
