import * as vscode from 'vscode';
import { basename, dirname } from 'node:path';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { createExportPorts } from '../../azure/compute/createExportPorts.ts';
import { diskRefFromId } from '../../azure/diskDataAccess/diskRef.ts';
import { prepareEntraIdDownload } from '../diskDataAccess/prepareEntraIdDownload.ts';
import { isDownloadError } from '../../core/download/downloadError.ts';
import { describeExportFailure } from '../../core/exportDisk/describeExportFailure.ts';
import { isExportInProgressError, type ExportLocks } from '../../core/exportDisk/exportLocks.ts';
import { keepForResume } from '../../core/exportDisk/interruptedExports.ts';
import { planEntraIdChecks } from '../../core/exportDisk/planEntraIdChecks.ts';
import type { GetBearerToken } from '../../azure/storage/bearerTokenHolder.ts';
import { formatBytes, formatExportProgress, percentDone } from '../../core/exportDisk/formatExportProgress.ts';
import type { ExportStep } from '../../core/exportDisk/planExportSteps.ts';
import { newExportOutcome, runExportTransaction, type ExportOutcome } from '../../core/exportDisk/runExportTransaction.ts';
import { describeAzureError } from '../../core/errors/describeAzureError.ts';
import type { Services } from '../../services.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ExportStatusBar } from './ExportStatusBar.ts';
import type { PendingExportStore } from './PendingExportStore.ts';
import { offerFollowUps } from './offerFollowUps.ts';
import { refreshTree } from './refreshTree.ts';
import { t } from './translate.ts';

export interface ExportContext {
  readonly services: Services;
  readonly store: PendingExportStore;
  readonly statusBar: ExportStatusBar;
  /** The files and disks of the exports running in this window: two exports never share one. */
  readonly locks: ExportLocks;
}

/**
 * Runs the planned steps under a cancellable notification and the status-bar item, remembers each export while it
 * runs (so a restart offers to resume it), warns about every revoke that failed, and says what the user got.
 */
export async function runExportWithProgress(ctx: ExportContext, session: SubscriptionSession, steps: readonly ExportStep[], title: string): Promise<ExportOutcome> {
  const outcome = newExportOutcome();
  const exports = steps.filter((s): s is Extract<ExportStep, { kind: 'export' }> => s.kind === 'export');
  // Entra-ID-secured disks: the download role is checked before anything is granted (a missing role ends here with
  // how to get it), and the engine sends a disk-audience token on top of the SAS.
  // A snapshot the plan creates is checked in its resource group (it does not exist yet; planEntraIdChecks).
  const bearerTokens = new Map<string, GetBearerToken>();
  for (const { step, scope } of planEntraIdChecks(steps)) {
    const { getBearerToken } = await prepareEntraIdDownload(session, diskRefFromId(step.target.id), { dataAccessAuthMode: 'AzureActiveDirectory' }, undefined, { notCreatedYet: scope === 'resourceGroup' });
    if (getBearerToken) bearerTokens.set(step.target.id.toLowerCase(), getBearerToken);
  }
  const key = ctx.statusBar.add(title);
  try {
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Exporting {0}', title), cancellable: true },
      async (progress, token) => {
        const cancel = new AbortController();
        token.onCancellationRequested(() => cancel.abort());
        let shownPercent = 0;
        let prefix = '';
        const report = (message: string, percent?: number) => {
          ctx.statusBar.update(key, message);
          const increment = percent === undefined ? undefined : Math.max(0, percent - shownPercent);
          if (percent !== undefined) shownPercent = Math.max(shownPercent, percent);
          progress.report({ message: prefix ? `${prefix}: ${message}` : message, increment });
        };
        await runExportTransaction(steps, createExportPorts(session, { bearerTokenFor: (target) => bearerTokens.get(target.id.toLowerCase()) }), {
          signal: cancel.signal,
          outcome,
          // A second export of the same disk or into the same file is refused before its grant (ExportInProgressError).
          locks: ctx.locks,
          title,
          events: {
            onStep: (step) => {
              shownPercent = 0;
              prefix = exports.length > 1 && step.kind === 'export' ? step.displayName : '';
              if (step.kind === 'export') void remember(ctx, session, step);
              report(describeStep(step));
            },
            onProgress: (step, file, p) => {
              const label = file === 'guestState' ? vscode.l10n.t('VM guest state') + ' · ' : file === 'vmMetadata' ? vscode.l10n.t('VM metadata') + ' · ' : '';
              report(`${label}${formatExportProgress(p, t)}`, file === 'vhd' ? percentDone(p) : undefined);
            },
            onRevokeFailed: (target, error) => void warnRevokeFailed(ctx, session, target.name, error),
          },
        });
      },
    );
  } catch (error) {
    // Refused because another export holds the disk or the file: nothing ran, and the pending entries are theirs.
    if (isExportInProgressError(error)) throw new Error(describeExportFailure(error, title, t), { cause: error });
    const current = exports.find((e) => !outcome.exported.some((done) => done.step === e));
    // The export that failed stays on the list offered after a restart when its partial file can be continued
    // (a lost connection, a refused link, a full disk); the others are done or never started.
    for (const step of exports) {
      if (step === current && keepForResume(error)) continue;
      await ctx.store.remove({ resourceId: step.target.id, folder: dirname(step.files.vhd) });
    }
    const message = describeExportFailure(error, current ? basename(current.files.vhd) : title, t);
    if (isDownloadError(error) && error.code === 'cancelled') {
      void vscode.window.showInformationMessage(message ?? vscode.l10n.t('The export was cancelled.'));
      void offerFollowUps(ctx, session, outcome);
      throw new UserCancelledError();
    }
    void offerFollowUps(ctx, session, outcome);
    if (message) throw new Error(message, { cause: error });
    throw error;
  } finally {
    ctx.statusBar.remove(key);
    refreshTree(ctx.services, session);
  }
  for (const done of outcome.exported) await ctx.store.remove({ resourceId: done.step.target.id, folder: dirname(done.step.files.vhd) });
  const files = outcome.exported.map((e) => basename(e.vhd.destinationPath));
  const written = outcome.exported.reduce((sum, e) => sum + e.vhd.bytesWritten + e.vhd.bytesResumed, 0);
  const skipped = outcome.exported.reduce((sum, e) => sum + e.vhd.bytesSkipped, 0);
  void vscode.window.showInformationMessage(vscode.l10n.t('Exported {0} to {1}: {2} of data, {3} empty and not downloaded. Access was revoked.',
    files.join(', '), dirname(outcome.exported[0]?.vhd.destinationPath ?? ''), formatBytes(written), formatBytes(skipped)));
  void offerFollowUps(ctx, session, outcome);
  return outcome;
}

function describeStep(step: ExportStep): string {
  switch (step.kind) {
    case 'deallocateVm': return vscode.l10n.t('Deallocating {0}…', step.vm.name);
    case 'createSnapshot': return vscode.l10n.t('Creating snapshot {0}…', step.snapshot.name);
    case 'export': return vscode.l10n.t('Granting read access to {0}…', step.target.name);
  }
}

async function remember(ctx: ExportContext, session: SubscriptionSession, step: Extract<ExportStep, { kind: 'export' }>): Promise<void> {
  await ctx.store.add({
    resourceId: step.target.id, kind: step.target.kind, tenantId: session.tenantId, subscriptionId: session.subscriptionId,
    displayName: step.displayName, folder: dirname(step.files.vhd), durationSeconds: step.durationSeconds, startedAt: new Date().toISOString(),
  });
}

/** The link could not be ended: say so loudly, with the way to end it; the tree shows the disk with a warning. */
export async function warnRevokeFailed(ctx: ExportContext, session: SubscriptionSession, name: string, error: unknown): Promise<void> {
  ctx.services.logger.error(`Revoking access to ${name} failed`, error);
  refreshTree(ctx.services, session);
  const revoke = vscode.l10n.t('Revoke Disk Access…');
  const summary = describeAzureError(error);
  const choice = await vscode.window.showWarningMessage(
    vscode.l10n.t('Access to {0} could not be revoked ({1}): its download link stays valid until it expires. Revoke it from the tree or with "Revoke Disk Access…".', name, summary.code ? `${summary.code}: ${summary.message}` : summary.message),
    revoke,
  );
  if (choice === revoke) await vscode.commands.executeCommand('azureLinuxVm.revokeDiskAccess');
}
