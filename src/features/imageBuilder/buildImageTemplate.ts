import * as vscode from 'vscode';
import { cancelImageBuild, getImageTemplateJson, startImageBuild } from '../../azure/imageBuilder/imageTemplateOperations.ts';
import { describeRunStatus, isRunActive, type LastRunStatus } from '../../core/imageBuilder/describeRunStatus.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import type { BuildWatcher } from './BuildWatcher.ts';
import { pickImageTemplate, refreshTemplates, t, type ImageBuilderContext } from './ImageBuilderContext.ts';

/** "Build": runs the template and watches it (the tree shows each step; a notification reports the end). */
export async function buildImageTemplate(ctx: ImageBuilderContext, watcher: BuildWatcher, node?: ResourceNode): Promise<void> {
  const target = await pickImageTemplate(ctx, node);
  const template = await getImageTemplateJson(target.session, target.resourceGroup, target.name);
  if (!template) throw new Error(vscode.l10n.t('The image template {0} no longer exists.', target.name));
  const provisioning = String(template.properties?.provisioningState ?? '');
  if (provisioning !== 'Succeeded') {
    throw new Error(vscode.l10n.t('{0} cannot be built while its provisioning state is {1}.', target.name, provisioning || '?'));
  }
  const status = template.properties?.lastRunStatus as LastRunStatus | undefined;
  if (isRunActive(status)) {
    void vscode.window.showInformationMessage(describeRunStatus(target.name, status, t).message);
    await watcher.watch(target);
    return;
  }
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Starting the build of {0}…', target.name) },
    () => startImageBuild(target.session, target.resourceGroup, target.name));
  refreshTemplates(ctx, target.session);
  await watcher.watch(target);
}

/** "Cancel Build": asks, cancels, and waits until the service reports the build cancelled. */
export async function cancelBuild(ctx: ImageBuilderContext, node?: ResourceNode): Promise<void> {
  const target = await pickImageTemplate(ctx, node);
  const template = await getImageTemplateJson(target.session, target.resourceGroup, target.name);
  const status = template?.properties?.lastRunStatus as LastRunStatus | undefined;
  if (status?.runState !== 'Running') {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no build to cancel. {1}', target.name, describeRunStatus(target.name, status, t).message));
    return;
  }
  const cancel = vscode.l10n.t('Cancel Build');
  const choice = await vscode.window.showWarningMessage(vscode.l10n.t('Cancel the build of {0}?', target.name),
    { modal: true, detail: vscode.l10n.t('The build VM is removed and nothing is distributed. You can build again later.') }, cancel);
  if (choice !== cancel) throw new UserCancelledError();
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Cancelling the build of {0}…', target.name) },
    () => cancelImageBuild(target.session, target.resourceGroup, target.name));
  refreshTemplates(ctx, target.session);
  void vscode.window.showInformationMessage(vscode.l10n.t('The build of {0} was cancelled.', target.name));
}
