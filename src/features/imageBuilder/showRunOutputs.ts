import * as vscode from 'vscode';
import { listRunOutputs } from '../../azure/imageBuilder/imageTemplateOperations.ts';
import { describeUrlWithoutSecrets } from '../../core/redact.ts';
import { portalUrlForResource } from '../../core/resources/portalUrlForResource.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import { pickImageTemplate, type ImageBuilderContext } from './ImageBuilderContext.ts';

/** "Show Run Outputs": what the last build produced (image id, gallery version id, VHD URI) with copy/open actions. */
export async function showRunOutputs(ctx: ImageBuilderContext, node?: ResourceNode): Promise<void> {
  const target = await pickImageTemplate(ctx, node);
  const outputs = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the run outputs of {0}…', target.name) },
    () => listRunOutputs(target.session, target.resourceGroup, target.name));
  if (outputs.length === 0) {
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} has no run outputs: only a successful build leaves them.', target.name));
    return;
  }
  const picked = await vscode.window.showQuickPick(
    outputs.map((o) => ({
      label: o.name ?? '',
      description: o.artifactId ? vscode.l10n.t('Image') : vscode.l10n.t('VHD'),
      // A VHD URI may carry a SAS: show it without.
      detail: o.artifactId ?? (o.artifactUri ? describeUrlWithoutSecrets(o.artifactUri) : ''),
      output: o,
    })),
    { title: vscode.l10n.t('Run outputs of {0}', target.name), placeHolder: vscode.l10n.t('Select an output to copy or open'), ignoreFocusOut: true },
  );
  if (!picked) throw new UserCancelledError();
  const { artifactId, artifactUri } = picked.output;
  const actions = [
    ...(artifactId ? [{ label: vscode.l10n.t('Copy Artifact ID'), run: () => copy(artifactId) },
      { label: vscode.l10n.t('Open in Portal'), run: () => vscode.env.openExternal(vscode.Uri.parse(portalUrlForResource(target.session.cloud.portalUrl, target.session.tenantId, artifactId))) }] : []),
    ...(artifactUri ? [{ label: vscode.l10n.t('Copy VHD URI'), run: () => copy(artifactUri) },
      { label: vscode.l10n.t('Open VHD URI'), run: () => vscode.env.openExternal(vscode.Uri.parse(artifactUri)) }] : []),
  ];
  const action = await vscode.window.showQuickPick(actions, { title: picked.label, ignoreFocusOut: true });
  if (!action) throw new UserCancelledError();
  await action.run();
}

async function copy(text: string): Promise<void> {
  await vscode.env.clipboard.writeText(text);
  void vscode.window.showInformationMessage(vscode.l10n.t('Copied to the clipboard.'));
}
