import type { Translate } from '../l10n/Translate.ts';
import { DATA_OPERATOR_ROLE_NAME, type DiskLikeKind } from './dataAccessConstants.ts';
import type { DownloadPermission } from './evaluateDownloadPermission.ts';

export interface MissingRoleExplanation {
  /** One sentence for the notification: what is missing and how to get it. */
  readonly message: string;
  /** Detail for a modal or the log: the exact action, and why a role was not enough. */
  readonly detail: string;
  /** What an owner of the disk runs to grant the role (no secret in it). */
  readonly grantCommand: string;
}

/**
 * The article: users need "Data Operator for Managed Disks" or a custom role with the download action. We name
 * both, and the scope the owner should grant it on (the disk itself is the least privilege).
 */
export function explainMissingDownloadRole(
  input: { kind: DiskLikeKind; name: string; resourceId: string; assignee?: string; permission: Extract<DownloadPermission, { allowed: false }> },
  t: Translate,
): MissingRoleExplanation {
  const message = input.kind === 'disk'
    ? t('Disk {0} is secured with Microsoft Entra ID, and your account lacks {1} on it. Ask an owner to assign you the "{2}" role (or a custom role with that action) on the disk, its resource group or subscription.', input.name, input.permission.requiredAction, DATA_OPERATOR_ROLE_NAME)
    : t('Snapshot {0} is secured with Microsoft Entra ID, and your account lacks {1} on it. Ask an owner to assign you the "{2}" role (or a custom role with that action) on the snapshot, its resource group or subscription.', input.name, input.permission.requiredAction, DATA_OPERATOR_ROLE_NAME);
  const detail = input.permission.excludedBy
    ? t('A role you hold grants it, but excludes it again through its NotDataActions entry "{0}".', input.permission.excludedBy)
    : input.permission.managementOnlyPattern
      // Owners and Contributors are the people most surprised by this: their `*` manages the disk but is not a data action.
      ? t('Your roles (such as Owner or Contributor, "{0}") let you manage {1}, but downloading is a data action, which only a role\'s DataActions grant.', input.permission.managementOnlyPattern, input.name)
      : t('None of the roles you hold on {0} includes this action.', input.name);
  const assignee = input.assignee ?? '<your-user@your-tenant>';
  const grantCommand = `az role assignment create --assignee "${assignee}" --role "${DATA_OPERATOR_ROLE_NAME}" --scope "${input.resourceId}"`;
  return { message, detail, grantCommand };
}
