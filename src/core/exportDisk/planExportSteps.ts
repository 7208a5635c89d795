// The transaction as a list of steps, decided before anything runs so the user can be told what will happen and
// tests can check the plan without Azure: (deallocate | snapshot…) then, per disk or snapshot, one export step
// (grant read access -> download -> revoke, always).
import type { ConsistencyChoice, AttachedVm } from './planConsistency.ts';
import { exportFileNames, exportSnapshotName, type ExportFileNames } from './exportFileNames.ts';
import type { ExportTarget, ResourceRef } from './exportTarget.ts';

export type ExportStep =
  | { readonly kind: 'deallocateVm'; readonly vm: ResourceRef }
  | { readonly kind: 'createSnapshot'; readonly source: ExportTarget; readonly snapshot: ExportTarget; readonly incremental: boolean }
  | {
      readonly kind: 'export';
      readonly target: ExportTarget;
      /** The disk the user asked for (the snapshot's source when exporting a snapshot we take). */
      readonly displayName: string;
      readonly files: ExportFileNames;
      readonly durationSeconds: number;
    };

export interface ExportRequest {
  readonly target: ExportTarget;
  readonly choice: ConsistencyChoice;
  /** The VM the disk is attached to, and its disks as export targets (OS disk first) for the `all` choices. */
  readonly vm?: AttachedVm;
  readonly vmDisks?: readonly ExportTarget[];
  readonly incrementalSnapshots?: boolean;
  readonly folder: string;
  readonly durationSeconds: number;
  readonly now: Date;
}

export function planExportSteps(request: ExportRequest): ExportStep[] {
  const { choice } = request;
  const disks = choice.kind !== 'exportDirectly' && choice.disks === 'all' ? allDisksOf(request) : [request.target];
  const exportOf = (target: ExportTarget, displayName: string): ExportStep => ({
    kind: 'export', target, displayName, durationSeconds: request.durationSeconds,
    files: exportFileNames(request.folder, displayName, target.hasGuestState),
  });
  switch (choice.kind) {
    case 'exportDirectly':
      return [exportOf(request.target, request.target.name)];
    case 'deallocateVm': {
      if (!request.vm) throw new Error('deallocating needs the VM the disk is attached to');
      // Once deallocated, the disks are Reserved: their state is what the export sees.
      return [{ kind: 'deallocateVm', vm: request.vm }, ...disks.map((d) => exportOf({ ...d, diskState: 'Reserved' }, d.name))];
    }
    case 'snapshot': {
      // All snapshots first, back to back, so a multi-disk VM's snapshots are as close in time as possible.
      const snapshots = disks.map((source) => ({ source, snapshot: snapshotTargetFor(source, request.now) }));
      return [
        ...snapshots.map(({ source, snapshot }) => ({ kind: 'createSnapshot' as const, source, snapshot, incremental: request.incrementalSnapshots === true })),
        ...snapshots.map(({ source, snapshot }) => exportOf(snapshot, source.name)),
      ];
    }
  }
}

function allDisksOf(request: ExportRequest): ExportTarget[] {
  const disks = request.vmDisks ?? [];
  if (!disks.some((d) => d.id.toLowerCase() === request.target.id.toLowerCase())) return [request.target, ...disks];
  return [...disks];
}

/** The snapshot we will create of `source`: same group and region, same size and guest state. */
export function snapshotTargetFor(source: ExportTarget, now: Date): ExportTarget {
  const name = exportSnapshotName(source.name, now);
  return {
    id: `/subscriptions/${source.subscriptionId}/resourceGroups/${source.resourceGroup}/providers/Microsoft.Compute/snapshots/${name}`,
    subscriptionId: source.subscriptionId,
    resourceGroup: source.resourceGroup,
    name,
    kind: 'snapshot',
    location: source.location,
    sizeBytes: source.sizeBytes,
    diskState: 'Unattached',
    hasGuestState: source.hasGuestState,
    entraIdOnly: source.entraIdOnly,
  };
}
