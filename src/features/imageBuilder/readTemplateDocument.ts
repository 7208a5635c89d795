import * as vscode from 'vscode';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { templateKey } from '../../core/imageTemplate/imageTemplateFacts.ts';
import { hasFactLookups, templateFactLookups } from '../../core/imageTemplate/templateFactLookups.ts';
import { sessionsFor } from '../imageTemplateEditor/TemplateFactsCache.ts';
import type { Finding } from '../../core/imageTemplate/finding.ts';
import type { ImageTemplateInDocument } from '../../core/imageTemplate/findImageTemplatesInDocument.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { looksLikeImageTemplateDocument } from '../imageTemplateEditor/imageTemplateFiles.ts';

export interface TemplateInFile {
  document: vscode.TextDocument;
  template: ImageTemplateInDocument;
  warnings: Finding[];
}

/**
 * The template to deploy: from the given file, the active editor (the form or the text editor), or a file the user
 * picks. It is validated first; errors stop the deploy and open the Problems panel, because Azure would refuse the
 * template (or, worse, accept it and fail 40 minutes into the build).
 */
export async function readTemplateDocument(uri?: vscode.Uri): Promise<TemplateInFile> {
  const document = await vscode.workspace.openTextDocument(uri ?? (await activeTemplateUri()) ?? (await pickTemplateFile()));
  const { validateImageTemplateText } = await import('../../core/imageTemplate/validateImageTemplateText.ts');
  const { findImageTemplatesInDocument } = await import('../../core/imageTemplate/findImageTemplatesInDocument.ts');
  const findings = validateImageTemplateText(document.getText());
  refuseIfErrors(document, findings);
  const fileName = fileNameOf(document);
  const templates = findImageTemplatesInDocument(document.getText());
  if (templates.length === 0) throw new Error(vscode.l10n.t('{0} holds no image template.', fileName));
  const template = templates.length === 1 ? templates[0] : await pickTemplate(templates);
  return { document, template, warnings: findings.filter((f) => f.severity === 'warning') };
}

/**
 * The checks that need facts from Azure (staging group empty and in the region, Trusted Launch / Confidential VM
 * source and target, Hyper-V generations), run with the chosen subscription's session before anything is created:
 * their errors stop the deploy like any other. Only the template being deployed is looked up and judged: the file's
 * other templates name other images and groups, and are not deployed now.
 */
export async function refuseOnAzureFactErrors(accounts: AccountManager, session: SubscriptionSession, { document, template }: TemplateInFile): Promise<void> {
  const lookups = templateFactLookups(template.resource);
  if (!hasFactLookups(lookups)) return;
  const { subscriptions } = await accounts.getSubscriptions().catch(() => ({ subscriptions: [] as SubscriptionSession[] }));
  const { readTemplateFacts } = await import('../../azure/imageBuilder/readTemplateFacts.ts');
  const { facts } = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the template against Azure…') },
    () => readTemplateFacts(lookups, sessionsFor([session, ...subscriptions], lookups)));
  const { validateImageTemplateText } = await import('../../core/imageTemplate/validateImageTemplateText.ts');
  const inTemplate = (f: Finding) => template.path.every((part, i) => f.path[i] === part);
  const factsByTemplate = new Map([[templateKey(template.path), facts]]);
  refuseIfErrors(document, validateImageTemplateText(document.getText(), { factsByTemplate }).filter(inTemplate));
}

function refuseIfErrors(document: vscode.TextDocument, findings: Finding[]): void {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length === 0) return;
  const showProblems = vscode.l10n.t('Show Problems');
  const first = vscode.l10n.t(errors[0].messageTemplate, ...errors[0].messageArgs);
  void vscode.window.showErrorMessage(
    vscode.l10n.t('{0} has {1} error(s) to fix before it can be deployed. First: {2}', fileNameOf(document), errors.length, first), showProblems,
  ).then((choice) => choice === showProblems && vscode.commands.executeCommand('workbench.actions.view.problems'));
  throw new UserCancelledError();
}

function fileNameOf(document: vscode.TextDocument): string {
  return document.uri.path.split('/').pop() ?? '';
}

async function activeTemplateUri(): Promise<vscode.Uri | undefined> {
  const input = vscode.window.tabGroups.activeTabGroup.activeTab?.input;
  if (input instanceof vscode.TabInputCustom || input instanceof vscode.TabInputText) {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === input.uri.toString()) ?? (await vscode.workspace.openTextDocument(input.uri));
    if (looksLikeImageTemplateDocument(document.fileName, document.languageId, document.getText())) return document.uri;
  }
  return undefined;
}

async function pickTemplateFile(): Promise<vscode.Uri> {
  const files = await vscode.workspace.findFiles('**/*.imagetemplate.json', '**/node_modules/**', 200);
  const browse = { label: vscode.l10n.t('$(folder-opened) Browse…'), uri: undefined as vscode.Uri | undefined };
  const picked = await vscode.window.showQuickPick(
    [...files.map((uri) => ({ label: vscode.workspace.asRelativePath(uri), uri })), browse],
    { title: vscode.l10n.t('Select the image template file to deploy'), ignoreFocusOut: true },
  );
  if (!picked) throw new UserCancelledError();
  if (picked.uri) return picked.uri;
  const chosen = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { JSON: ['json', 'jsonc'] }, title: vscode.l10n.t('Select the image template file to deploy') });
  if (!chosen?.[0]) throw new UserCancelledError();
  return chosen[0];
}

async function pickTemplate(templates: ImageTemplateInDocument[]): Promise<ImageTemplateInDocument> {
  const picked = await vscode.window.showQuickPick(
    templates.map((template, i) => ({ label: template.name ?? vscode.l10n.t('Image template {0}', i + 1), description: template.path.join('.'), template })),
    { title: vscode.l10n.t('The file holds several image templates: which one?'), ignoreFocusOut: true },
  );
  if (!picked) throw new UserCancelledError();
  return picked.template;
}
