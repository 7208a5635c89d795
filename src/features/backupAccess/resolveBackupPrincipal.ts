import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { createGraphClient } from '../../azure/graph/createGraphClient.ts';
import { graphConnectionFor } from '../../azure/graph/graphConnectionFor.ts';
import { lookupBackupManagementService, readSignedInUserType } from '../../azure/graph/lookupBackupManagementService.ts';
import { BACKUP_MANAGEMENT_SERVICE_APP_ID } from '../../core/backupAccess/backupAccessConstants.ts';
import type { Services } from '../../services.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { graphCredentialFor } from './graphCredentialFor.ts';
import { parseObjectId } from './parseObjectId.ts';

export interface ResolvedBackupPrincipal {
  objectId: string;
  /** The tenant it was resolved (or pasted) for: the session's. */
  tenantId: string;
  resolvedBy: 'graph' | 'pasted';
  /** From Graph /me; undefined when it could not be read. */
  isGuest?: boolean;
}

/**
 * The Backup Management Service's object id in the session's tenant: from Microsoft Graph when it can be read,
 * otherwise the user pastes it, after being told why and where to find it.
 */
export async function resolveBackupPrincipal(s: Services, session: SubscriptionSession): Promise<ResolvedBackupPrincipal> {
  const connection = graphConnectionFor(session.cloud, graphCredentialFor(s.accounts, session));
  let reason: string;
  let isGuest: boolean | undefined;
  if (!connection) {
    s.logger.warn(`No Microsoft Graph endpoint for cloud ${session.cloud.name}: asking for the Backup Management Service object id`);
    reason = vscode.l10n.t('This cloud has no Microsoft Graph endpoint configured (setting azureLinuxVm.customCloud.microsoftGraphEndpoint).');
  } else {
    try {
      const client = await createGraphClient(connection);
      const [lookup, userType] = await Promise.all([lookupBackupManagementService(client), readSignedInUserType(client)]);
      isGuest = userType === undefined ? undefined : userType === 'Guest';
      if (lookup.kind === 'found') {
        s.logger.info(`Backup Management Service in tenant ${session.tenantId}: ${lookup.objectId} (Microsoft Graph)`);
        return { objectId: lookup.objectId, tenantId: session.tenantId, resolvedBy: 'graph', isGuest };
      }
      s.logger.warn(`Microsoft Graph lookup of the Backup Management Service failed (${lookup.reason}): ${lookup.detail}`);
      reason = lookup.reason === 'denied'
        ? vscode.l10n.t('Your account may not read service principals in this tenant (guest users and restricted tenants often cannot).')
        : lookup.reason === 'notFound'
          ? vscode.l10n.t('Microsoft Graph has no Backup Management Service in this tenant.')
          : vscode.l10n.t('Microsoft Graph could not be reached: {0}', lookup.detail);
    } catch (error) {
      s.logger.warn(`Microsoft Graph could not be used: ${error instanceof Error ? error.message : String(error)}`);
      reason = vscode.l10n.t('Microsoft Graph could not be reached: {0}', error instanceof Error ? error.message : String(error));
    }
  }
  const pasted = await vscode.window.showInputBox({
    title: vscode.l10n.t('Object ID of the Backup Management Service'),
    prompt: vscode.l10n.t(
      '{0} Paste the object ID of the enterprise application "Backup Management Service" (application ID {1}) from Microsoft Entra ID > Enterprise applications.',
      reason,
      BACKUP_MANAGEMENT_SERVICE_APP_ID,
    ),
    placeHolder: '00000000-0000-0000-0000-000000000000',
    ignoreFocusOut: true,
    validateInput: (value) => (parseObjectId(value) ? undefined : vscode.l10n.t('Enter the object ID as a GUID (8-4-4-4-12 hexadecimal digits).')),
  });
  const objectId = pasted === undefined ? undefined : parseObjectId(pasted);
  if (!objectId) throw new UserCancelledError();
  return { objectId, tenantId: session.tenantId, resolvedBy: 'pasted', isGuest };
}
