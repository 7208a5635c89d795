import { localizable } from '../l10n/Translate.ts';
// EncryptFormatAll (article 001): a partition is formatted (with its current file system), encrypted and mounted
// again where it was, only when it meets ALL of these:
//   not the root/OS/boot partition; not already encrypted; not the BEK volume; not a RAID volume; not an LVM volume;
//   mounted.
// For RAID and LVM it encrypts the disks that make up the volume rather than the volume itself. It also encrypts the
// temporary (resource) disk. A disk that meets the criteria can be excluded by unmounting it before the run.
// It runs with volume type Data only. All data on the formatted partitions is lost.

export type BlockDeviceKind = 'disk' | 'partition' | 'raid' | 'lvm' | 'crypt';

/** One block device as `lsblk` would describe it (the shell gathers this from the user or from a run command). */
export type BlockDeviceDescription = {
  /** e.g. /dev/sdc1, /dev/md0, /dev/mapper/vg-data */
  readonly device: string;
  readonly kind: BlockDeviceKind;
  readonly mountPoint?: string;
  readonly fileSystem?: string;
  /** Already a dm-crypt device or backing one. */
  readonly encrypted?: boolean;
  /** The BEK volume ADE keeps its key file on (label BEK VOLUME). */
  readonly isBekVolume?: boolean;
  /** The Azure temporary disk (usually mounted at /mnt or /mnt/resource). */
  readonly isResourceDisk?: boolean;
  /** On the OS disk. */
  readonly onOsDisk?: boolean;
  /** For kind raid/lvm: the devices it is built on. */
  readonly members?: readonly string[];
};

export type FormatAllReason =
  | 'eligible' | 'resourceDisk' | 'raidOrLvmMember'
  | 'rootOrBoot' | 'alreadyEncrypted' | 'bekVolume' | 'raidVolume' | 'lvmVolume' | 'notMounted';

export type FormatAllDecision = {
  readonly device: string;
  readonly mountPoint?: string;
  /** `format`: everything on it is erased and it is encrypted; `skip`: left as it is. */
  readonly action: 'format' | 'skip';
  readonly reason: FormatAllReason;
};

export const FORMAT_ALL_REASONS: Record<FormatAllReason, string> = {
  eligible: 'Mounted data partition: it will be formatted (all data erased), encrypted and mounted again at the same place.',
  resourceDisk: 'Temporary disk: it will be formatted and encrypted. The Azure Linux agent can then no longer manage it or enable a swap file (you can configure swap yourself).',
  raidOrLvmMember: 'Disk under a mounted RAID or LVM volume: EncryptFormatAll encrypts the disks that make up the volume, so the volume\'s data is lost.',
  rootOrBoot: 'Root, OS or boot partition: never formatted.',
  alreadyEncrypted: 'Already encrypted: left as it is.',
  bekVolume: 'BEK volume (holds the encryption key): left as it is.',
  raidVolume: 'RAID volume: not formatted itself; its member disks are encrypted instead.',
  lvmVolume: 'LVM volume: not formatted itself; its member disks are encrypted instead.',
  notMounted: 'Not mounted: excluded. Unmounting a disk is how you keep it out of EncryptFormatAll.',
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
} as const;

const ROOT_OR_BOOT = new Set(['/', '/boot', '/boot/efi']);

export function isRootOrBootMount(mountPoint: string | undefined): boolean {
  return !!mountPoint && ROOT_OR_BOOT.has(mountPoint.replace(/\/+$/, '') || '/');
}

/** What EncryptFormatAll would do with each described device, in the order given. */
export function planEncryptFormatAll(devices: readonly BlockDeviceDescription[]): FormatAllDecision[] {
  // Devices under a mounted RAID/LVM volume are the ones it actually encrypts for that volume.
  const membersOfMountedVolumes = new Set(devices
    .filter((d) => (d.kind === 'raid' || d.kind === 'lvm') && !!d.mountPoint && !d.onOsDisk && !isRootOrBootMount(d.mountPoint) && !d.encrypted)
    .flatMap((d) => d.members ?? []));

  return devices.map((d) => {
    const base = { device: d.device, ...(d.mountPoint ? { mountPoint: d.mountPoint } : {}) };
    const skip = (reason: FormatAllReason): FormatAllDecision => ({ ...base, action: 'skip', reason });
    const format = (reason: FormatAllReason): FormatAllDecision => ({ ...base, action: 'format', reason });
    if (d.onOsDisk || isRootOrBootMount(d.mountPoint)) return skip('rootOrBoot');
    if (d.encrypted || d.kind === 'crypt') return skip('alreadyEncrypted');
    if (d.isBekVolume) return skip('bekVolume');
    if (d.kind === 'raid') return skip('raidVolume');
    if (d.kind === 'lvm') return skip('lvmVolume');
    if (membersOfMountedVolumes.has(d.device)) return format('raidOrLvmMember');
    if (!d.mountPoint) return skip('notMounted');
    return format(d.isResourceDisk ? 'resourceDisk' : 'eligible');
  });
}
