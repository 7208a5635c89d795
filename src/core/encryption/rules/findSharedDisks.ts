import { finding, type Finding } from '../finding.ts';
import { isEnableOperation, type EncryptionPreflightContext } from '../preflightContext.ts';
import { listVmDisks } from '../vmDisks.ts';
import { localizable } from '../../l10n/Translate.ts';

// Article 001, unsupported: encrypting VMs in a failover cluster, and shared/distributed file systems (GFS, DRBD,
// CephFS, …). A managed disk with maxShares > 1 is a shared disk, the building block of both.
export const SHARED_DISK_RULE = 'ade.shared-disk';

export const SHARED_DISK_MESSAGES = {
  message: localizable('Disk "{diskName}" is a shared disk (maxShares = {maxShares}).'),
  why: localizable('Shared disks are used by failover clusters and shared file systems; Azure Disk Encryption does not support VMs in a failover cluster or shared/distributed file systems.'),
  fix: localizable('Detach the shared disk if it is not part of a cluster, or protect the cluster with server-side encryption instead.'),
} as const;

export function findSharedDisks(context: EncryptionPreflightContext): Finding[] {
  if (!isEnableOperation(context.request.operation)) return [];
  return listVmDisks(context.vm, context.disks)
    .filter((d) => (d.resource?.maxShares ?? 1) > 1)
    .map((d) => finding(SHARED_DISK_RULE, 'error', SHARED_DISK_MESSAGES, {
      path: d.path, params: { diskName: d.name, maxShares: d.resource?.maxShares ?? 0 },
    }));
}
