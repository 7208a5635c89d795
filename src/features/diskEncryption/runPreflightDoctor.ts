import * as vscode from 'vscode';
import type { Disk } from '@azure/arm-compute';
import { restartVm } from '../../azure/encryption/adeExtensionOperations.ts';
import { gatherPreflightContext, readEncryptionTarget, type EncryptionTarget } from '../../azure/encryption/gatherPreflightContext.ts';
import { snapshotDisk } from '../../azure/encryption/snapshotVmDisks.ts';
import type { KeyVaultLike } from '../../core/encryption/adeModel.ts';
import type { EncryptionRequest } from '../../core/encryption/preflightContext.ts';
import { isFixedBySnapshotNow } from '../../core/encryption/rules/findMissingRecoveryPoint.ts';
import { isRestartPendingFinding } from '../../core/encryption/rules/findOperationInProgress.ts';
import { MISSING_KEY_VAULT_RULE } from '../../core/encryption/rules/findMissingKeyVault.ts';
import { VOLUME_TYPE_REQUIRED_RULE } from '../../core/encryption/rules/findMissingVolumeType.ts';
import { runEncryptionPreflight, type EncryptionPreflightResult } from '../../core/encryption/runEncryptionPreflight.ts';
import { mapWithConcurrency } from '../../core/concurrency/mapWithConcurrency.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { EncryptionDeps } from './EncryptionDeps.ts';
import { refreshEncryptionStates, type EncryptionVm } from './pickEncryptionVm.ts';
import { renderPreflightReport } from './renderPreflightReport.ts';
import { translateCoreText } from './translateCoreText.ts';
import { watchEncryptionRun } from './watchEncryptionRun.ts';

const t = vscode.l10n.t as (message: string, ...args: Array<string | number | boolean>) => string;

/** Rules about answers not given yet: the early check (before any question) leaves them out. */
const ANSWERED_LATER = new Set([MISSING_KEY_VAULT_RULE, VOLUME_TYPE_REQUIRED_RULE]);

export type DoctorInput = {
  readonly vm: EncryptionVm;
  readonly target: EncryptionTarget;
  readonly request: EncryptionRequest;
  readonly vault?: KeyVaultLike;
  readonly operationLabel: string;
  /** The early check runs before the questions: it ignores the answers it does not have yet. */
  readonly early: boolean;
  /** Shared by the checks of one flow: the report is updated in its one editor instead of a new tab each time. */
  readonly report?: { uri?: vscode.Uri };
};

/**
 * Runs the pre-flight rules on fresh data and shows their report. Blocking findings stop the flow; when the missing
 * snapshot is what blocks, it offers to snapshot every disk now and checks again.
 */
export async function runPreflightDoctor(deps: EncryptionDeps, input: DoctorInput): Promise<EncryptionPreflightResult & { target: EncryptionTarget }> {
  // Restarting changes the VM's state: the target is read again after it, and the fresh one is returned.
  let target = input.target;
  for (;;) {
    const context = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking {0} for Azure Disk Encryption…', input.vm.name) },
      () => gatherPreflightContext(input.vm.session, target, input.request, { ...(input.vault ? { vault: input.vault } : {}) }, new Date()),
    );
    const full = runEncryptionPreflight(context);
    const findings = input.early ? full.findings.filter((f) => !ANSWERED_LATER.has(f.rule)) : full.findings;
    const result = { ...full, findings, blocking: findings.some((f) => f.severity === 'error'), target };
    deps.logger.info(`ADE pre-flight for ${input.vm.id}: ${findings.map((f) => `${f.severity}:${f.rule}`).join(', ') || 'no findings'}`);
    if (!result.blocking && !input.early) await showReport(deps, input, result);
    if (!result.blocking) return result;

    await showReport(deps, input, result);
    const errors = findings.filter((f) => f.severity === 'error');
    // Unmanaged disks cannot be snapshotted from here (their finding says what to do instead): no endless offer.
    const snapshotHelps = errors.some(isFixedBySnapshotNow);
    const restartPending = errors.some(isRestartPendingFinding);
    const snapshotNow = vscode.l10n.t('Snapshot Every Disk Now');
    const restart = vscode.l10n.t('Restart VM');
    const answer = await vscode.window.showErrorMessage(
      vscode.l10n.t('{0} problem(s) stop Azure Disk Encryption on {1}.', errors.length, input.vm.name),
      { modal: true, detail: errors.map((f) => `• ${translateCoreText(t, f.message, f.params)}`).join('\n') },
      ...(restartPending ? [restart] : []),
      ...(snapshotHelps ? [snapshotNow] : []),
    );
    if (answer === snapshotNow) {
      await snapshotEveryDisk(deps, input.vm, target.disks);
      continue;
    }
    if (answer !== restart) throw new UserCancelledError();
    // The pending run finishes during boot: restart, follow it to its end, then check again on fresh data.
    await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Restarting {0}…', input.vm.name) },
      () => restartVm(input.vm.session, input.vm.id),
    );
    refreshEncryptionStates(deps, input.vm);
    await watchEncryptionRun(deps, input.vm);
    target = await readEncryptionTarget(input.vm.session, input.vm.id);
  }
}

async function showReport(deps: EncryptionDeps, input: DoctorInput, result: EncryptionPreflightResult): Promise<void> {
  const markdown = renderPreflightReport({ vmName: input.vm.name, operationLabel: input.operationLabel, result }, t);
  let uri = input.report?.uri;
  if (uri) deps.documents.update(uri, markdown);
  else uri = deps.documents.put(`${input.vm.name}-ade-preflight.md`, markdown);
  if (input.report) input.report.uri = uri;
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  await vscode.window.showTextDocument(document, { preview: false, preserveFocus: true });
}

async function snapshotEveryDisk(deps: EncryptionDeps, vm: EncryptionVm, disks: readonly Disk[]): Promise<void> {
  const now = new Date();
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Taking a snapshot of every disk of {0}…', vm.name), cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      let done = 0;
      const results = await mapWithConcurrency(disks, 4, async (disk) => {
        const snapshot = await snapshotDisk(vm.session, disk, now, { abortSignal: controller.signal });
        deps.logger.info(`Snapshot ${snapshot.id ?? ''} taken of ${disk.id ?? ''} before encryption`);
        progress.report({ message: vscode.l10n.t('{0} of {1} disks', ++done, disks.length), increment: 100 / disks.length });
      });
      // One failed snapshot means the backup-first rule is not met: say why rather than check again.
      const failed = results.find((r) => r.status === 'rejected');
      if (failed) throw failed.reason;
    },
  );
  deps.inventories.for(vm.session).invalidate('snapshot');
  deps.tree.redraw(vm.session, ['snapshot']);
}
