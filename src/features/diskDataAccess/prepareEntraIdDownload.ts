import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { createDiskTokenGetter } from '../../azure/diskDataAccess/createDiskTokenGetter.ts';
import type { DiskRef } from '../../azure/diskDataAccess/diskRef.ts';
import { listDownloadPermissions, listDownloadPermissionsInResourceGroup } from '../../azure/diskDataAccess/listDownloadPermissions.ts';
import { isEntraIdSecured } from '../../core/diskDataAccess/dataAccessConstants.ts';
import { evaluateDownloadPermission } from '../../core/diskDataAccess/evaluateDownloadPermission.ts';
import { explainMissingDownloadRole, type MissingRoleExplanation } from '../../core/diskDataAccess/explainMissingDownloadRole.ts';
import { readDiskTokenScope } from './readDiskTokenScope.ts';
import type { GetBearerToken } from '../../azure/storage/bearerTokenHolder.ts';

/** Raised before any grant when the user cannot download an Entra-ID disk; carries the way to get the role. */
export class MissingDownloadRoleError extends Error {
  readonly explanation: MissingRoleExplanation;
  constructor(explanation: MissingRoleExplanation) {
    super(explanation.message);
    this.name = 'MissingDownloadRoleError';
    this.explanation = explanation;
  }
}

/**
 * For the VHD export (and anything else that reads a disk's bytes): call before granting. For a disk secured with
 * Entra ID it checks the download role and returns the token getter the download engine sends with the SAS
 * (`downloadPageBlobToFile({ getBearerToken })`); for other disks it returns `{}`. Throws MissingDownloadRoleError
 * (its message is translated, one sentence) when the role is missing. `notCreatedYet`: the snapshot this export
 * will take: its permissions are those of its resource group, where it will inherit them from.
 */
export async function prepareEntraIdDownload(
  session: SubscriptionSession,
  ref: DiskRef,
  disk: { dataAccessAuthMode?: string },
  assignee?: string,
  options: { notCreatedYet?: boolean } = {},
): Promise<{ getBearerToken?: GetBearerToken }> {
  if (!isEntraIdSecured(disk)) return {};
  const scope = readDiskTokenScope();
  const permissions = options.notCreatedYet ? await listDownloadPermissionsInResourceGroup(session, ref.resourceGroup) : await listDownloadPermissions(session, ref);
  const decision = evaluateDownloadPermission(permissions, ref.kind);
  if (!decision.allowed) {
    const t = (message: string, ...args: Array<string | number | boolean>) => vscode.l10n.t(message, ...args);
    throw new MissingDownloadRoleError(explainMissingDownloadRole({ kind: ref.kind, name: ref.name, resourceId: ref.id, assignee, permission: decision }, t));
  }
  return { getBearerToken: createDiskTokenGetter(session.credential, scope) };
}
