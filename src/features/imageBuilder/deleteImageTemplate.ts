import * as vscode from 'vscode';
import { cancelImageBuild, deleteImageTemplate as deleteTemplate, getImageTemplateJson } from '../../azure/imageBuilder/imageTemplateOperations.ts';
import { planTemplateDeletion } from '../../core/imageBuilder/planTemplateDeletion.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickImageTemplate, refreshTemplates, t, type ImageBuilderContext } from './ImageBuilderContext.ts';

/** "Delete Image Template": confirms; a running build is cancelled first; a busy template is explained instead. */
export async function deleteImageTemplate(ctx: ImageBuilderContext, node?: ResourceNode): Promise<void> {
  const target = await pickImageTemplate(ctx, node);
  const template = await getImageTemplateJson(target.session, target.resourceGroup, target.name);
  if (!template) {
    refreshTemplates(ctx, target.session);
    throw new Error(vscode.l10n.t('The image template {0} no longer exists.', target.name));
  }
  const plan = planTemplateDeletion(template as Record<string, unknown>, t, { cancelFailedAt: ctx.failedCancels.get(target.id.toLowerCase()) });
  if (plan.kind === 'explain') {
    void vscode.window.showInformationMessage(plan.message);
    return;
  }
  const label = plan.kind === 'cancelBuildFirst' ? vscode.l10n.t('Cancel Build and Delete') : vscode.l10n.t('Delete');
  if (await vscode.window.showWarningMessage(plan.confirmation, { modal: true }, label) !== label) throw new UserCancelledError();
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting the image template {0}…', target.name) }, async (progress) => {
    if (plan.kind === 'cancelBuildFirst') {
      progress.report({ message: vscode.l10n.t('cancelling the build first') });
      try {
        await cancelImageBuild(target.session, target.resourceGroup, target.name);
      } catch (error) {
        // Remembered, so the next Delete explains instead of cancelling again.
        ctx.failedCancels.set(target.id.toLowerCase(), new Date());
        throw new Error(vscode.l10n.t('The build of {0} could not be cancelled, so it was not deleted: {1}', target.name, error instanceof Error ? error.message : String(error)));
      }
    }
    progress.report({ message: vscode.l10n.t('deleting the template and its staging resources') });
    await deleteTemplate(target.session, target.resourceGroup, target.name);
  });
  refreshTemplates(ctx, target.session);
  void vscode.window.showInformationMessage(vscode.l10n.t('The image template {0} was deleted.', target.name));
}
