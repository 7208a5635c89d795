import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { listVmDisks } from '../vmDisks.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, unsupported: encrypting Azure Ultra Disks and Premium SSD v2 disks.
export const ULTRA_OR_PREMIUM_V2_RULE = 'ade.ultra-or-premium-v2-disk';

const WHY = localizable('Azure Disk Encryption does not support encrypting Ultra Disks or Premium SSD v2 disks.');
const FIX = localizable('Use encryption at host or server-side encryption for this VM, or move the data to a Premium SSD / Standard disk.');

export const ULTRA_OR_PREMIUM_V2_MESSAGES = {
  ultra: { message: localizable('Disk "{diskName}" is an Ultra Disk ({storageAccountType}).'), why: WHY, fix: FIX },
  premiumV2: { message: localizable('Disk "{diskName}" is a Premium SSD v2 disk ({storageAccountType}).'), why: WHY, fix: FIX },
} as const;

const UNSUPPORTED_TYPES: Record<string, (typeof ULTRA_OR_PREMIUM_V2_MESSAGES)[keyof typeof ULTRA_OR_PREMIUM_V2_MESSAGES]> = {
  ultrassd_lrs: ULTRA_OR_PREMIUM_V2_MESSAGES.ultra,
  premiumv2_lrs: ULTRA_OR_PREMIUM_V2_MESSAGES.premiumV2,
};

export function findUltraOrPremiumV2Disks(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  return listVmDisks(context.vm, context.disks).flatMap((disk) => {
    const texts = UNSUPPORTED_TYPES[(disk.storageAccountType ?? '').toLowerCase()];
    if (!texts) return [];
    return [finding(ULTRA_OR_PREMIUM_V2_RULE, 'error', texts, {
      path: `${disk.path}.managedDisk.storageAccountType`,
      params: { diskName: disk.name, storageAccountType: disk.storageAccountType ?? '' },
    })];
  });
}
