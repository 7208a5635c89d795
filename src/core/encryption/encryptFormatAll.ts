import { localizable } from '../l10n/Translate.ts';
// EncryptFormatAll (article 001): a partition is formatted (with its current file system), encrypted and mounted
// again where it was, only when it meets ALL of these:
//   not the root/OS/boot partition; not already encrypted; not the BEK volume; not a RAID volume; not an LVM volume;
//   mounted.
// For RAID and LVM it encrypts the disks that make up the volume rather than the volume itself. It also encrypts the
// temporary (resource) disk. A disk that meets the criteria can be excluded by unmounting it before the run.
// It runs with volume type Data only. All data on the formatted partitions is lost.
//
// What is on the VM's disks can only be seen from inside the guest, which this extension does not enter: the user is
// told, kind by kind, what EncryptFormatAll will do with each partition, and decides (unmounting what must be kept).

export type FormatAllReason =
  | 'eligible' | 'resourceDisk' | 'raidOrLvmMember'
  | 'rootOrBoot' | 'alreadyEncrypted' | 'bekVolume' | 'raidVolume' | 'lvmVolume' | 'notMounted';

/** What EncryptFormatAll does with each kind of partition, formatted ones first (the order the dialog lists them). */
export const FORMAT_ALL_REASONS: Record<FormatAllReason, string> = {
  eligible: localizable('Mounted data partition: it will be formatted (all data erased), encrypted and mounted again at the same place.'),
  resourceDisk: localizable('Temporary disk: it will be formatted and encrypted. The Azure Linux agent can then no longer manage it or enable a swap file (you can configure swap yourself).'),
  raidOrLvmMember: localizable('Disk under a mounted RAID or LVM volume: EncryptFormatAll encrypts the disks that make up the volume, so the volume\'s data is lost.'),
  rootOrBoot: localizable('Root, OS or boot partition: never formatted.'),
  alreadyEncrypted: localizable('Already encrypted: left as it is.'),
  bekVolume: localizable('BEK volume (holds the encryption key): left as it is.'),
  raidVolume: localizable('RAID volume: not formatted itself; its member disks are encrypted instead.'),
  lvmVolume: localizable('LVM volume: not formatted itself; its member disks are encrypted instead.'),
  notMounted: localizable('Not mounted: excluded. Unmounting a disk is how you keep it out of EncryptFormatAll.'),
};

export const FORMAT_ALL_EXPLANATION = {
  summary: localizable('EncryptFormatAll shortens data disk encryption by formatting the partitions that meet its criteria instead of encrypting their content in place. All data on those partitions is lost.'),
  criteria: localizable('A partition is formatted only when it is not the root/OS/boot partition, is not already encrypted, is not the BEK volume, is not a RAID or LVM volume, and is mounted. For RAID and LVM volumes, the disks that make them up are encrypted instead.'),
  temporaryDisk: localizable('The temporary disk is encrypted too. Once it is, the Azure Linux agent can no longer manage it or enable a swap file; configure swap manually if you need it.'),
  exclude: localizable('To keep a disk that meets the criteria, unmount it before you start, and check that every disk to exclude is really unmounted.'),
  fstab: localizable('The settings update can restart the VM before encryption starts: remove disks you do not want formatted from /etc/fstab, and add the partitions to format to /etc/fstab before you start.'),
  testFirst: localizable('Do not use EncryptFormatAll when the data volumes hold data you need. Try it on a test VM first to understand its parameters and what they imply.'),
  lvm: localizable('With LVM, the recommended layout is LVM-on-crypt (encrypt the disks, then build LVM on the encrypted devices).'),
  dataOnly: localizable('EncryptFormatAll runs with the "Data" volume type only.'),
  perPartition: localizable('What EncryptFormatAll does with each partition:'),
} as const;

/**
 * The confirmation's text, in order (English templates for the shell to translate): what it is and that data is
 * lost, then partition by partition what happens (bullets: the article's criteria made concrete, the temporary disk
 * included), then how to keep a disk out and what to do first. It must fit a modal dialog on a laptop screen: the
 * criteria sentence and the LVM advice are in the pre-flight report (findEncryptFormatAllRisks) instead.
 */
export function formatAllConfirmationText(): { paragraphs: readonly string[]; bullets: readonly string[]; closing: readonly string[] } {
  const e = FORMAT_ALL_EXPLANATION;
  return {
    paragraphs: [e.summary, e.perPartition],
    bullets: Object.values(FORMAT_ALL_REASONS),
    closing: [e.exclude, e.fstab, e.testFirst],
  };
}
