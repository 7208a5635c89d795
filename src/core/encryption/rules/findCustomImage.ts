import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, unsupported: encrypting custom images of Linux VMs. The image reference names a managed image or a
// gallery image (id, sharedGalleryImageId, communityGalleryImageId) instead of a Marketplace publisher/offer/sku.
// ADE's OS encryption relies on the partition layout of the supported Marketplace images.
export const CUSTOM_IMAGE_RULE = 'ade.custom-image';

export const CUSTOM_IMAGE_MESSAGES = {
  message: localizable('The VM was created from a custom image ({image}).'),
  why: localizable('Azure Disk Encryption does not support encrypting Linux VMs built from custom images: it relies on the file system and partition layout of the supported Marketplace images, and it can fail to unmount the OS drive otherwise.'),
  fix: localizable('Use encryption at host, or a VM created from a supported Marketplace image.'),
} as const;

export function findCustomImage(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  const ref = context.vm.storageProfile?.imageReference;
  const image = ref?.id ?? ref?.sharedGalleryImageId ?? ref?.communityGalleryImageId;
  if (!image) return [];
  const field = ref?.id ? 'id' : ref?.sharedGalleryImageId ? 'sharedGalleryImageId' : 'communityGalleryImageId';
  return [finding(CUSTOM_IMAGE_RULE, 'error', CUSTOM_IMAGE_MESSAGES, {
    path: `vm.storageProfile.imageReference.${field}`, params: { image: image.split('/').filter(Boolean).slice(-3).join('/') },
  })];
}
