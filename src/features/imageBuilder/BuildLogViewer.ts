import * as vscode from 'vscode';
import { BuildLogAccessDeniedError, findBuildLog, type BuildLogBlob } from '../../azure/imageBuilder/buildLogReader.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { getImageTemplateJson, type ArmImageTemplate } from '../../azure/imageBuilder/imageTemplateOperations.ts';
import { stagingResourceGroupName } from '../../core/imageBuilder/buildLogLocation.ts';
import { isRunActive, type LastRunStatus } from '../../core/imageBuilder/describeRunStatus.ts';
import { findCustomizerErrors } from '../../core/imageBuilder/findCustomizerForLogLine.ts';
import { tailBuildLog } from '../../core/imageBuilder/tailBuildLog.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickImageTemplate, pollIntervalMs, type ImageBuilderContext, type TemplateTarget } from './ImageBuilderContext.ts';

export const GO_TO_CUSTOMIZER_COMMAND = 'azureLinuxVm.imageBuilder.goToCustomizer';

/** An open build log: what the CodeLenses on its error lines need to find the customizer. */
export interface OpenBuildLog {
  target: TemplateTarget;
  template: ArmImageTemplate;
  text: string;
}

/**
 * "Show Build Log": finds the staging resource group's storage account, opens customization.log in a read-only
 * editor and, while the build runs, appends what the build writes (tail), until the run ends or the tab closes.
 * Error lines get a CodeLens "Go to customizer …" that opens the customizer in the template file.
 */
export class BuildLogViewer implements vscode.CodeLensProvider, vscode.Disposable {
  private readonly open = new Map<string, OpenBuildLog>();
  private readonly lensesChanged = new vscode.EventEmitter<void>();
  readonly onDidChangeCodeLenses = this.lensesChanged.event;
  private readonly ctx: ImageBuilderContext;
  private disposed = false;

  constructor(ctx: ImageBuilderContext) {
    this.ctx = ctx;
  }

  logFor(uri: vscode.Uri): OpenBuildLog | undefined {
    return this.open.get(uri.toString());
  }

  async show(node?: ResourceNode): Promise<void> {
    const target = await pickImageTemplate(this.ctx, node);
    const template = await getImageTemplateJson(target.session, target.resourceGroup, target.name);
    if (!template) throw new Error(vscode.l10n.t('The image template {0} no longer exists.', target.name));
    const staging = stagingResourceGroupName(template.properties);
    if (!staging) throw new Error(vscode.l10n.t('{0} has no staging resource group yet, so there is no build log.', target.name));
    const lastRun = template.properties?.lastRunStatus as LastRunStatus | undefined;
    const log = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Finding the build log of {0} in {1}…', target.name, staging), cancellable: true },
      (_p, token) => this.waitForLog(target, staging, token)).then((found) => found, (error: unknown) => {
      if (error instanceof BuildLogAccessDeniedError) {
        throw new Error(vscode.l10n.t('You may not read the build log in storage account {0}: its keys are not available to you (listKeys denied or Shared Key turned off) and your account has no blob data role there. Ask for Storage Blob Data Reader on {0}, or Contributor on {1}.', error.storageAccount, staging));
      }
      throw error;
    });
    const uri = this.ctx.services.documents.put(`${target.name}-customization.log`, '');
    const entry: OpenBuildLog = { target, template, text: '' };
    this.open.set(uri.toString(), entry);
    const document = await vscode.workspace.openTextDocument(uri);
    await vscode.languages.setTextDocumentLanguage(document, 'log');
    await vscode.window.showTextDocument(document, { preview: false });
    void this.tail(uri, entry, log, isRunActive(lastRun));
  }

  /** The log appears once the build VM is up: while the run is active, keep looking for a while. */
  private async waitForLog(target: TemplateTarget, staging: string, token: vscode.CancellationToken): Promise<BuildLogBlob> {
    for (;;) {
      const template = await getImageTemplateJson(target.session, target.resourceGroup, target.name);
      const lastRun = template?.properties?.lastRunStatus as LastRunStatus | undefined;
      const lookup = await findBuildLog(target.session, staging, lastRun);
      if (lookup.found) return lookup.log;
      // The user stopped looking: that is not "the template has not been built yet".
      if (token.isCancellationRequested) throw new UserCancelledError();
      if (!isRunActive(lastRun)) {
        throw new Error(lookup.reason === 'noStorageAccount'
          ? vscode.l10n.t('The staging resource group {0} has no storage account: the template has not been built yet, or its staging resources were removed.', staging)
          : vscode.l10n.t('No customization.log in the storage account {0} of {1}: the template has not been built yet.', lookup.storageAccount ?? '', staging));
      }
      await new Promise((resolve) => setTimeout(resolve, pollIntervalMs()));
    }
  }

  private async tail(uri: vscode.Uri, entry: OpenBuildLog, log: BuildLogBlob, running: boolean): Promise<void> {
    const isOpen = () => vscode.workspace.textDocuments.some((d) => d.uri.toString() === uri.toString());
    try {
      await tailBuildLog({
        readFrom: (offset) => log.readFrom(offset),
        onText: (text) => {
          entry.text += text;
          this.ctx.services.documents.update(uri, entry.text);
          this.lensesChanged.fire();
          revealEnd(uri);
        },
        stopped: () => this.disposed || !isOpen(),
        wait: () => new Promise((resolve) => setTimeout(resolve, pollIntervalMs())),
        isRunActive: async () => {
          const template = await getImageTemplateJson(entry.target.session, entry.target.resourceGroup, entry.target.name);
          if (template) entry.template = template;
          return isRunActive(template?.properties?.lastRunStatus as LastRunStatus | undefined);
        },
      }, running);
    } catch (error) {
      this.ctx.services.logger.error(`Tailing the build log of ${entry.target.name} failed`, error);
      // The editor would otherwise just stop growing, which looks like a stalled build.
      void vscode.window.showWarningMessage(vscode.l10n.t('The build log of {0} stopped updating: {1}', entry.target.name, error instanceof Error ? error.message : String(error)));
    }
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    const entry = this.open.get(document.uri.toString());
    if (!entry) return [];
    const customize = Array.isArray(entry.template.properties?.customize) ? (entry.template.properties!.customize as Array<{ name?: unknown }>) : [];
    return findCustomizerErrors(document.getText().split(/\r?\n/), customize).map(({ line, customizer }) => new vscode.CodeLens(new vscode.Range(line, 0, line, 0), {
      title: vscode.l10n.t('$(go-to-file) Go to customizer "{0}" (customize[{1}])', customizer.name, customizer.index),
      command: GO_TO_CUSTOMIZER_COMMAND,
      arguments: [document.uri, line],
    }));
  }

  dispose(): void {
    this.disposed = true;
    this.lensesChanged.dispose();
    this.open.clear();
  }
}

function revealEnd(uri: vscode.Uri): void {
  const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
  if (!editor) return;
  const last = editor.document.lineCount - 1;
  editor.revealRange(new vscode.Range(last, 0, last, 0), vscode.TextEditorRevealType.Default);
}
