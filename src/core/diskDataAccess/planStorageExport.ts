import type { Translate } from '../l10n/Translate.ts';
import { isEntraIdSecured, type DiskLikeKind } from './dataAccessConstants.ts';

/** The parts of a storage account (@azure/arm-storage 21 `StorageAccount`, flattened) the plan reads. */
export interface StorageAccountLike {
  name?: string;
  kind?: string;
  sku?: { name?: string };
  allowSharedKeyAccess?: boolean;
  primaryEndpoints?: { blob?: string };
  location?: string;
  isHnsEnabled?: boolean;
}

export interface DiskLikeForExport {
  name: string;
  kind: DiskLikeKind;
  diskState?: string;
  diskSizeGB?: number;
  dataAccessAuthMode?: string;
  location?: string;
  securityProfile?: { securityType?: string };
}

export interface StorageExportFinding {
  readonly rule: string;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
}

export interface StorageExportPlan {
  readonly findings: readonly StorageExportFinding[];
  /** False when an error finding stops the export before anything is granted. */
  readonly canExport: boolean;
  /** SAS lifetime asked of beginGetAccess: the copy's estimated time with a wide margin, at least 1 hour. */
  readonly grantSeconds: number;
}

/** Azure's own copy between regions runs at very roughly this rate; the margin covers slow copies. */
const ASSUMED_COPY_BYTES_PER_SECOND = 50 * 1024 * 1024;
const MIN_GRANT_SECONDS = 3600;
const MAX_GRANT_SECONDS = 5_184_000;

/**
 * Decides whether a disk or snapshot can be copied into a storage account by Azure (Copy Blob with the disk's SAS
 * as source), and for how long to grant. Stops on what Azure would refuse later, after a grant had been opened:
 * a disk attached to a running VM, a SAS-only copy of an Entra-ID-secured disk, an account without page blobs or
 * without shared key access.
 */
export function planStorageExport(disk: DiskLikeForExport, account: StorageAccountLike, t: Translate): StorageExportPlan {
  const findings: StorageExportFinding[] = [];
  const add = (rule: string, severity: StorageExportFinding['severity'], message: string) => findings.push({ rule, severity, message });
  const what = disk.kind === 'disk' ? t('Disk {0}', disk.name) : t('Snapshot {0}', disk.name);

  if (disk.diskState === 'Attached') {
    add('attachedToRunningVm', 'error', t('{0} is attached to a VM that is not deallocated. Stop (deallocate) the VM, or take a snapshot and export the snapshot.', what));
  }
  if (disk.diskState === 'ReadyToUpload' || disk.diskState === 'ActiveUpload') {
    add('uploadInProgress', 'error', t('{0} is waiting for or receiving an upload ({1}); it cannot be exported now.', what, disk.diskState));
  }
  if (isEntraIdSecured(disk)) {
    add('entraIdSecured', 'error', t('{0} is secured with Microsoft Entra ID. Azure\'s server-side copy into a storage account cannot present your Entra ID token, so the copy would be refused. Download it instead: the download sends the token.', what));
  }
  const kind = account.kind ?? '';
  const accountName = account.name ?? '';
  if (kind === 'BlobStorage' || kind === 'BlockBlobStorage' || kind === 'FileStorage') {
    add('noPageBlobs', 'error', t('Storage account {0} ({1}) cannot hold page blobs, which a VHD is. Choose a general-purpose v2 account.', accountName, kind));
  }
  if (account.isHnsEnabled) {
    add('hierarchicalNamespace', 'error', t('Storage account {0} has a hierarchical namespace (Data Lake Storage), which does not support page blobs. Choose another account.', accountName));
  }
  if (account.allowSharedKeyAccess === false) {
    add('sharedKeyDisabled', 'error', t('Storage account {0} does not allow shared key access, which this copy uses to write the blob. Choose another account or allow shared key access.', accountName));
  }
  if (!account.primaryEndpoints?.blob) {
    add('noBlobEndpoint', 'error', t('Storage account {0} has no Blob service endpoint.', accountName));
  }
  if (disk.location && account.location && disk.location.toLowerCase() !== account.location.toLowerCase()) {
    add('otherRegion', 'info', t('The copy crosses regions ({0} to {1}): it takes longer and outbound data transfer is billed.', disk.location, account.location));
  }
  if (disk.securityProfile?.securityType) {
    add('guestStateNotCopied', 'warning', t('{0} belongs to a Trusted Launch or confidential VM: only the disk is copied, not its VM guest state.', what));
  }
  const bytes = (disk.diskSizeGB ?? 0) * 1024 ** 3;
  const estimate = Math.ceil((bytes / ASSUMED_COPY_BYTES_PER_SECOND) * 3);
  const grantSeconds = Math.min(MAX_GRANT_SECONDS, Math.max(MIN_GRANT_SECONDS, estimate));
  return { findings, canExport: !findings.some((f) => f.severity === 'error'), grantSeconds };
}
