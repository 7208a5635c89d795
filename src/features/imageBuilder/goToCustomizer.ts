import * as vscode from 'vscode';
import { findCustomizerForLogLine } from '../../core/imageBuilder/findCustomizerForLogLine.ts';
import { templateFileContent } from '../../core/imageBuilder/templateJson.ts';
import type { BuildLogViewer } from './BuildLogViewer.ts';
import { templateFileOf, type ImageBuilderContext } from './ImageBuilderContext.ts';

/**
 * From a line of an open build log to `customize[i]` of the template: in the file it was deployed from when that
 * file is known and still holds the template, otherwise in a read-only copy of the deployed template.
 */
export async function goToCustomizer(ctx: ImageBuilderContext, viewer: BuildLogViewer, logUri?: vscode.Uri, line?: number): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  const uri = logUri ?? editor?.document.uri;
  const entry = uri ? viewer.logFor(uri) : undefined;
  if (!entry) throw new Error(vscode.l10n.t('Open a build log with "Show Build Log" first.'));
  const lines = entry.text.split(/\r?\n/);
  const customize = Array.isArray(entry.template.properties?.customize) ? (entry.template.properties!.customize as Array<{ name?: unknown }>) : [];
  const customizer = findCustomizerForLogLine(lines, line ?? editor?.selection.active.line ?? lines.length - 1, customize);
  if (!customizer) throw new Error(vscode.l10n.t('This line was not written by a customizer.'));
  const { findImageTemplatesInDocument } = await import('../../core/imageTemplate/findImageTemplatesInDocument.ts');
  const { parseJsonText, rangeForPath } = await import('../../core/imageTemplate/jsonTextLocator.ts');
  const file = templateFileOf(ctx, entry.target.id);
  let document = file ? await vscode.workspace.openTextDocument(file).then((d) => d, () => undefined) : undefined;
  let templates = document ? findImageTemplatesInDocument(document.getText()) : [];
  let template = templates.find((x) => x.name === entry.target.name) ?? (templates.length === 1 ? templates[0] : undefined);
  if (!document || !template) {
    const copy = ctx.services.documents.put(`${entry.target.name} (deployed).json`, templateFileContent(entry.target.name, entry.template as Record<string, unknown>));
    document = await vscode.workspace.openTextDocument(copy);
    await vscode.languages.setTextDocumentLanguage(document, 'json');
    templates = findImageTemplatesInDocument(document.getText());
    template = templates[0];
  }
  const { root } = parseJsonText(document.getText());
  const range = rangeForPath(root, [...template.path, 'properties', 'customize', customizer.index]);
  const selection = new vscode.Range(document.positionAt(range.offset), document.positionAt(range.offset + range.length));
  await vscode.window.showTextDocument(document, { selection, preview: false, viewColumn: vscode.ViewColumn.Beside });
}
