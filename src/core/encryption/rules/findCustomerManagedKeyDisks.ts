import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { listVmDisks } from '../vmDisks.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, unsupported: applying ADE to a VM whose disks use server-side encryption with customer-managed keys
// (SSE + CMK), and adding an SSE + CMK data disk to an ADE-encrypted VM. The VM model shows a disk encryption set on
// managedDisk; the disk resource shows encryption.type.
export const CUSTOMER_MANAGED_KEY_RULE = 'ade.sse-customer-managed-key';

const CMK_TYPES = new Set(['encryptionatrestwithcustomerkey', 'encryptionatrestwithplatformandcustomerkeys']);

export const CUSTOMER_MANAGED_KEY_MESSAGES = {
  message: localizable('Disk "{diskName}" uses server-side encryption with a customer-managed key ({detail}).'),
  why: localizable('Azure Disk Encryption cannot be applied to a VM with disks encrypted by SSE + CMK, and an SSE + CMK data disk cannot be added to an ADE-encrypted VM.'),
  fix: localizable('Keep SSE + CMK (optionally with encryption at host) for this VM instead of ADE, or move the disk back to platform-managed keys before using ADE.'),
} as const;

export function findCustomerManagedKeyDisks(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  return listVmDisks(context.vm, context.disks).flatMap((disk) => {
    const type = disk.resource?.encryption?.type;
    const cmkType = !!type && CMK_TYPES.has(type.toLowerCase());
    if (!disk.diskEncryptionSetId && !cmkType) return [];
    const detail = disk.diskEncryptionSetId ? `disk encryption set ${lastSegment(disk.diskEncryptionSetId)}` : type ?? '';
    return [finding(CUSTOMER_MANAGED_KEY_RULE, 'error', CUSTOMER_MANAGED_KEY_MESSAGES, {
      path: disk.diskEncryptionSetId ? `${disk.path}.managedDisk.diskEncryptionSet.id` : disk.path,
      params: { diskName: disk.name, detail },
    })];
  });
}

function lastSegment(id: string): string {
  return id.split('/').filter(Boolean).pop() ?? id;
}
