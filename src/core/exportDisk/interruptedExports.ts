// What happens to an export cut short by a VS Code restart, a crash or a failure the next run can continue from:
// which failures leave it on the list offered after a restart, and the two answers to the offer. Resume exports
// the disk again into the same files (the engine continues from the journal beside the `.partial` file, with a
// new link); Discard deletes what the run left and revokes the link it may still hold (an interrupted export
// never reached its revoke). The shell (features/exportDisk/resumeInterruptedExports.ts) asks; this does.
import { rm } from 'node:fs/promises';
import { isDownloadError, type DownloadErrorCode } from '../download/downloadError.ts';
import { downloadFilePaths } from '../download/downloadFilePaths.ts';
import { hasActiveSas } from './decideActiveSas.ts';
import { exportFileNames } from './exportFileNames.ts';
import type { ExportTarget } from './exportTarget.ts';
import type { PendingExport } from './pendingExports.ts';
import type { ExportStep } from './planExportSteps.ts';

/**
 * Failures after which the partial file is worth offering again after a restart. Not: a cancel (the user chose
 * it; the next export of the disk still resumes), a disk that changed (the journal no longer applies), a file
 * that is whole but not a VHD, or a destination that already existed (nothing was written).
 */
const NOT_RESUMABLE: ReadonlySet<DownloadErrorCode> = new Set(['cancelled', 'sourceChanged', 'vhdFooterInvalid', 'destinationExists']);

export function keepForResume(error: unknown): boolean {
  return !isDownloadError(error) || !NOT_RESUMABLE.has(error.code);
}

export interface InterruptedExportPorts {
  /** The disk or snapshot as Azure has it now (its diskState tells whether our link is still open). */
  freshTarget(entry: PendingExport): Promise<ExportTarget>;
  revokeAccess(target: ExportTarget): Promise<void>;
  /** Runs the export steps (grant -> download -> revoke) the way a new export does. */
  runExport(steps: readonly ExportStep[], title: string): Promise<unknown>;
  /** Removes the entry from the list offered after a restart. */
  forget(entry: PendingExport): Promise<void>;
}

/** The files an interrupted export of `entry` may have left (VHD and VM guest state, partial and journal). */
export function interruptedFiles(entry: PendingExport): string[] {
  const names = exportFileNames(entry.folder, entry.displayName, true);
  return [names.vhd, names.guestState!, names.vmMetadata!].flatMap((file) => {
    const paths = downloadFilePaths(file);
    return [paths.partial, paths.journal];
  });
}

export async function resumeInterruptedExport(entry: PendingExport, ports: InterruptedExportPorts): Promise<unknown> {
  const target = await ports.freshTarget(entry);
  const step: ExportStep = {
    kind: 'export', target, displayName: entry.displayName, durationSeconds: entry.durationSeconds,
    files: exportFileNames(entry.folder, entry.displayName, target.hasGuestState),
  };
  return ports.runExport([step], entry.displayName);
}

export async function discardInterruptedExport(entry: PendingExport, ports: InterruptedExportPorts): Promise<void> {
  await Promise.all(interruptedFiles(entry).map((path) => rm(path, { force: true })));
  const target = await ports.freshTarget(entry);
  // The link was ours: an interrupted export never got to its revoke.
  if (hasActiveSas(target.diskState)) await ports.revokeAccess(target);
  await ports.forget(entry);
}
