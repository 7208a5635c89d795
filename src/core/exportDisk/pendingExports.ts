// Exports in flight, remembered across VS Code restarts (no secrets: ids and paths only) so an export cut short
// by a restart or a crash is offered for resume: the engine continues from the journal beside the .partial file.
import type { ExportKind } from './exportTarget.ts';

export interface PendingExport {
  readonly resourceId: string;
  readonly kind: ExportKind;
  readonly tenantId: string;
  readonly subscriptionId: string;
  /** The disk the user asked for (the file's name); differs from the resource when exporting our snapshot. */
  readonly displayName: string;
  readonly folder: string;
  readonly durationSeconds: number;
  readonly startedAt: string;
}

export function addPendingExport(list: readonly PendingExport[], entry: PendingExport): PendingExport[] {
  return [...list.filter((e) => !samePending(e, entry)), entry];
}

export function removePendingExport(list: readonly PendingExport[], entry: Pick<PendingExport, 'resourceId' | 'folder'>): PendingExport[] {
  return list.filter((e) => !samePending(e, entry));
}

/** The ones worth offering: their partial file is still there (a finished or discarded export left none). */
export function exportsToResume(list: readonly PendingExport[], partialExists: (entry: PendingExport) => boolean): PendingExport[] {
  return list.filter(partialExists);
}

function samePending(a: Pick<PendingExport, 'resourceId' | 'folder'>, b: Pick<PendingExport, 'resourceId' | 'folder'>): boolean {
  return a.resourceId.toLowerCase() === b.resourceId.toLowerCase() && a.folder === b.folder;
}
