import type { Finding, Severity } from '../../core/encryption/finding.ts';
import type { EncryptionPreflightResult } from '../../core/encryption/runEncryptionPreflight.ts';
import type { Translate } from '../../core/l10n/Translate.ts';
import { translateCoreText } from './translateCoreText.ts';

// The pre-flight doctor's report as Markdown: what blocks, what to watch, what to know; each finding says what
// was found, why it matters and what to do. The retirement notice closes the report.

export type PreflightReportInput = {
  readonly vmName: string;
  readonly operationLabel: string;
  readonly result: EncryptionPreflightResult;
};

export function renderPreflightReport(input: PreflightReportInput, t: Translate): string {
  const { result } = input;
  const lines: string[] = [`# ${t('Azure Disk Encryption pre-flight check: {0}', input.vmName)}`, '', `${t('Operation: {0}', input.operationLabel)}`, ''];
  lines.push(result.blocking
    ? `**${t('Encryption cannot start: fix the problems marked "Blocks encryption" and run the check again.')}**`
    : `**${t('Nothing blocks encryption. Read the warnings before you continue.')}**`, '');
  const groups: Array<[Severity, string]> = [
    ['error', t('Blocks encryption')], ['warning', t('Warnings')], ['info', t('Good to know')],
  ];
  for (const [severity, title] of groups) {
    const findings = result.findings.filter((f) => f.severity === severity);
    if (findings.length === 0) continue;
    lines.push(`## ${title} (${findings.length})`, '');
    for (const f of findings) lines.push(...renderFinding(f, t), '');
  }
  lines.push('---', '', ...renderFinding(result.retirementNotice, t), '');
  return lines.join('\n');
}

function renderFinding(f: Finding, t: Translate): string[] {
  const out = [`### ${translateCoreText(t, f.message, f.params)}`, ''];
  if (f.why) out.push(`- **${t('Why it matters')}:** ${translateCoreText(t, f.why, f.params)}`);
  if (f.fix) out.push(`- **${t('What to do')}:** ${translateCoreText(t, f.fix, f.params)}`);
  out.push(`- ${t('Rule: {0}', `\`${f.rule}\``)}${f.path ? ` · \`${f.path}\`` : ''}`);
  return out;
}
