// Consistency first: Azure exports a disk only when no running (or stopped-but-allocated) VM holds it, and the
// article's advice decides what to offer: deallocate the VM, or snapshot and export the snapshot. A VM with data
// disks needs the VM stopped, or a snapshot of the OS disk and every data disk, for the disks to match.
import type { Translate } from '../l10n/Translate.ts';
import type { ExportTarget, ResourceRef } from './exportTarget.ts';

/** The VM a disk is attached to, as far as the decision needs it. */
export interface AttachedVm extends ResourceRef {
  /** `running`, `stopped`, `deallocated`, `starting`, … (see vmPowerState). */
  readonly power: string;
  readonly location?: string;
  /** OS disk first, then data disks. */
  readonly diskIds: readonly string[];
  readonly dataDiskCount: number;
}

export type ConsistencyChoice =
  | { readonly kind: 'exportDirectly' }
  | { readonly kind: 'deallocateVm'; readonly disks: 'this' | 'all' }
  | { readonly kind: 'snapshot'; readonly disks: 'this' | 'all' };

export interface ConsistencyOption {
  readonly choice: ConsistencyChoice;
  readonly label: string;
  readonly detail: string;
}

export type ConsistencyPlan =
  /** Nothing holds the disk (or it is a snapshot, or its VM is deallocated): export as is. */
  | { readonly kind: 'ready'; readonly notes: readonly string[] }
  /** The user must choose how to make the export consistent. */
  | { readonly kind: 'choose'; readonly question: string; readonly notes: readonly string[]; readonly options: readonly ConsistencyOption[] }
  /** Azure cannot export this disk now. */
  | { readonly kind: 'blocked'; readonly reason: string };

const UPLOAD_STATES = new Set(['ReadyToUpload', 'ActiveUpload']);

export function planConsistency(target: ExportTarget, vm: AttachedVm | undefined, t: Translate): ConsistencyPlan {
  if (UPLOAD_STATES.has(target.diskState)) {
    return { kind: 'blocked', reason: t('{0} is waiting for an upload ({1}): it has nothing to export until the upload ends.', target.name, target.diskState) };
  }
  if (target.kind === 'snapshot' || target.diskState !== 'Attached') {
    const notes = vm && vm.dataDiskCount > 0 && target.diskState === 'Reserved'
      ? [t('{0} is deallocated, so each of its disks is consistent; export the others the same way if you need them all.', vm.name)]
      : [];
    return { kind: 'ready', notes };
  }
  const vmName = vm?.name ?? lastSegment(target.managedBy ?? '') ?? '';
  if (vm && /ing$/.test(vm.power) && vm.power !== 'running') {
    return { kind: 'blocked', reason: t('{0} is changing its power state ({1}). Wait until it has finished, then export again.', vmName, vm.power) };
  }
  const notes: string[] = [];
  if (vm?.power === 'stopped') {
    notes.push(t('{0} is stopped but still allocated (and billed). Azure exports a disk only when its VM is deallocated: stopping it is not enough.', vmName));
  } else {
    notes.push(t('{0} is attached to {1}, which is running. Azure cannot export a disk of a VM that is not deallocated.', target.name, vmName));
  }
  const dataDisks = vm?.dataDiskCount ?? 0;
  if (dataDisks > 0) {
    notes.push(t('{0} has {1} data disk(s): a consistent export of all its disks needs the VM stopped (deallocated), or a snapshot of the OS disk and every data disk.', vmName, dataDisks));
  }
  const deallocateDetail = t('Stops compute billing and takes {0} offline (downtime) until you start it again. Stop without deallocate is not enough.', vmName);
  const snapshotDetail = t('{0} keeps running. The snapshot is crash-consistent: as if the VM lost power at that moment, which applications that are not crash-safe may not survive.', vmName);
  const options: ConsistencyOption[] = [
    { choice: { kind: 'deallocateVm', disks: 'this' }, label: t('Deallocate {0}, then export this disk', vmName), detail: deallocateDetail },
    ...(dataDisks > 0
      ? [{ choice: { kind: 'deallocateVm', disks: 'all' } as const, label: t('Deallocate {0}, then export all {1} disks', vmName, dataDisks + 1), detail: deallocateDetail }]
      : []),
    { choice: { kind: 'snapshot', disks: 'this' }, label: t('Snapshot this disk and export the snapshot'), detail: snapshotDetail },
    ...(dataDisks > 0
      ? [{ choice: { kind: 'snapshot', disks: 'all' } as const, label: t('Snapshot the OS disk and every data disk ({0} snapshots), then export each', dataDisks + 1), detail: snapshotDetail }]
      : []),
  ];
  return { kind: 'choose', question: t('How should {0} be made consistent for the export?', target.name), notes, options };
}

function lastSegment(id: string): string | undefined {
  return id.split('/').filter(Boolean).pop();
}
