import * as vscode from 'vscode';
import { cancelImageBuild, getImageTemplateJson } from '../../azure/imageBuilder/imageTemplateOperations.ts';
import { describeRunStatus, isRunActive, type LastRunStatus, type RunAction } from '../../core/imageBuilder/describeRunStatus.ts';
import { asTemplateNode, pollIntervalMs, refreshTemplates, t, type ImageBuilderContext, type TemplateTarget } from './ImageBuilderContext.ts';

/**
 * Watches running builds: polls each template's `lastRunStatus`, redraws the tree when it changes (so the node shows
 * Running (Customizing) …), reports it in a progress notification and stops when the run ends. Dismissing the
 * notification asks whether to cancel the build or only stop watching.
 */
export class BuildWatcher implements vscode.Disposable {
  private readonly watching = new Map<string, Promise<LastRunStatus | undefined>>();
  /** Templates followed quietly (no notification) because a listing showed their build running. */
  private readonly following = new Set<string>();
  private disposed = false;
  private readonly ctx: ImageBuilderContext;

  constructor(ctx: ImageBuilderContext) {
    this.ctx = ctx;
  }

  isWatching(target: TemplateTarget): boolean {
    return this.watching.has(target.id.toLowerCase());
  }

  /** Watches until the run ends; returns the last status seen. Watching the same template twice shares one watch. */
  watch(target: TemplateTarget): Promise<LastRunStatus | undefined> {
    const key = target.id.toLowerCase();
    let watch = this.watching.get(key);
    // A quiet follow is replaced by a watch with its notification when the user asks (Build on a running template).
    if (watch && this.following.delete(key)) watch = undefined;
    if (!watch) {
      watch = this.run(target).finally(() => this.watching.delete(key));
      this.watching.set(key, watch);
    }
    return watch;
  }

  /**
   * Keeps the tree live for a build this window did not start (a listing showed it Running or Canceling): polls
   * quietly, without a notification, and redraws the tree until the run ends.
   */
  follow(target: TemplateTarget, listed?: LastRunStatus): void {
    const key = target.id.toLowerCase();
    if (this.watching.has(key)) return;
    this.following.add(key);
    const poll = this.poll(target, key, listed).finally(() => {
      this.following.delete(key);
      if (this.watching.get(key) === poll) this.watching.delete(key);
    });
    this.watching.set(key, poll);
  }

  private async poll(target: TemplateTarget, key: string, listed?: LastRunStatus): Promise<LastRunStatus | undefined> {
    // What the tree shows now: the state the listing had (it may have moved on before the first poll).
    let shown = `${listed?.runState}/${listed?.runSubState}`;
    for (;;) {
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs()));
      if (this.disposed || !this.following.has(key)) return undefined; // disposed, or a real watch took over
      const template = await getImageTemplateJson(target.session, target.resourceGroup, target.name).catch(() => undefined);
      const last = template?.properties?.lastRunStatus as LastRunStatus | undefined;
      const state = `${last?.runState}/${last?.runSubState}`;
      if (state !== shown) {
        refreshTemplates(this.ctx, target.session);
        shown = state;
      }
      if (!template || !isRunActive(last)) {
        refreshTemplates(this.ctx, target.session);
        return last;
      }
    }
  }

  private async run(target: TemplateTarget): Promise<LastRunStatus | undefined> {
    let last: LastRunStatus | undefined;
    const stopped = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('VM Image Builder'), cancellable: true },
      async (progress, token) => {
        let shown = '';
        while (!this.disposed && !token.isCancellationRequested) {
          const template = await getImageTemplateJson(target.session, target.resourceGroup, target.name);
          last = template?.properties?.lastRunStatus as LastRunStatus | undefined;
          const description = describeRunStatus(target.name, last, t);
          const key = `${last?.runState}/${last?.runSubState}`;
          if (key !== shown) {
            shown = key;
            progress.report({ message: description.message });
            refreshTemplates(this.ctx, target.session);
          }
          if (!template || !description.active) return false;
          await sleep(pollIntervalMs(), token);
        }
        return true;
      },
    );
    if (stopped && !this.disposed) await this.askToCancel(target);
    else if (!this.disposed) await this.announce(target, last);
    return last;
  }

  private async askToCancel(target: TemplateTarget): Promise<void> {
    const cancel = vscode.l10n.t('Cancel Build');
    const choice = await vscode.window.showWarningMessage(
      vscode.l10n.t('Stop watching {0}, or cancel its build?', target.name),
      { modal: true, detail: vscode.l10n.t('The build goes on in Azure if you only stop watching; the tree still shows its state when refreshed.') },
      cancel, vscode.l10n.t('Stop Watching'),
    );
    if (choice !== cancel) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cancelling the build of {0}…', target.name) },
      () => cancelImageBuild(target.session, target.resourceGroup, target.name));
    refreshTemplates(this.ctx, target.session);
    void vscode.window.showInformationMessage(vscode.l10n.t('The build of {0} was cancelled.', target.name));
  }

  private async announce(target: TemplateTarget, status: LastRunStatus | undefined): Promise<void> {
    const description = describeRunStatus(target.name, status, t);
    const labels: Record<RunAction, string> = {
      showOutputs: vscode.l10n.t('Show Run Outputs'),
      showLog: vscode.l10n.t('Show Build Log'),
      build: vscode.l10n.t('Build Again'),
      cancel: vscode.l10n.t('Cancel Build'),
    };
    const commands: Record<RunAction, string> = {
      showOutputs: 'azureLinuxVm.imageBuilder.showRunOutputs',
      showLog: 'azureLinuxVm.imageBuilder.showBuildLog',
      build: 'azureLinuxVm.imageBuilder.build',
      cancel: 'azureLinuxVm.imageBuilder.cancelBuild',
    };
    const show = description.severity === 'error' ? vscode.window.showErrorMessage : description.severity === 'warning' ? vscode.window.showWarningMessage : vscode.window.showInformationMessage;
    // After a good build the staging group's storage keeps costing a little until the template is deleted (article: コスト).
    const built = status?.runState === 'Succeeded' || status?.runState === 'PartiallySucceeded';
    const message = built ? `${description.message} ${vscode.l10n.t('Its staging resource group keeps the downloaded files (a small storage cost) until the template is deleted.')}` : description.message;
    const deleteLabel = vscode.l10n.t('Delete Template…');
    const choice = await show(message, ...description.actions.map((a) => labels[a]), ...(built ? [deleteLabel] : []));
    if (choice === deleteLabel) {
      await vscode.commands.executeCommand('azureLinuxVm.imageBuilder.delete', asTemplateNode(target));
      return;
    }
    const action = description.actions.find((a) => labels[a] === choice);
    if (action) await vscode.commands.executeCommand(commands[action], asTemplateNode(target));
  }

  dispose(): void {
    this.disposed = true;
  }
}

function sleep(ms: number, token: vscode.CancellationToken): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => { listener.dispose(); resolve(); }, ms);
    const listener = token.onCancellationRequested(() => { clearTimeout(timer); listener.dispose(); resolve(); });
  });
}
