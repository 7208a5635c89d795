import * as vscode from 'vscode';
import { restartVm } from '../../azure/encryption/adeExtensionOperations.ts';
import { getVmWithInstanceView } from '../../azure/encryption/vmForEncryption.ts';
import { watchEncryptionStatus, type WatchOutcome } from '../../azure/encryption/watchEncryptionStatus.ts';
import { parseEncryptionStatus, type AdeEncryptionStatus } from '../../core/encryption/parseEncryptionStatus.ts';
import { isUserCancelled } from '../../shell/UserCancelledError.ts';
import { describePhase, describeVolumeState } from '../../core/resources/presentEncryptionState.ts';
import type { EncryptionDeps } from './EncryptionDeps.ts';
import { forgetWatchedVm, rememberWatchedVm } from './watchedVms.ts';
import { refreshEncryptionStates, type EncryptionVm } from './pickEncryptionVm.ts';
import { translateStatusText } from './translateCoreText.ts';

const t = vscode.l10n.t as (message: string, ...args: Array<string | number | boolean>) => string;

/**
 * A notification follows the run until it needs the user or ends: each read of the instance view updates the
 * notification and the tree. VMRestartPending offers the restart; the end says what happened and what is next.
 * The VM is remembered while watched, so a new window picks the watch up again (the state is read from Azure).
 */
export async function watchEncryptionRun(deps: EncryptionDeps, vm: EncryptionVm, onFinished?: (status: AdeEncryptionStatus) => Promise<void>): Promise<void> {
  await rememberWatchedVm(deps.memento, vm);
  for (;;) {
    let outcome: WatchOutcome;
    try {
      outcome = await followUntilUserNeeded(deps, vm);
    } catch (error) {
      if (!isUserCancelled(error)) throw error;
      await forgetWatchedVm(deps.memento, vm.id);
      void vscode.window.showInformationMessage(vscode.l10n.t('Stopped watching {0}. Azure Disk Encryption goes on in Azure; the tree shows its state, and "Show Encryption Status" reads it again.', vm.name));
      return;
    }
    const { status } = outcome;
    if (outcome.reason === 'failed') {
      await forgetWatchedVm(deps.memento, vm.id);
      throw new Error(translateStatusText(t, status.next.message, status.next.params));
    }
    if (outcome.reason === 'needsRestart') {
      // Modal: the run cannot finish without this restart, and a toast can vanish before it is read.
      const restart = vscode.l10n.t('Restart VM');
      const answer = await vscode.window.showWarningMessage(
        vscode.l10n.t('Restart {0} to finish encrypting the OS volume?', vm.name),
        { modal: true, detail: translateStatusText(t, status.next.message, status.next.params) },
        restart,
      );
      if (answer !== restart) {
        await forgetWatchedVm(deps.memento, vm.id);
        return;
      }
      await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Restarting {0}…', vm.name) },
        () => restartVm(vm.session, vm.id),
      );
      refreshEncryptionStates(deps, vm);
      continue;
    }
    await forgetWatchedVm(deps.memento, vm.id);
    const text = vscode.l10n.t('{0}: {1}', vm.name, translateStatusText(t, status.next.message, status.next.params));
    if (status.next.kind === 'mountDataDisks') void vscode.window.showWarningMessage(text);
    else if (!onFinished) void vscode.window.showInformationMessage(text);
    await onFinished?.(status);
    return;
  }
}

async function followUntilUserNeeded(deps: EncryptionDeps, vm: EncryptionVm): Promise<WatchOutcome> {
  return vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Azure Disk Encryption on {0}', vm.name), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let last = '';
      try {
        return await watchEncryptionStatus({
          read: async () => parseEncryptionStatus(await getVmWithInstanceView(vm.session, vm.id)),
          signal: controller.signal,
          onStatus: (status) => {
            const line = statusLine(status);
            if (line === last) return;
            last = line;
            deps.logger.info(`ADE on ${vm.id}: phase ${status.phase}, OS ${status.os}, data ${status.data}`);
            progress.report({ message: line });
            refreshEncryptionStates(deps, vm);
          },
        });
      } catch (error) {
        if (controller.signal.aborted) throw Object.assign(new Error('Stopped watching'), { name: 'AbortError' });
        throw error;
      }
    },
  );
}

export function statusLine(status: AdeEncryptionStatus): string {
  const line = vscode.l10n.t('{0} · OS volume: {1} · Data volumes: {2}', describePhase(status.phase, t), describeVolumeState(status.os, t), describeVolumeState(status.data, t));
  return status.next.avoidSshLogins ? `${line} — ${vscode.l10n.t('avoid SSH logins until the OS volume is encrypted')}` : line;
}
