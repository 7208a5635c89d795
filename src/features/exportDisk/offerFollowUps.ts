import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { deleteSnapshot } from '../../azure/compute/snapshots.ts';
import { startVm } from '../../azure/compute/vmPower.ts';
import type { ExportOutcome } from '../../core/exportDisk/runExportTransaction.ts';
import type { ExportContext } from './runExportWithProgress.ts';
import { refreshTree } from './refreshTree.ts';

/** After an export (or its failure): the VM we deallocated can be started again; snapshots we took cost money. */
export async function offerFollowUps(ctx: ExportContext, session: SubscriptionSession, outcome: ExportOutcome): Promise<void> {
  const tasks: Array<Promise<void>> = [];
  const vm = outcome.deallocatedVm;
  if (vm) {
    tasks.push((async () => {
      const start = vscode.l10n.t('Start {0}', vm.name);
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('{0} is deallocated (no compute billing, offline). Start it again when you are ready.', vm.name), start);
      if (choice !== start) return;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting {0}…', vm.name) }, () => startVm(session, vm));
      refreshTree(ctx.services, session);
    })());
  }
  const snapshots = outcome.snapshotsCreated;
  if (snapshots.length > 0) {
    tasks.push((async () => {
      const names = snapshots.map((s) => s.name).join(', ');
      const remove = vscode.l10n.t('Delete Snapshots…');
      const choice = await vscode.window.showInformationMessage(vscode.l10n.t('The snapshots taken for the export remain and are billed: {0}.', names), remove);
      if (choice !== remove) return;
      const confirm = vscode.l10n.t('Delete');
      const sure = await vscode.window.showWarningMessage(vscode.l10n.t('Delete {0}? This cannot be undone.', names), { modal: true }, confirm);
      if (sure !== confirm) return;
      await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0}…', names) }, async () => {
        for (const snapshot of snapshots) await deleteSnapshot(session, snapshot);
      });
      refreshTree(ctx.services, session);
    })());
  }
  await Promise.all(tasks).catch((error) => {
    ctx.services.logger.error('A follow-up of the export failed', error);
    void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
  });
}
