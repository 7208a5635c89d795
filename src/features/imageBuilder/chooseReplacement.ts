import * as vscode from 'vscode';
import type { ArmImageTemplate } from '../../azure/imageBuilder/imageTemplateOperations.ts';
import { templateFileContent, type ImageTemplateBody } from '../../core/imageBuilder/templateJson.ts';
import type { ReadonlyDocuments } from '../resourceCommands/ReadonlyDocuments.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';

export type Replacement = { kind: 'newName'; name: string } | { kind: 'recreate' };

/**
 * A deployed template differs from the file and cannot be updated: show both side by side (deployed on the left,
 * the file's template on the right, both as a file would hold them) and let the user choose how to deploy it.
 */
export async function chooseReplacement(documents: ReadonlyDocuments, name: string, deployed: ArmImageTemplate, local: ImageTemplateBody, changed: string[], versionedName: string): Promise<Replacement> {
  const left = documents.put(`${name} (deployed).json`, templateFileContent(name, deployed as Record<string, unknown>));
  const right = documents.put(`${name} (file).json`, templateFileContent(name, local as Record<string, unknown>));
  await vscode.commands.executeCommand('vscode.diff', left, right, vscode.l10n.t('{0}: deployed ↔ file', name), { preview: false });
  const items = [
    { label: vscode.l10n.t('$(add) Deploy as a new template {0}', versionedName), detail: vscode.l10n.t('{0} stays as it is; the file is deployed under the new name.', name), choice: { kind: 'newName', name: versionedName } as Replacement },
    { label: vscode.l10n.t('$(trash) Delete {0} and create it again', name), detail: vscode.l10n.t('Keeps the name. Its staging resource group and build logs are deleted.'), choice: { kind: 'recreate' } as Replacement },
  ];
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('{0} already exists and differs from the file ({1}). Image templates cannot be changed after they are created.', name, changed.join(', ')),
    ignoreFocusOut: true,
  });
  if (!picked) throw new UserCancelledError();
  if (picked.choice.kind === 'recreate') {
    const remove = vscode.l10n.t('Delete and Re-create');
    const confirmed = await vscode.window.showWarningMessage(vscode.l10n.t('Delete the image template {0} and create it again from the file?', name),
      { modal: true, detail: vscode.l10n.t('Its staging resource group and build logs are deleted; the images it built are kept.') }, remove);
    if (confirmed !== remove) throw new UserCancelledError();
  }
  return picked.choice;
}
