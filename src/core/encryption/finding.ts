// A pre-flight finding: what we found, why it matters, what to do.
// `message`, `why` and `fix` are English templates with `{name}` placeholders filled from `params`. The shell passes
// the template and params to `vscode.l10n.t(template, params)` so the English template is the translation key;
// `renderFindingText` fills them for English output, logs and tests.

export type Severity = 'error' | 'warning' | 'info';

export type FindingParams = Readonly<Record<string, string | number>>;

export type Finding = {
  /** Stable id (`ade.<kebab-name>`), never translated: tests, telemetry and docs refer to it. */
  readonly rule: string;
  readonly severity: Severity;
  /** Where in the inputs the problem is, e.g. `vm.storageProfile.dataDisks[1].managedDisk.storageAccountType`. */
  readonly path?: string;
  readonly message: string;
  readonly why?: string;
  readonly fix?: string;
  readonly params?: FindingParams;
};

/** The English text of one template with its placeholders filled (unknown placeholders are left as they are). */
export function renderFindingText(template: string, params: FindingParams | undefined): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.prototype.hasOwnProperty.call(params, key) ? String(params[key]) : whole);
}

/** The three texts of a finding in English, for logs and tests. */
export function renderFinding(finding: Finding): { message: string; why?: string; fix?: string } {
  return {
    message: renderFindingText(finding.message, finding.params),
    ...(finding.why !== undefined ? { why: renderFindingText(finding.why, finding.params) } : {}),
    ...(finding.fix !== undefined ? { fix: renderFindingText(finding.fix, finding.params) } : {}),
  };
}

/** The message texts of one rule, kept together so they can be listed for translation. */
export type RuleMessages = { readonly message: string; readonly why?: string; readonly fix?: string };

/** Builds a finding from a rule's message constants. */
export function finding(
  rule: string,
  severity: Severity,
  texts: RuleMessages,
  extra: { path?: string; params?: FindingParams } = {},
): Finding {
  return {
    rule,
    severity,
    ...(extra.path !== undefined ? { path: extra.path } : {}),
    message: texts.message,
    ...(texts.why !== undefined ? { why: texts.why } : {}),
    ...(texts.fix !== undefined ? { fix: texts.fix } : {}),
    ...(extra.params !== undefined ? { params: extra.params } : {}),
  };
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Errors first, then warnings, then info; within a severity by rule id, then path, so the order is stable. */
export function compareFindings(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]
    || a.rule.localeCompare(b.rule)
    || (a.path ?? '').localeCompare(b.path ?? '');
}
