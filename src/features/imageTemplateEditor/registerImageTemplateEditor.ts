// The image template editor: a custom text editor (form beside the JSON) for `*.imagetemplate.json` and, on request,
// any JSON holding an image template; validation as you type for every open template; "Open as Text" / "Open with
// Form" commands; a context key so the editor title shows the form button on template files opened as text.

import * as vscode from 'vscode';
import type { Services } from '../../services.ts';
import { runCommand } from '../../shell/runCommand.ts';
import { IMAGE_TEMPLATE_EDITOR_VIEW_TYPE, looksLikeImageTemplateDocument } from './imageTemplateFiles.ts';
import { ImageTemplateEditorSession } from './ImageTemplateEditorSession.ts';
import { ImageTemplateValidator } from './ImageTemplateValidator.ts';

export const OPEN_AS_TEXT_COMMAND = 'azureLinuxVm.openImageTemplateAsText';
export const OPEN_WITH_FORM_COMMAND = 'azureLinuxVm.openImageTemplateWithForm';
const CONTEXT_KEY = 'azureLinuxVm.isImageTemplateDocument';

export function registerImageTemplateEditor(context: vscode.ExtensionContext, services: Pick<Services, 'logger' | 'accounts'>): void {
  const { logger } = services;
  const validator = new ImageTemplateValidator(logger, undefined, services.accounts);
  const provider: vscode.CustomTextEditorProvider = {
    async resolveCustomTextEditor(document, panel) {
      const session = new ImageTemplateEditorSession(document, panel, { extensionUri: context.extensionUri, validator, logger });
      panel.onDidDispose(() => session.dispose());
      await session.start();
    },
  };
  const register = (id: string, handler: (uri?: vscode.Uri) => unknown) =>
    context.subscriptions.push(vscode.commands.registerCommand(id, runCommand(logger, id, handler)));

  context.subscriptions.push(
    validator,
    vscode.window.registerCustomEditorProvider(IMAGE_TEMPLATE_EDITOR_VIEW_TYPE, provider, { supportsMultipleEditorsPerDocument: true }),
    vscode.window.onDidChangeActiveTextEditor((editor) => updateContextKey(editor)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.document === vscode.window.activeTextEditor?.document) updateContextKey(vscode.window.activeTextEditor);
    }),
  );
  register(OPEN_AS_TEXT_COMMAND, (uri) => openWith(uri ?? activeCustomEditorUri(), 'default'));
  register(OPEN_WITH_FORM_COMMAND, (uri) => openWith(uri ?? vscode.window.activeTextEditor?.document.uri, IMAGE_TEMPLATE_EDITOR_VIEW_TYPE));
  updateContextKey(vscode.window.activeTextEditor);
}

async function openWith(uri: vscode.Uri | undefined, viewType: string): Promise<void> {
  if (!uri) {
    await vscode.window.showInformationMessage(vscode.l10n.t('Open an image template file first.'));
    return;
  }
  await vscode.commands.executeCommand('vscode.openWith', uri, viewType);
}

function activeCustomEditorUri(): vscode.Uri | undefined {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  return input instanceof vscode.TabInputCustom ? input.uri : undefined;
}

function updateContextKey(editor: vscode.TextEditor | undefined): void {
  const document = editor?.document;
  const isTemplate = !!document && looksLikeImageTemplateDocument(document.fileName, document.languageId, document.getText());
  void vscode.commands.executeCommand('setContext', CONTEXT_KEY, isTemplate);
}
