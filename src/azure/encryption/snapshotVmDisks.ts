import type { Disk, Snapshot } from '@azure/arm-compute';
import { parseArmResourceId } from '../../core/encryption/armResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient } from '../clients.ts';
import type { LroOptions } from './adeExtensionOperations.ts';

// The article requires a snapshot or backup before encrypting: this takes one incremental snapshot of each disk
// (incremental: billed for used size only, and fast), next to the disk, named after it and the time.

export function snapshotNameFor(disk: Disk, now: Date): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z').replace('T', '-').toLowerCase();
  // Snapshot names allow 80 characters: keep the stamp, shorten the disk name.
  return `${(disk.name ?? 'disk').slice(0, 80 - '-pre-ade-'.length - stamp.length)}-pre-ade-${stamp}`;
}

export async function snapshotDisk(session: SubscriptionSession, disk: Disk, now: Date, options: LroOptions = {}): Promise<Snapshot> {
  const parts = parseArmResourceId(disk.id);
  if (!parts?.resourceGroup || !disk.id) throw new Error(`Not a managed disk id: ${disk.id ?? ''}`);
  const compute = await computeClient(session);
  return compute.snapshots.createOrUpdate(parts.resourceGroup, snapshotNameFor(disk, now), {
    location: disk.location,
    incremental: true,
    creationData: { createOption: 'Copy', sourceResourceId: disk.id },
    tags: { createdBy: 'azure-linux-vm-tools', purpose: 'before-azure-disk-encryption' },
  }, options).pollUntilDone();
}
