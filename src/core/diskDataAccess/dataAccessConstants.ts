// Facts about disks secured with Microsoft Entra ID (dataAccessAuthMode AzureActiveDirectory), from the article
// "Download a Linux VHD from Azure" (its Entra ID section) and the Disk RP's API.

/** The value of `dataAccessAuthMode` that makes exports and uploads require Entra ID; `None` turns it off. */
export const ENTRA_ID_MODE = 'AzureActiveDirectory';
export const NO_EXTRA_AUTH_MODE = 'None';

/** The built-in role the article names. Its id is the same in every tenant. */
export const DATA_OPERATOR_ROLE_NAME = 'Data Operator for Managed Disks';
export const DATA_OPERATOR_ROLE_ID = '959f8984-c045-4866-89c7-12bf9737be2e';

/** Audience of the OAuth token the disk's SAS must be accompanied by (public cloud). */
export const DEFAULT_DISK_TOKEN_AUDIENCE = 'https://disk.azure.com/';

export type DiskLikeKind = 'disk' | 'snapshot';

/** The action a custom role must allow for a download, per resource kind (article: "RBAC ロールを割り当てる"). */
export function downloadActionFor(kind: DiskLikeKind): string {
  return kind === 'disk' ? 'Microsoft.Compute/disks/download/action' : 'Microsoft.Compute/snapshots/download/action';
}

export function isEntraIdSecured(resource: { dataAccessAuthMode?: string; properties?: { dataAccessAuthMode?: string } }): boolean {
  const mode = resource.dataAccessAuthMode ?? resource.properties?.dataAccessAuthMode;
  return typeof mode === 'string' && mode.toLowerCase() === ENTRA_ID_MODE.toLowerCase();
}
