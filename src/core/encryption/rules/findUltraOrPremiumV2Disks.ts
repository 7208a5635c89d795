import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { listVmDisks } from '../vmDisks.ts';

// Article 001, unsupported: encrypting Azure Ultra Disks and Premium SSD v2 disks.
export const ULTRA_OR_PREMIUM_V2_RULE = 'ade.ultra-or-premium-v2-disk';

const UNSUPPORTED_TYPES: Record<string, string> = { ultrassd_lrs: 'Ultra Disk', premiumv2_lrs: 'Premium SSD v2' };

export const ULTRA_OR_PREMIUM_V2_MESSAGES = {
  message: 'Disk "{diskName}" is an {diskKind} ({storageAccountType}).',
  why: 'Azure Disk Encryption does not support encrypting Ultra Disks or Premium SSD v2 disks.',
  fix: 'Use encryption at host or server-side encryption for this VM, or move the data to a Premium SSD / Standard disk.',
} as const;

export function findUltraOrPremiumV2Disks(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  return listVmDisks(context.vm, context.disks).flatMap((disk) => {
    const kind = UNSUPPORTED_TYPES[(disk.storageAccountType ?? '').toLowerCase()];
    if (!kind) return [];
    return [finding(ULTRA_OR_PREMIUM_V2_RULE, 'error', ULTRA_OR_PREMIUM_V2_MESSAGES, {
      path: `${disk.path}.managedDisk.storageAccountType`,
      params: { diskName: disk.name, diskKind: kind, storageAccountType: disk.storageAccountType ?? '' },
    })];
  });
}
