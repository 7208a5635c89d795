// Findings, step descriptions and diff lines of the backup-access core come as English templates with {name}
// placeholders (src/core/backupAccess/backupAccessText.ts). The shell renders them in the user's language from
// the rule id and params, so the core never needs to know the language.

import { BACKUP_ACCESS_STEP_TEXT, BACKUP_ACCESS_TEXT, type FindingText } from '../../core/backupAccess/backupAccessText.ts';
import type { BackupAccessFinding, BackupAccessStep } from '../../core/backupAccess/backupAccessTypes.ts';

/** `vscode.l10n.t(template, params)` in the extension; a plain filler in tests. */
export type TranslateNamed = (template: string, params: Record<string, string>) => string;

export const fillNamed: TranslateNamed = (template, params) =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? params[name] : whole));

export interface LocalizedFinding {
  severity: BackupAccessFinding['severity'];
  message: string;
  why?: string;
  fix?: string;
}

export function localizeFinding(finding: BackupAccessFinding, t: TranslateNamed): LocalizedFinding {
  const text = (BACKUP_ACCESS_TEXT as Record<string, FindingText>)[finding.rule];
  // A finding of a rule this table doesn't know keeps its English (never expected, but never lose a message).
  if (!text) return { severity: finding.severity, message: finding.message, why: finding.why, fix: finding.fix };
  const params = finding.params ?? {};
  return {
    severity: finding.severity,
    message: t(text.message, params),
    ...(text.why ? { why: t(text.why, params) } : {}),
    ...(text.fix ? { fix: t(text.fix, params) } : {}),
  };
}

export function localizeStep(step: BackupAccessStep, t: TranslateNamed): string {
  return t(BACKUP_ACCESS_STEP_TEXT[step.kind], step.descriptionParams);
}
