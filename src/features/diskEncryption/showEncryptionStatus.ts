import * as vscode from 'vscode';
import { getVmWithInstanceView } from '../../azure/encryption/vmForEncryption.ts';
import { parseEncryptionStatus } from '../../core/encryption/parseEncryptionStatus.ts';
import type { ResourceNode } from '../../tree/TreeNode.ts';
import type { EncryptionDeps } from './EncryptionDeps.ts';
import { pickEncryptionVm, refreshEncryptionStates } from './pickEncryptionVm.ts';
import { renderEncryptionStatusReport } from './renderEncryptionStatusReport.ts';

const t = vscode.l10n.t as (message: string, ...args: Array<string | number | boolean>) => string;

/** Show Encryption Status: read the instance view now and open the full picture as a read-only Markdown view. */
export async function showEncryptionStatus(deps: EncryptionDeps, node?: ResourceNode): Promise<void> {
  const vm = await pickEncryptionVm(deps, node);
  const model = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the encryption state of {0}…', vm.name) },
    () => getVmWithInstanceView(vm.session, vm.id),
  );
  const markdown = renderEncryptionStatusReport({ vmName: vm.name, status: parseEncryptionStatus(model), readAt: new Date() }, t);
  const uri = deps.documents.put(`${vm.name}-encryption-status.md`, markdown);
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.languages.setTextDocumentLanguage(document, 'markdown');
  await vscode.window.showTextDocument(document, { preview: false });
  refreshEncryptionStates(deps, vm);
}
