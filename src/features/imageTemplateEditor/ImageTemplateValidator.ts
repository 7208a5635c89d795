// Validation as you type, for every open image template document (in the form or in a text editor): the core's
// validator runs a moment after the last change and its findings go to the Problems panel at their exact ranges and
// to any form showing the document.

import * as vscode from 'vscode';
import type { Finding } from '../../core/imageTemplate/finding.ts';
import type { AccountManager } from '../../azure/auth/AccountManager.ts';
import type { Logger } from '../../shell/createLogger.ts';
import { isImageTemplateFileName, looksLikeImageTemplateDocument } from './imageTemplateFiles.ts';
import { findingsForProblems } from './readEditorState.ts';
import { TemplateFactsCache } from './TemplateFactsCache.ts';

export interface ValidationResult {
  uri: vscode.Uri;
  version: number;
  findings: Finding[];
}

/** The validator (ajv and the schema) is loaded when the first template is opened, not when the extension activates. */
let validatorModule: Promise<typeof import('../../core/imageTemplate/validateImageTemplateText.ts')> | undefined;
const loadValidator = () => (validatorModule ??= import('../../core/imageTemplate/validateImageTemplateText.ts'));

const SEVERITY = { error: vscode.DiagnosticSeverity.Error, warning: vscode.DiagnosticSeverity.Warning, info: vscode.DiagnosticSeverity.Information };

export class ImageTemplateValidator implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('azureLinuxVm.imageTemplate');
  private readonly emitter = new vscode.EventEmitter<ValidationResult>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly results = new Map<string, ValidationResult>();
  /** Documents a form has open, validated even when they don't look like templates (yet). */
  private readonly forced = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  readonly onDidValidate = this.emitter.event;

  private readonly logger: Logger;
  private readonly delayMs: number;
  /** Facts from Azure for the fact-based rules, when signed in (none without accounts, e.g. in tests). */
  private readonly facts?: TemplateFactsCache;

  constructor(logger: Logger, delayMs = 250, accounts?: Pick<AccountManager, 'isSignedIn' | 'getSubscriptions' | 'onDidChange'>) {
    this.logger = logger;
    this.delayMs = delayMs;
    if (accounts) {
      this.facts = new TemplateFactsCache(accounts, logger, (key) => this.revalidate(key));
      this.subscriptions.push(this.facts, accounts.onDidChange(() => {
        this.facts?.clear();
        for (const document of vscode.workspace.textDocuments) this.validateSoon(document, 0);
      }));
    }
    this.subscriptions.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.validateSoon(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.validateSoon(e.document)),
      vscode.workspace.onDidCloseTextDocument((d) => this.forget(d.uri)),
    );
    for (const document of vscode.workspace.textDocuments) this.validateSoon(document);
  }

  /** A form shows `document`: validate it whatever it looks like, until `release`. */
  track(document: vscode.TextDocument): vscode.Disposable {
    const key = document.uri.toString();
    this.forced.set(key, (this.forced.get(key) ?? 0) + 1);
    this.validateSoon(document, 0);
    return new vscode.Disposable(() => {
      const left = (this.forced.get(key) ?? 1) - 1;
      if (left > 0) this.forced.set(key, left);
      else this.forced.delete(key);
    });
  }

  latest(uri: vscode.Uri): ValidationResult | undefined {
    return this.results.get(uri.toString());
  }

  private qualifies(document: vscode.TextDocument): boolean {
    if (document.uri.scheme === 'git' || document.uri.scheme === 'output') return false; // diffs' old side, logs
    return this.forced.has(document.uri.toString()) ||
      looksLikeImageTemplateDocument(document.fileName, document.languageId, document.getText());
  }

  private validateSoon(document: vscode.TextDocument, delay = this.delayMs): void {
    const key = document.uri.toString();
    if (!this.qualifies(document)) {
      if (this.results.has(key)) this.forget(document.uri);
      return;
    }
    clearTimeout(this.timers.get(key));
    this.timers.set(key, setTimeout(() => void this.validateNow(document), delay));
  }

  private async validateNow(document: vscode.TextDocument): Promise<void> {
    const key = document.uri.toString();
    this.timers.delete(key);
    let findings: Finding[];
    try {
      const { validateImageTemplateText, factLookupsForText } = await loadValidator();
      if (document.isClosed || this.timers.has(key)) return; // closed, or changed again while loading
      const text = document.getText();
      // Each template of a deployment file is checked against its own facts (its source, targets, staging group).
      const factsByTemplate = this.facts?.factsFor(key, factLookupsForText(text));
      findings = validateImageTemplateText(text, { factsByTemplate });
    } catch (error) {
      this.logger.error(`Validating ${document.uri.path} failed`, error);
      return;
    }
    const result = { uri: document.uri, version: document.version, findings };
    this.results.set(key, result);
    const shown = findingsForProblems(findings, isImageTemplateFileName(document.fileName));
    this.collection.set(document.uri, shown.map((f) => toDiagnostic(document, f)));
    this.emitter.fire(result);
  }

  /** New facts from Azure for a document: validate it again now. */
  private revalidate(key: string): void {
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
    if (document && this.results.has(key)) this.validateSoon(document, 0);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    clearTimeout(this.timers.get(key));
    this.timers.delete(key);
    this.results.delete(key);
    this.collection.delete(uri);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    vscode.Disposable.from(...this.subscriptions, this.collection, this.emitter).dispose();
  }
}

function toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
  const start = document.positionAt(finding.range.offset);
  const end = document.positionAt(finding.range.offset + finding.range.length);
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), vscode.l10n.t(finding.messageTemplate, ...finding.messageArgs), SEVERITY[finding.severity]);
  diagnostic.source = vscode.l10n.t('Image Builder');
  diagnostic.code = finding.rule;
  return diagnostic;
}
