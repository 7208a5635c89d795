// A disk or snapshot fresh from ARM (the tree's copy may be minutes old; diskState matters here).
import type { ExportKind, DiskLikeModel } from '../../core/exportDisk/exportTarget.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';

export async function getDiskOrSnapshot(session: SubscriptionSession, kind: ExportKind, resourceGroup: string, name: string): Promise<DiskLikeModel & { id: string }> {
  const compute = await computeClient(session);
  const model = kind === 'disk' ? await compute.disks.get(resourceGroup, name) : await compute.snapshots.get(resourceGroup, name);
  return model as DiskLikeModel & { id: string };
}
