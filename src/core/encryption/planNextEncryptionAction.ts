import type { AdeExtensionState, DiskEncryptionStatus, VolumeEncryptionState } from './parseEncryptionStatus.ts';
import { localizable } from '../l10n/Translate.ts';

// From the parsed states to one phase and the one thing to offer next. The order of the checks follows the run the
// articles describe: EncryptionInProgress -> (OS) VMRestartPending -> restart -> Encrypted; and for disable:
// DecryptionInProgress -> NotEncrypted -> remove the extension.

export type EncryptionPhase =
  | 'NotEncrypted' | 'Starting' | 'Encrypting' | 'RestartPending' | 'Encrypted' | 'Decrypting' | 'Decrypted'
  | 'Failed' | 'LegacyEntraId' | 'Unknown';

export type NextActionKind =
  | 'offerEnable' | 'wait' | 'offerRestart' | 'mountDataDisks' | 'offerRemoveExtension' | 'investigate' | 'none';

export type EncryptionNextAction = {
  readonly kind: NextActionKind;
  /** English template (placeholders from `params`), translated by the shell. */
  readonly message: string;
  readonly params?: Readonly<Record<string, string>>;
  /** For `wait`: when to read the instance view again. */
  readonly pollAfterSeconds?: number;
  /** True while the OS volume encrypts: the article strongly advises against SSH logins then. */
  readonly avoidSshLogins?: boolean;
};

export const NEXT_ACTION_MESSAGES = {
  offerEnable: localizable('Azure Disk Encryption is not enabled on this VM.'),
  legacy: localizable('This VM was encrypted with Azure Disk Encryption using a Microsoft Entra ID app (previous release). It must keep using that option; this extension does not manage it.'),
  failed: localizable('The Azure Disk Encryption extension reported a failure: {detail}'),
  restart: localizable('The OS volume is encrypted and waits for a restart (VMRestartPending). Restart the VM to finish; encryption completes during boot, so check the status again a few minutes after the restart.'),
  osEncrypting: localizable('The OS volume is being encrypted. Treat the VM as unavailable and avoid SSH logins until it finishes: open files can block the process. A 30 GB OS volume takes a few hours, plus the time for the data volumes.'),
  dataEncrypting: localizable('The data volumes are being encrypted. The time grows with their size and number (unless EncryptFormatAll was used).'),
  decrypting: localizable('The data volumes are being decrypted.'),
  starting: localizable('The Azure Disk Encryption extension is starting.'),
  encrypted: localizable('Encryption is complete (OS volume: {os}, data volumes: {data}).'),
  dataNotMounted: localizable('No encrypted data volume was found (data volumes: {data}). A data disk is only encrypted when it is formatted and mounted in the VM, listed in /etc/fstab with a persistent block device name; then run the encryption again.'),
  decrypted: localizable('The data volumes are decrypted. You can now remove the Azure Disk Encryption extension.'),
  unknown: localizable('The encryption state could not be read from the VM instance view (OS volume: {os}, data volumes: {data}).'),
} as const;

export function planNextEncryptionAction(input: {
  extension: AdeExtensionState;
  os: VolumeEncryptionState;
  data: VolumeEncryptionState;
  disks: readonly DiskEncryptionStatus[];
  hasDataDisks: boolean;
}): { phase: EncryptionPhase; next: EncryptionNextAction } {
  const { extension, os, data, disks, hasDataDisks } = input;
  const states = { os, data };
  const anyDiskEncrypted = disks.some((d) => d.diskState === 'encrypted');

  if (extension.legacy) return { phase: 'LegacyEntraId', next: { kind: 'none', message: NEXT_ACTION_MESSAGES.legacy } };
  if (!extension.present) {
    // Removing the extension without disabling first leaves the disks encrypted.
    return anyDiskEncrypted
      ? { phase: 'Encrypted', next: { kind: 'none', message: NEXT_ACTION_MESSAGES.encrypted, params: states } }
      : { phase: 'NotEncrypted', next: { kind: 'offerEnable', message: NEXT_ACTION_MESSAGES.offerEnable } };
  }
  if (extension.provisioning === 'failed') {
    return {
      phase: 'Failed',
      next: { kind: 'investigate', message: NEXT_ACTION_MESSAGES.failed, params: { detail: extension.progressMessage ?? '' } },
    };
  }
  if (os === 'VMRestartPending') {
    return { phase: 'RestartPending', next: { kind: 'offerRestart', message: NEXT_ACTION_MESSAGES.restart } };
  }
  if (os === 'EncryptionInProgress') {
    return {
      phase: 'Encrypting',
      next: { kind: 'wait', message: NEXT_ACTION_MESSAGES.osEncrypting, pollAfterSeconds: 60, avoidSshLogins: true },
    };
  }
  if (data === 'EncryptionInProgress') {
    return { phase: 'Encrypting', next: { kind: 'wait', message: NEXT_ACTION_MESSAGES.dataEncrypting, pollAfterSeconds: 30 } };
  }
  if (data === 'DecryptionInProgress') {
    return { phase: 'Decrypting', next: { kind: 'wait', message: NEXT_ACTION_MESSAGES.decrypting, pollAfterSeconds: 30 } };
  }
  if (os === 'Unknown' && data === 'Unknown') {
    return extension.provisioning === 'transitioning' || extension.provisioning === 'unknown'
      ? { phase: 'Starting', next: { kind: 'wait', message: NEXT_ACTION_MESSAGES.starting, pollAfterSeconds: 15 } }
      : { phase: 'Unknown', next: { kind: 'investigate', message: NEXT_ACTION_MESSAGES.unknown, params: states } };
  }

  const lastVolumeType = extension.lastVolumeType;
  const dataWasRequested = lastVolumeType === 'All' || lastVolumeType === 'Data';
  const dataMissing = hasDataDisks && dataWasRequested && (data === 'NotMounted' || data === 'NotEncrypted');
  const isDisable = (extension.lastOperation ?? '').toLowerCase() === 'disableencryption';

  if (os === 'Encrypted' || data === 'Encrypted') {
    if (dataMissing && !isDisable) {
      return { phase: 'Encrypted', next: { kind: 'mountDataDisks', message: NEXT_ACTION_MESSAGES.dataNotMounted, params: states } };
    }
    return { phase: 'Encrypted', next: { kind: 'none', message: NEXT_ACTION_MESSAGES.encrypted, params: states } };
  }
  if (isDisable) {
    return { phase: 'Decrypted', next: { kind: 'offerRemoveExtension', message: NEXT_ACTION_MESSAGES.decrypted } };
  }
  if (dataMissing) {
    return { phase: 'NotEncrypted', next: { kind: 'mountDataDisks', message: NEXT_ACTION_MESSAGES.dataNotMounted, params: states } };
  }
  if (os === 'NotEncrypted' && (data === 'NotEncrypted' || data === 'NotMounted')) {
    return { phase: 'NotEncrypted', next: { kind: 'offerEnable', message: NEXT_ACTION_MESSAGES.offerEnable } };
  }
  return { phase: 'Unknown', next: { kind: 'investigate', message: NEXT_ACTION_MESSAGES.unknown, params: states } };
}
