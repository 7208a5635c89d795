import type { ImageReferenceLike } from './adeModel.ts';

// Marketplace images that support Azure Disk Encryption, from the "Supported operating systems" table of the Linux
// overview that article 001 points to ("supported VM sizes and operating systems"). Only endorsed distributions are
// supported, and of those only the listed versions; some support data disks only. Support for an offer does not
// extend past the publisher's end-of-life date (CentOS has reached it).

export type DistributionSupport = 'osAndData' | 'dataOnly';

export type SupportedImage = {
  readonly publisher: string;
  readonly offer: string;
  /** Lower-case SKUs. */
  readonly skus: readonly string[];
  readonly support: DistributionSupport;
  readonly label: string;
  readonly endOfLife?: boolean;
};

export const SUPPORTED_IMAGES: readonly SupportedImage[] = [
  { publisher: 'canonical', offer: 'ubuntu-24_04-lts', skus: ['server', 'server-gen1'], support: 'osAndData', label: 'Ubuntu 24.04 LTS' },
  { publisher: 'canonical', offer: 'ubuntu-24_04-lts-daily', skus: ['server', 'server-gen1'], support: 'osAndData', label: 'Ubuntu 24.04 LTS' },
  { publisher: 'canonical', offer: '0001-com-ubuntu-server-jammy', skus: ['22_04-lts', '22_04-lts-gen2'], support: 'osAndData', label: 'Ubuntu 22.04 LTS' },
  { publisher: 'canonical', offer: '0001-com-ubuntu-server-focal', skus: ['20_04-lts', '20_04-lts-gen2'], support: 'osAndData', label: 'Ubuntu 20.04 LTS' },
  { publisher: 'canonical', offer: '0001-com-ubuntu-server-focal-daily', skus: ['20_04-daily-lts', '20_04-daily-lts-gen2'], support: 'osAndData', label: 'Ubuntu 20.04 LTS' },
  { publisher: 'canonical', offer: 'ubuntuserver', skus: ['18.04-lts', '18.04-daily-lts'], support: 'osAndData', label: 'Ubuntu 18.04 LTS' },
  { publisher: 'microsoftcblmariner', offer: 'cbl-mariner', skus: ['cbl-mariner-2', 'cbl-mariner-2-gen2'], support: 'osAndData', label: 'CBL-Mariner 2 (image versions from May 2023)' },
  { publisher: 'openlogic', offer: 'centos-lvm', skus: ['8-lvm', '7-lvm'], support: 'osAndData', label: 'CentOS LVM', endOfLife: true },
  { publisher: 'openlogic', offer: 'centos', skus: ['8_4', '8_3', '8_2', '7_9', '7_8', '7.7', '7.6', '7.5', '7.4'], support: 'osAndData', label: 'CentOS', endOfLife: true },
  { publisher: 'openlogic', offer: 'centos', skus: ['6.8'], support: 'dataOnly', label: 'CentOS 6.8', endOfLife: true },
  { publisher: 'oracle', offer: 'oracle-linux', skus: ['ol86-lvm', 'ol86-lvm-gen2', 'ol85-lvm', 'ol85-lvm-gen2'], support: 'osAndData', label: 'Oracle Linux 8.5/8.6' },
  {
    publisher: 'redhat', offer: 'rhel', support: 'osAndData', label: 'RHEL',
    skus: ['9_4', '94_gen2', '9_3', '93-gen2', '9_2', '92-gen2', '9_0', '90-gen2', '9-lvm', '9-lvm-gen2',
      '8_9', '89-gen2', '8_8', '88-gen2', '8_7', '87-gen2', '8_6', '86-gen2', '8_5', '85-gen2', '8.4', '8.3',
      '8-lvm', '8-lvm-gen2', '8.2', '8.1', '7-lvm', '7_9', '7.8', '7.7', '7.6', '7.5', '7.4'],
  },
  { publisher: 'redhat', offer: 'rhel', skus: ['6.8', '6.7'], support: 'dataOnly', label: 'RHEL 6' },
  { publisher: 'suse', offer: 'opensuse-leap', skus: ['42.3'], support: 'dataOnly', label: 'openSUSE Leap 42.3' },
  { publisher: 'suse', offer: 'sles', skus: ['12-sp4'], support: 'dataOnly', label: 'SLES 12 SP4' },
  { publisher: 'suse', offer: 'sles-hpc', skus: ['12-sp3'], support: 'dataOnly', label: 'SLES HPC 12 SP3' },
];

export type ImageSupport =
  | { readonly kind: 'listed'; readonly image: SupportedImage }
  | { readonly kind: 'notListed' }
  /** Not a Marketplace reference (custom image, attached disk): the table cannot say. */
  | { readonly kind: 'notMarketplace' };

export function lookUpImageSupport(ref: ImageReferenceLike | undefined): ImageSupport {
  if (!ref?.publisher || !ref.offer || !ref.sku || ref.id || ref.sharedGalleryImageId || ref.communityGalleryImageId) {
    return { kind: 'notMarketplace' };
  }
  const publisher = ref.publisher.toLowerCase();
  const offer = ref.offer.toLowerCase();
  const sku = ref.sku.toLowerCase();
  const image = SUPPORTED_IMAGES.find((i) => i.publisher === publisher && i.offer === offer && i.skus.includes(sku));
  return image ? { kind: 'listed', image } : { kind: 'notListed' };
}
