import type { AdeOperation, VolumeType } from './adeModel.ts';
import type { AdeEncryptionStatus, VolumeEncryptionState } from './parseEncryptionStatus.ts';
import { localizable } from '../l10n/Translate.ts';

// Which VolumeType may be sent when, from the article (001):
// - Adding a data disk to an encrypted VM: a VM encrypted with "All" stays "All"; one encrypted with "OS" must change
//   to "All" so both the OS and the new data disk are covered; one encrypted with "Data" can stay "Data".
// - Disabling on Linux is supported for data volumes only, and not at all once the OS volume is encrypted
//   (it is, when the original operation used All or OS).
// - EncryptFormatAll formats data volumes, so it is offered with "Data" only.

export const VOLUME_TYPE_REASONS = {
  dataNeedsDataDisk: localizable('The VM has no data disks, so there is no data volume to encrypt.'),
  osAlreadyEncrypted: localizable('The OS volume is already encrypted. To cover new data disks too, the article says to use "All".'),
  keepAllForNewDisk: localizable('The VM was encrypted with "All"; when you add a data disk, the volume type stays "All".'),
  osBecomesAllForNewDisk: localizable('The VM was encrypted with "OS"; to include the new data disk, change the volume type to "All".'),
  dataStaysData: localizable('The VM was encrypted with "Data" only; the volume type can stay "Data".'),
  distroDataOnly: localizable('This distribution and version support Azure Disk Encryption for data disks only.'),
  scaleSetOs: localizable('Encrypting the OS drive of a Linux scale-set VM is not supported.'),
  formatAllDataOnly: localizable('EncryptFormatAll formats data volumes, so it runs with the "Data" volume type only.'),
  disableDataOnly: localizable('On Linux VMs, disabling encryption is supported for data volumes only.'),
  disableOsEncrypted: localizable('The OS volume is encrypted. When the OS volume is encrypted, disabling encryption is not supported on either the data or the OS volumes (the OS disk is encrypted when the original operation used volume type All or OS).'),
  disableReinstallsExtension: localizable('The Azure Disk Encryption extension is no longer installed on this VM. Disabling encryption installs it again to decrypt, and you then have to remove it again (the article recommends disabling first and removing the extension after).'),
  disableNothingEncrypted: localizable('No data volume is encrypted, so there is nothing to disable.'),
  newDiskMustBeMounted: localizable('Attaching a disk is not enough: format the new disk and mount it in the VM, and list it in /etc/fstab with a persistent block device name (for example UUID=...), before enabling encryption.'),
} as const;

export type VolumeTypeChoice = {
  readonly volumeType: VolumeType;
  readonly allowed: boolean;
  /** Why it is refused, or a note on why it is required/recommended. */
  readonly reason?: string;
  readonly recommended?: boolean;
};

/** The volume type to use when encrypting a newly added data disk, given the volume type of the previous run. */
export function volumeTypeForAddedDataDisk(previous: VolumeType): { volumeType: VolumeType; reason: string } {
  switch (previous) {
    case 'All': return { volumeType: 'All', reason: VOLUME_TYPE_REASONS.keepAllForNewDisk };
    case 'OS': return { volumeType: 'All', reason: VOLUME_TYPE_REASONS.osBecomesAllForNewDisk };
    case 'Data': return { volumeType: 'Data', reason: VOLUME_TYPE_REASONS.dataStaysData };
  }
}

/** The parts of the status that tell whether the OS volume is encrypted. */
export type OsEncryptionEvidence = Pick<AdeEncryptionStatus, 'os' | 'extension'> & Partial<Pick<AdeEncryptionStatus, 'disks'>>;

/**
 * True when the OS volume counts as encrypted (or on its way there) for the disable rule. Three sources, any one is
 * enough: the extension's substatus, the VolumeType of the last operation (the article: the OS disk is encrypted when
 * the original operation used All or OS), and the platform's EncryptionState of the OS disk. The last is the only
 * one left once the extension was removed: its substatus and settings go with it, the disk stays encrypted.
 */
export function isOsVolumeEncrypted(status: OsEncryptionEvidence): boolean {
  const os: VolumeEncryptionState = status.os;
  if (os === 'Encrypted' || os === 'EncryptionInProgress' || os === 'VMRestartPending') return true;
  if ((status.disks ?? []).some((d) => d.role === 'os' && d.diskState === 'encrypted')) return true;
  const lastVolumeType = status.extension.lastVolumeType;
  return os === 'Unknown' && (lastVolumeType === 'All' || lastVolumeType === 'OS');
}

export type VolumeTypeInput = {
  readonly operation: Exclude<AdeOperation, 'Disable'>;
  readonly hasDataDisks: boolean;
  /** The state read from the instance view, when ADE has run on this VM before. */
  readonly status?: OsEncryptionEvidence;
  /** From the image: `dataOnly` when the distribution supports only data disks. */
  readonly distroSupport?: 'osAndData' | 'dataOnly' | 'unknown';
  readonly scaleSetMember?: boolean;
};

/** Each volume type with whether it may be chosen now and why not; the order is the picker's order. */
export function listVolumeTypeChoices(input: VolumeTypeInput): VolumeTypeChoice[] {
  const previous = input.status?.extension.lastVolumeType;
  const osEncrypted = !!input.status && isOsVolumeEncrypted(input.status);
  const required = osEncrypted && previous && previous !== 'Data' ? volumeTypeForAddedDataDisk(previous) : undefined;

  const osRefusal = input.operation === 'EnableFormatAll' ? VOLUME_TYPE_REASONS.formatAllDataOnly
    : input.distroSupport === 'dataOnly' ? VOLUME_TYPE_REASONS.distroDataOnly
      : input.scaleSetMember ? VOLUME_TYPE_REASONS.scaleSetOs : undefined;

  const all: VolumeTypeChoice = osRefusal
    ? { volumeType: 'All', allowed: false, reason: osRefusal }
    : { volumeType: 'All', allowed: true, ...(required ? { reason: required.reason, recommended: true } : {}) };
  const os: VolumeTypeChoice = osRefusal ? { volumeType: 'OS', allowed: false, reason: osRefusal }
    : osEncrypted ? { volumeType: 'OS', allowed: false, reason: VOLUME_TYPE_REASONS.osAlreadyEncrypted }
      : { volumeType: 'OS', allowed: true };
  const data: VolumeTypeChoice = !input.hasDataDisks ? { volumeType: 'Data', allowed: false, reason: VOLUME_TYPE_REASONS.dataNeedsDataDisk }
    : osEncrypted ? { volumeType: 'Data', allowed: false, reason: required?.reason ?? VOLUME_TYPE_REASONS.osAlreadyEncrypted }
      : { volumeType: 'Data', allowed: true, ...(previous === 'Data' || osRefusal ? { recommended: true } : {}) };
  return [all, os, data];
}

/** The default the CLI uses when none is given: OS when the VM has no data disks; with data disks it must be explicit. */
export function defaultVolumeType(hasDataDisks: boolean): VolumeType | undefined {
  return hasDataDisks ? undefined : 'OS';
}

export type DisableDecision =
  | { readonly allowed: true; readonly volumeType: 'Data' }
  | { readonly allowed: false; readonly reason: string };

/** Whether encryption may be disabled now, and with which volume type (always Data on Linux). */
export function checkDisableEncryption(input: {
  requestedVolumeType?: VolumeType;
  status: OsEncryptionEvidence & Pick<AdeEncryptionStatus, 'data'>;
}): DisableDecision {
  if (input.requestedVolumeType && input.requestedVolumeType !== 'Data') {
    return { allowed: false, reason: VOLUME_TYPE_REASONS.disableDataOnly };
  }
  if (isOsVolumeEncrypted(input.status)) {
    return { allowed: false, reason: VOLUME_TYPE_REASONS.disableOsEncrypted };
  }
  // Without the extension there is no substatus: the platform's disk states are all that is left to read.
  const noEncryptedDataDisk = !input.status.extension.present && input.status.data === 'Unknown' && !!input.status.disks
    && !input.status.disks.some((d) => d.role === 'data' && d.diskState === 'encrypted');
  if (input.status.data === 'NotEncrypted' || input.status.data === 'NotMounted' || noEncryptedDataDisk) {
    return { allowed: false, reason: VOLUME_TYPE_REASONS.disableNothingEncrypted };
  }
  return { allowed: true, volumeType: 'Data' };
}
