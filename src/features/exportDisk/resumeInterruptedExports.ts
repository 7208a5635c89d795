import * as vscode from 'vscode';
import { existsSync } from 'node:fs';
import { revokeReadAccess } from '../../azure/compute/diskAccess.ts';
import { discardInterruptedExport, resumeInterruptedExport, type InterruptedExportPorts } from '../../core/exportDisk/interruptedExports.ts';
import { exportFileNames } from '../../core/exportDisk/exportFileNames.ts';
import { exportsToResume, type PendingExport } from '../../core/exportDisk/pendingExports.ts';
import { downloadFilePaths } from '../../core/download/downloadFilePaths.ts';
import { isUserCancelled } from '../../shell/UserCancelledError.ts';
import { freshTarget } from './exportDisk.ts';
import { refreshTree } from './refreshTree.ts';
import { runExportWithProgress, type ExportContext } from './runExportWithProgress.ts';

const partialOf = (entry: PendingExport) => downloadFilePaths(exportFileNames(entry.folder, entry.displayName, false).vhd).partial;

/**
 * An export cut short by a VS Code restart or a crash: offer to resume it (the engine continues from the journal
 * beside the .partial file, with a new link) or to discard it (delete the partial file, revoke our link).
 */
export async function offerToResumeInterruptedExports(ctx: ExportContext): Promise<void> {
  const pending = ctx.store.list();
  for (const entry of pending) if (!existsSync(partialOf(entry))) await ctx.store.remove(entry);
  for (const entry of exportsToResume(pending, (e) => existsSync(partialOf(e)))) void offerOne(ctx, entry);
}

async function offerOne(ctx: ExportContext, entry: PendingExport): Promise<void> {
  const resume = vscode.l10n.t('Resume');
  const discard = vscode.l10n.t('Discard');
  const choice = await vscode.window.showInformationMessage(
    vscode.l10n.t('The export of {0} to {1} was interrupted. Resume it where it stopped?', entry.displayName, entry.folder), resume, discard,
  );
  if (choice !== resume && choice !== discard) return;
  try {
    const { selected } = await ctx.services.accounts.getSubscriptions();
    const session = selected.find((s) => s.subscriptionId === entry.subscriptionId && s.tenantId === entry.tenantId);
    if (!session) throw new Error(vscode.l10n.t('The subscription of {0} is not signed in or not selected.', entry.displayName));
    const ports: InterruptedExportPorts = {
      freshTarget: (e) => freshTarget(session, e.kind, e.resourceId),
      revokeAccess: (target) => revokeReadAccess(session, target),
      runExport: (steps, title) => runExportWithProgress(ctx, session, steps, title),
      forget: (e) => Promise.resolve(ctx.store.remove(e)),
    };
    if (choice === discard) {
      await discardInterruptedExport(entry, ports);
      refreshTree(ctx.services, session);
      return;
    }
    await resumeInterruptedExport(entry, ports);
  } catch (error) {
    if (isUserCancelled(error)) return;
    ctx.services.logger.error(`Resuming the export of ${entry.displayName} failed`, error);
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
  }
}
