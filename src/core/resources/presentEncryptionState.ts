import type { DiskEncryptionStatus, VolumeEncryptionState } from '../encryption/parseEncryptionStatus.ts';
import { parseEncryptionStatus } from '../encryption/parseEncryptionStatus.ts';
import type { EncryptionPhase } from '../encryption/planNextEncryptionAction.ts';
import type { VirtualMachineLike } from '../encryption/adeModel.ts';
import { localizable, type Translate } from '../l10n/Translate.ts';

// Azure Disk Encryption as the tree, the notification and the status view name it. The VM listing carries the
// instance view (statusOnly) and the extension resources, so the tree shows the state read from Azure without a
// call per VM, and a new window shows the same states.

const VOLUME_STATE_TEXT: Record<VolumeEncryptionState, string> = {
  Encrypted: localizable('Encrypted'),
  NotEncrypted: localizable('Not encrypted'),
  EncryptionInProgress: localizable('Encryption in progress'),
  DecryptionInProgress: localizable('Decryption in progress'),
  VMRestartPending: localizable('Restart pending'),
  NotMounted: localizable('Not mounted'),
  Unknown: localizable('Unknown'),
};

const PHASE_TEXT: Record<EncryptionPhase, string> = {
  NotEncrypted: localizable('Not encrypted'),
  Starting: localizable('ADE starting'),
  Encrypting: localizable('ADE encrypting…'),
  RestartPending: localizable('ADE: restart pending'),
  Encrypted: localizable('ADE encrypted'),
  Decrypting: localizable('ADE decrypting…'),
  Decrypted: localizable('ADE decrypted'),
  Failed: localizable('ADE failed'),
  LegacyEntraId: localizable('ADE (Entra ID, previous release)'),
  Unknown: localizable('ADE state unknown'),
};

export function describeVolumeState(state: VolumeEncryptionState, t: Translate): string {
  return t(VOLUME_STATE_TEXT[state]);
}

export function describePhase(phase: EncryptionPhase, t: Translate): string {
  return t(PHASE_TEXT[phase]);
}

export type VmEncryptionSummary = {
  readonly phase: EncryptionPhase;
  readonly label: string;
  readonly disks: readonly DiskEncryptionStatus[];
};

/** The VM's ADE state for the tree, or undefined when ADE never touched it (nothing to show). */
export function summarizeVmEncryption(vm: VirtualMachineLike, t: Translate): VmEncryptionSummary | undefined {
  const status = parseEncryptionStatus(vm);
  const anyDiskEncrypted = status.disks.some((d) => d.diskState === 'encrypted');
  if (!status.extension.present && !anyDiskEncrypted) return undefined;
  // A deallocated VM reports no extension status, but its disks still say whether they are encrypted.
  const phase: EncryptionPhase = status.phase === 'Unknown' && anyDiskEncrypted ? 'Encrypted' : status.phase;
  return { phase, label: describePhase(phase, t), disks: status.disks };
}

/** The short state of one disk of the VM, when ADE says something about it. */
export function describeDiskEncryption(disk: Pick<DiskEncryptionStatus, 'diskState' | 'volumeState'> | undefined, resourceEncrypted: boolean, t: Translate): string | undefined {
  switch (disk?.volumeState) {
    case 'EncryptionInProgress': return t('ADE encrypting…');
    case 'VMRestartPending': return t('ADE: restart pending');
    case 'DecryptionInProgress': return t('ADE decrypting…');
  }
  if (disk?.diskState === 'encrypted' || (resourceEncrypted && disk?.diskState !== 'notEncrypted')) return t('ADE encrypted');
  return undefined;
}
