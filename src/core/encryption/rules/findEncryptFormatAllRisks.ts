import { FORMAT_ALL_EXPLANATION } from '../encryptFormatAll.ts';
import { finding, type Finding } from '../finding.ts';
import type { EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, EncryptFormatAll: data volumes only; it formats the partitions that meet its criteria, so all data
// on them is lost; it also encrypts the temporary disk; try it on a test VM first.
export const ENCRYPT_FORMAT_ALL_RULE = 'ade.encrypt-format-all';

export const ENCRYPT_FORMAT_ALL_MESSAGES = {
  dataOnly: {
    message: localizable('EncryptFormatAll was requested with volume type "{volumeType}".'),
    why: FORMAT_ALL_EXPLANATION.dataOnly,
    fix: localizable('Choose the "Data" volume type, or encrypt without EncryptFormatAll.'),
  },
  dataLoss: {
    message: localizable('EncryptFormatAll formats every mounted data partition that meets its criteria: all data on them is lost.'),
    // The same sentences as FORMAT_ALL_EXPLANATION (criteria + temporaryDisk), written out so the whole text is one
    // translation key.
    why: localizable('A partition is formatted only when it is not the root/OS/boot partition, is not already encrypted, is not the BEK volume, is not a RAID or LVM volume, and is mounted. For RAID and LVM volumes, the disks that make them up are encrypted instead. The temporary disk is encrypted too. Once it is, the Azure Linux agent can no longer manage it or enable a swap file; configure swap manually if you need it.'),
    // exclude + fstab + testFirst of FORMAT_ALL_EXPLANATION.
    fix: localizable('To keep a disk that meets the criteria, unmount it before you start, and check that every disk to exclude is really unmounted. The settings update can restart the VM before encryption starts: remove disks you do not want formatted from /etc/fstab, and add the partitions to format to /etc/fstab before you start. Do not use EncryptFormatAll when the data volumes hold data you need. Try it on a test VM first to understand its parameters and what they imply.'),
  },
} as const;

export function findEncryptFormatAllRisks(context: EncryptionPreflightContext): Finding[] {
  if (context.request.operation !== 'EnableFormatAll') return [];
  const out: Finding[] = [];
  const vt = context.request.volumeType;
  if (vt && vt !== 'Data') {
    out.push(finding(ENCRYPT_FORMAT_ALL_RULE, 'error', ENCRYPT_FORMAT_ALL_MESSAGES.dataOnly, { path: 'request.volumeType', params: { volumeType: vt } }));
  }
  out.push(finding(ENCRYPT_FORMAT_ALL_RULE, 'warning', ENCRYPT_FORMAT_ALL_MESSAGES.dataLoss, { path: 'request.operation' }));
  return out;
}
