import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { volumeTypeForAddedDataDisk } from '../volumeTypeRules.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, adding a data disk to an encrypted VM: "All" stays "All"; "OS" must become "All"; "Data" can stay
// "Data". Attaching the disk is not enough: it must be formatted, mounted and listed in /etc/fstab with a persistent
// block device name first.
export const VOLUME_TYPE_FOR_ENCRYPTED_VM_RULE = 'ade.volume-type-for-encrypted-vm';

export const VOLUME_TYPE_FOR_ENCRYPTED_VM_MESSAGES = {
  mismatch: {
    message: localizable('This VM was encrypted with volume type "{previous}"; running again with "{requested}" is not what the article prescribes.'),
    // why: the VOLUME_TYPE_REASONS constant for the previous volume type.
    fix: localizable('Use volume type "{required}".'),
  },
  newDisk: {
    message: localizable('This VM is already encrypted (volume type "{previous}"). Encrypting again picks up newly added data disks.'),
    why: localizable('A newly attached data disk is encrypted only if it is formatted and mounted in the VM, and listed in /etc/fstab with a persistent block device name (for example UUID=...). The data drive is unavailable while it is encrypted.'),
    fix: localizable('Format and mount the new disk, add it to /etc/fstab with a persistent name, then run the encryption.'),
  },
} as const;

export function findVolumeTypeForEncryptedVm(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const previous = context.status?.extension.lastVolumeType;
  const requested = context.request.volumeType;
  const lastOp = (context.status?.extension.lastOperation ?? '').toLowerCase();
  if (!previous || !lastOp.startsWith('enableencryption')) return [];
  const out: Finding[] = [finding(VOLUME_TYPE_FOR_ENCRYPTED_VM_RULE, 'info', VOLUME_TYPE_FOR_ENCRYPTED_VM_MESSAGES.newDisk, {
    path: 'request.volumeType', params: { previous },
  })];
  const required = volumeTypeForAddedDataDisk(previous);
  // "Data stays Data" allows Data; moving a Data-only VM to All is the user's call (it also encrypts the OS volume).
  if (requested && previous !== 'Data' && requested !== required.volumeType) {
    out.push(finding(VOLUME_TYPE_FOR_ENCRYPTED_VM_RULE, 'error', { ...VOLUME_TYPE_FOR_ENCRYPTED_VM_MESSAGES.mismatch, why: required.reason }, {
      path: 'request.volumeType', params: { previous, requested, required: required.volumeType },
    }));
  }
  return out;
}
