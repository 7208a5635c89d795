// Snapshots for a consistent export of a running VM's disk: a full copy, or an incremental one (billed for the
// changed data only). Created in the source disk's resource group and region (createOption Copy).
import type { ExportTarget } from '../../core/exportDisk/exportTarget.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';
import type { LroOptions } from './diskAccess.ts';
import { localizable } from '../../core/l10n/Translate.ts';
import { LocalizableError } from '../../core/errors/LocalizableError.ts';

export async function createSnapshotOfDisk(
  session: SubscriptionSession,
  source: Pick<ExportTarget, 'id' | 'location'>,
  snapshot: Pick<ExportTarget, 'resourceGroup' | 'name'>,
  incremental: boolean,
  options: LroOptions = {},
): Promise<void> {
  if (!source.location) throw new LocalizableError(localizable('The region of {0} is unknown.'), source.id);
  const compute = await computeClient(session);
  await compute.snapshots
    .createOrUpdate(snapshot.resourceGroup, snapshot.name, {
      location: source.location,
      incremental,
      creationData: { createOption: 'Copy', sourceResourceId: source.id },
      tags: { createdBy: 'azure-linux-vm-tools', purpose: 'export' },
    }, options)
    .pollUntilDone();
}

export async function deleteSnapshot(session: SubscriptionSession, snapshot: Pick<ExportTarget, 'resourceGroup' | 'name'>, options: LroOptions = {}): Promise<void> {
  const compute = await computeClient(session);
  await compute.snapshots.delete(snapshot.resourceGroup, snapshot.name, options).pollUntilDone();
}
