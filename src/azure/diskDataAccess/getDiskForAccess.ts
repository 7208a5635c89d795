import type { DiskLikeForExport } from '../../core/diskDataAccess/planStorageExport.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';
import type { DiskRef } from './diskRef.ts';

export interface DiskForAccess extends DiskLikeForExport {
  readonly id: string;
  /** The VM the disk is attached to (disks only). */
  readonly managedBy?: string;
}

/** The disk or snapshot as Azure has it now (the tree's copy may be minutes old). */
export async function getDiskForAccess(session: SubscriptionSession, ref: DiskRef): Promise<DiskForAccess> {
  const compute = await computeClient(session);
  const model = ref.kind === 'disk' ? await compute.disks.get(ref.resourceGroup, ref.name) : await compute.snapshots.get(ref.resourceGroup, ref.name);
  return {
    id: model.id ?? ref.id,
    name: model.name ?? ref.name,
    kind: ref.kind,
    diskState: model.diskState,
    diskSizeGB: model.diskSizeGB,
    dataAccessAuthMode: model.dataAccessAuthMode,
    location: model.location,
    securityProfile: model.securityProfile?.securityType ? { securityType: model.securityProfile.securityType } : undefined,
    managedBy: 'managedBy' in model ? (model.managedBy as string | undefined) : undefined,
  };
}
