import type { Client } from '@microsoft/microsoft-graph-client';
import { BACKUP_MANAGEMENT_SERVICE_APP_ID } from '../../core/backupAccess/backupAccessConstants.ts';

export type BackupPrincipalLookup =
  | { kind: 'found'; objectId: string; displayName?: string }
  /** denied: the account may not read service principals (guests, restricted tenants); notFound: none in this tenant. */
  | { kind: 'unavailable'; reason: 'denied' | 'notFound' | 'failed'; detail: string };

interface GraphErrorLike {
  statusCode?: number;
  code?: string | null;
  message?: string;
}

/** The Backup Management Service's object id in the tenant of the Graph connection: servicePrincipals(appId='…'). */
export async function lookupBackupManagementService(client: Client): Promise<BackupPrincipalLookup> {
  try {
    const sp = (await client.api(`/servicePrincipals(appId='${BACKUP_MANAGEMENT_SERVICE_APP_ID}')`).select('id,appId,displayName').get()) as {
      id?: string;
      displayName?: string;
    };
    if (!sp?.id) return { kind: 'unavailable', reason: 'failed', detail: 'Microsoft Graph returned no object id.' };
    return { kind: 'found', objectId: sp.id, displayName: sp.displayName };
  } catch (error) {
    const e = error as GraphErrorLike;
    const detail = [e.code, e.message].filter(Boolean).join(': ') || String(error);
    if (e.statusCode === 401 || e.statusCode === 403) return { kind: 'unavailable', reason: 'denied', detail };
    if (e.statusCode === 404) return { kind: 'unavailable', reason: 'notFound', detail };
    return { kind: 'unavailable', reason: 'failed', detail };
  }
}

/** Graph's userType of the signed-in account (Member or Guest); undefined when it can't be read. */
export async function readSignedInUserType(client: Client): Promise<'Member' | 'Guest' | undefined> {
  try {
    const me = (await client.api('/me').select('userType').get()) as { userType?: string };
    return me?.userType === 'Guest' ? 'Guest' : me?.userType === 'Member' ? 'Member' : undefined;
  } catch {
    return undefined;
  }
}
