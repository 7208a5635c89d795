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
  | { readonly allowed: false; readonly requiredAction: string; readonly excludedBy?: string };

/**
 * Does the caller hold the download action on this disk or snapshot? Each entry of the list is one role
 * assignment's effective permissions: an entry grants the action when one of its `actions` covers it and none of
 * its own `notActions` does (notActions subtract within a role, they do not deny across roles). The download
 * action is a control-plane action (`actions`), not a data action; a role listing it under `dataActions` is
 * counted too, since the result for the user is the same question.
 */
export function evaluateDownloadPermission(permissions: readonly PermissionLike[], kind: DiskLikeKind): DownloadPermission {
  const requiredAction = downloadActionFor(kind);
  let excludedBy: string | undefined;
  for (const entry of permissions) {
    for (const [allow, deny] of [[entry.actions, entry.notActions], [entry.dataActions, entry.notDataActions]] as const) {
      const granting = (allow ?? []).find((pattern) => actionMatchesPattern(requiredAction, pattern));
      if (!granting) continue;
      const excluding = (deny ?? []).find((pattern) => actionMatchesPattern(requiredAction, pattern));
      if (excluding) {
        excludedBy ??= excluding;
        continue;
      }
      return { allowed: true, requiredAction, grantedBy: granting };
    }
  }
  return excludedBy ? { allowed: false, requiredAction, excludedBy } : { allowed: false, requiredAction };
}
