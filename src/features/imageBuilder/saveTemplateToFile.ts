import * as vscode from 'vscode';
import { getImageTemplateJson } from '../../azure/imageBuilder/imageTemplateOperations.ts';
import { templateFileContent } from '../../core/imageBuilder/templateJson.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickImageTemplate, rememberTemplateFile, type ImageBuilderContext } from './ImageBuilderContext.ts';

/**
 * "Save Template to File": a deployed template's configuration as an editable *.imagetemplate.json. Templates
 * cannot be moved or changed, so a copy is what lets someone re-create one elsewhere or under a new name.
 */
export async function saveTemplateToFile(ctx: ImageBuilderContext, node?: ResourceNode): Promise<void> {
  const target = await pickImageTemplate(ctx, node);
  const template = await getImageTemplateJson(target.session, target.resourceGroup, target.name);
  if (!template) throw new Error(vscode.l10n.t('The image template {0} no longer exists.', target.name));
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const file = await vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, `${target.name}.imagetemplate.json`) : undefined,
    filters: { [vscode.l10n.t('Image template')]: ['json'] },
    title: vscode.l10n.t('Save the image template {0}', target.name),
  });
  if (!file) throw new UserCancelledError();
  await vscode.workspace.fs.writeFile(file, Buffer.from(templateFileContent(target.name, template as Record<string, unknown>), 'utf8'));
  await rememberTemplateFile(ctx, target.id, file);
  await vscode.commands.executeCommand('vscode.open', file);
}
