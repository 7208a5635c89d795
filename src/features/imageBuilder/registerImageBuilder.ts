// VM Image Builder's deploy / build / watch commands, from the tree (template nodes and the Image templates group)
// and from the palette (pickers), plus the build log's "Go to customizer" CodeLens.
import * as vscode from 'vscode';
import type { Services } from '../../services.ts';
import { runCommand } from '../../shell/runCommand.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { READONLY_SCHEME } from '../resourceCommands/ReadonlyDocuments.ts';
import { buildImageTemplate, cancelBuild } from './buildImageTemplate.ts';
import { BuildLogViewer, GO_TO_CUSTOMIZER_COMMAND } from './BuildLogViewer.ts';
import { BuildWatcher } from './BuildWatcher.ts';
import { deleteImageTemplate } from './deleteImageTemplate.ts';
import { deployImageTemplate } from './deployImageTemplate.ts';
import { goToCustomizer } from './goToCustomizer.ts';
import { buildsToFollow, type ListedTemplate } from '../../core/imageBuilder/buildsToFollow.ts';
import { targetOf, type ImageBuilderContext } from './ImageBuilderContext.ts';
import { saveTemplateToFile } from './saveTemplateToFile.ts';
import { showRunOutputs } from './showRunOutputs.ts';

export function registerImageBuilder(context: vscode.ExtensionContext, services: Services): void {
  const ctx: ImageBuilderContext = { services, workspaceState: context.workspaceState, failedCancels: new Map() };
  const watcher = new BuildWatcher(ctx);
  const logs = new BuildLogViewer(ctx);
  const register = (id: string, handler: (...args: never[]) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(services.logger, id, handler as (...args: unknown[]) => unknown)));

  // A listing that shows a build running keeps that template live in the tree, whoever started the build.
  context.subscriptions.push(services.inventories.onDidList((session, kind, items) => {
    if (kind !== 'imageTemplate') return;
    const listing = items as ListedTemplate[];
    for (const id of buildsToFollow(listing, (templateId) => watcher.isWatching(targetOf(session, templateId)))) {
      watcher.follow(targetOf(session, id), listing.find((t) => t.id === id)?.lastRunStatus);
    }
  }));
  context.subscriptions.push(watcher, logs, vscode.languages.registerCodeLensProvider({ scheme: READONLY_SCHEME, pattern: '**/*-customization.log' }, logs));
  register('azureLinuxVm.imageBuilder.deploy', (arg?: vscode.Uri | ResourceNode) => deployImageTemplate(ctx, arg));
  register('azureLinuxVm.imageBuilder.build', (node?: ResourceNode) => buildImageTemplate(ctx, watcher, node));
  register('azureLinuxVm.imageBuilder.cancelBuild', (node?: ResourceNode) => cancelBuild(ctx, node));
  register('azureLinuxVm.imageBuilder.showRunOutputs', (node?: ResourceNode) => showRunOutputs(ctx, node));
  register('azureLinuxVm.imageBuilder.showBuildLog', (node?: ResourceNode) => logs.show(node));
  register('azureLinuxVm.imageBuilder.saveToFile', (node?: ResourceNode) => saveTemplateToFile(ctx, node));
  register('azureLinuxVm.imageBuilder.delete', (node?: ResourceNode) => deleteImageTemplate(ctx, node));
  register(GO_TO_CUSTOMIZER_COMMAND, (uri?: vscode.Uri, line?: number) => goToCustomizer(ctx, logs, uri, line));
}
