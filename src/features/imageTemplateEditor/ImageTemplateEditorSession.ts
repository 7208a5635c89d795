// One form editor on one document. The document stays the source of truth: the form's edits become WorkspaceEdits
// (so undo/redo, save, dirty state and git diffs behave as for any file) and every change of the document — from the
// form, a text editor, a git checkout — is read back and sent to the form.

import * as vscode from 'vscode';
import { rangeForPath, parseJsonText } from '../../core/imageTemplate/jsonTextLocator.ts';
import type { Logger } from '../../shell/createLogger.ts';
import { configureWebview } from '../../webview/configureWebview.ts';
import type { EditorState, FormEdit, IpcCommand, JsonPath } from '../../webview/protocol.ts';
import { postToPage, routePageMessages } from '../../webview/WebviewMessageRouter.ts';
import { computeTextEdit } from './computeTextEdit.ts';
import type { ImageTemplateValidator } from './ImageTemplateValidator.ts';
import { NEW_TEMPLATE_TEXT } from './imageTemplateFiles.ts';
import { pageStrings } from './pageStrings.ts';
import { findingsForTemplate, readEditorState, type TemplateSelection } from './readEditorState.ts';

export interface SessionDependencies {
  extensionUri: vscode.Uri;
  validator: ImageTemplateValidator;
  logger: Logger;
}

export class ImageTemplateEditorSession implements vscode.Disposable {
  private readonly document: vscode.TextDocument;
  private readonly panel: vscode.WebviewPanel;
  private readonly deps: SessionDependencies;
  private readonly disposables: vscode.Disposable[] = [];
  private selection: TemplateSelection | undefined;
  private basePath: JsonPath | undefined;
  private readOnly = false;

  constructor(document: vscode.TextDocument, panel: vscode.WebviewPanel, deps: SessionDependencies) {
    this.document = document;
    this.panel = panel;
    this.deps = deps;
  }

  async start(): Promise<void> {
    const { webview } = this.panel;
    this.disposables.push(
      routePageMessages(webview, { onCommand: (c) => this.onCommand(c), getInitialState: () => ({ strings: pageStrings(), state: this.readState() }) }, this.deps.logger),
      this.deps.validator.track(this.document),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === this.document && e.contentChanges.length > 0) void this.postState();
      }),
      this.deps.validator.onDidValidate((result) => {
        if (result.uri.toString() !== this.document.uri.toString()) return;
        const { findings, otherFindingCount } = findingsForTemplate(result.findings, this.basePath, vscode.l10n.t);
        void postToPage(webview, { kind: 'notification', method: 'didValidate', params: { documentVersion: result.version, findings, otherFindingCount } });
      }),
    );
    await configureWebview(webview, this.deps.extensionUri, vscode.l10n.t('Image template'));
  }

  private readState(requestedIndex?: number): EditorState {
    const read = readEditorState(this.document.getText(), this.document.version, this.selection, requestedIndex);
    this.selection = read.selection;
    this.basePath = read.basePath;
    this.readOnly = read.state.readOnly !== undefined;
    const latest = this.deps.validator.latest(this.document.uri);
    const findings = findingsForTemplate(latest?.findings ?? [], read.basePath, vscode.l10n.t);
    return { ...read.state, ...findings };
  }

  private postState(requestedIndex?: number): Promise<boolean> {
    return postToPage(this.panel.webview, { kind: 'notification', method: 'didChangeState', params: this.readState(requestedIndex) });
  }

  private async onCommand(command: IpcCommand): Promise<void> {
    switch (command.method) {
      case 'applyEdits':
        return this.applyEdits(command.params.edits);
      case 'selectTemplate':
        await this.postState(command.params.index);
        return;
      case 'showText':
        return command.params.beside ? this.showTextBeside(command.params.path) : this.reopenAsText();
      case 'createTemplate':
        if (this.document.getText().trim()) return;
        return this.replaceAll(NEW_TEMPLATE_TEXT);
    }
  }

  private async applyEdits(edits: FormEdit[]): Promise<void> {
    if (this.readOnly || !this.basePath) {
      this.deps.logger.warn('Image template editor: ignored form edits while the form is read-only');
      return;
    }
    const { replacement, skipped } = computeTextEdit(this.document.getText(), this.basePath, edits);
    if (skipped.length) this.deps.logger.warn(`Image template editor: ${skipped.length} form edit(s) no longer fit the document and were skipped`);
    if (!replacement) return;
    const range = new vscode.Range(this.document.positionAt(replacement.offset), this.document.positionAt(replacement.offset + replacement.length));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(this.document.uri, range, replacement.content);
    if (!(await vscode.workspace.applyEdit(edit))) {
      // The document changed under us; show the form what it now holds.
      await this.postState();
    }
  }

  private async replaceAll(text: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(this.document.uri, new vscode.Range(this.document.positionAt(0), this.document.positionAt(this.document.getText().length)), text);
    await vscode.workspace.applyEdit(edit);
  }

  private async showTextBeside(path?: JsonPath): Promise<void> {
    const editor = await vscode.window.showTextDocument(this.document, { viewColumn: vscode.ViewColumn.Beside, preserveFocus: path === undefined, preview: false });
    if (!path || !this.basePath) return;
    const { root } = parseJsonText(this.document.getText());
    const range = rangeForPath(root, [...this.basePath, ...path]);
    const selection = new vscode.Selection(this.document.positionAt(range.offset), this.document.positionAt(range.offset + range.length));
    editor.selection = selection;
    editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private async reopenAsText(): Promise<void> {
    await vscode.commands.executeCommand('vscode.openWith', this.document.uri, 'default', this.panel.viewColumn);
  }

  dispose(): void {
    vscode.Disposable.from(...this.disposables).dispose();
  }
}
