// The read-only document shown before anything changes: per key vault, who gets which permissions (before →
// after, as a diff), the steps that will run, and the article's findings. The same renderer writes the result
// after applying, so the user sees one document evolve from plan to outcome.

import { BACKUP_ACCESS_STEP_TEXT } from '../../core/backupAccess/backupAccessText.ts';
import type { BackupAccessFinding, BackupKeyVaultAccessPlan, RoleAssignmentSummary } from '../../core/backupAccess/backupAccessTypes.ts';
import { lastSegment } from '../../core/backupAccess/armResourceIds.ts';
import type { Translate } from '../../core/l10n/Translate.ts';
import { localizeFinding, localizeStep, type TranslateNamed } from './localizeBackupAccessText.ts';

export interface BackupAccessReportInput {
  /** The VM, or undefined when started from a key vault. */
  vmName?: string;
  principal: { objectId: string; resolvedBy: 'graph' | 'pasted' };
  plans: BackupKeyVaultAccessPlan[];
  findings: BackupAccessFinding[];
  /** Set once the steps ran: how many changes were applied. */
  outcome?: { applied: number; verified: boolean };
}

export interface ReportTranslators {
  t: Translate;
  named: TranslateNamed;
}

const ICON = { error: '$(error)', warning: '$(warning)', info: '$(info)' } as const;
const SEVERITY_MARK = { error: '⛔', warning: '⚠️', info: 'ℹ️' } as const;

export function renderBackupAccessReport(input: BackupAccessReportInput, { t, named }: ReportTranslators): string {
  const out: string[] = [];
  out.push(`# ${t('Azure Backup access to the encryption keys')}`, '');
  if (input.vmName) out.push(t('Virtual machine: {0}', input.vmName));
  const how = input.principal.resolvedBy === 'graph' ? t('found in Microsoft Graph') : t('entered by you');
  out.push(t('Backup Management Service object ID: {0} ({1})', input.principal.objectId, how), '');

  if (input.outcome) {
    out.push(`## ${t('Result')}`, '');
    out.push(input.outcome.verified
      ? t('{0} change(s) applied. Read back from Azure: Azure Backup now has the access it needs.', input.outcome.applied)
      : t('{0} change(s) applied, but reading back still shows missing access. See the log.', input.outcome.applied));
    out.push('');
  } else if (input.plans.every((p) => p.alreadyGranted)) {
    out.push(`## ${t('Result')}`, '', t('Already in place: nothing to change.'), '');
  }

  for (const plan of input.plans) {
    const vault = lastSegment(plan.vaultId);
    const model = plan.permissionModel === 'rbac' ? t('Azure RBAC') : t('Access policies');
    out.push(`## ${t('Key vault {0} ({1})', vault, model)}`, '');
    // From a key vault node no VM says which keys it keeps there: the portal template's default is planned.
    out.push(input.vmName
      ? t('Keys used by this VM: {0}', keyUsageText(plan.keyUsage, t))
      : t('Planned for: {0} (the portal template\'s default: a key vault alone does not say which keys a VM keeps in it)', keyUsageText(plan.keyUsage, t)), '');
    if (plan.principalObjectId.toLowerCase() !== input.principal.objectId.toLowerCase()) {
      out.push(t('Backup Management Service object ID in the tenant of this key vault: {0}', plan.principalObjectId), '');
    }
    out.push('```diff', ...diffLines(plan, t, named), '```', '');
    if (!input.outcome) {
      if (plan.steps.length === 0) out.push(plan.alreadyGranted ? `- ${t('Already in place: nothing to change.')}` : `- ${t('Nothing can be planned: see the problems below.')}`);
      for (const step of plan.steps) {
        out.push(`- ${localizeStep(step, named)}`);
        // What the role will allow and where, before it exists: the article's five data actions, nothing else.
        if (step.kind === 'createCustomRoleDefinition') {
          out.push(`  ${t('Data actions:')}`);
          for (const action of step.roleDefinition.permissions.flatMap((p) => p.dataActions)) out.push(`  - \`${action}\``);
          out.push(`  ${t('Assignable scopes: {0}', step.roleDefinition.assignableScopes.join(', '))}`);
        }
      }
      out.push('');
    }
    for (const f of plan.findings.filter((x) => x.rule !== 'access.alreadyGranted')) out.push(...findingLines(f, named));
    out.push('');
  }

  if (input.findings.length > 0) {
    out.push(`## ${t('Before you rely on this backup')}`, '');
    for (const f of input.findings) out.push(...findingLines(f, named));
    out.push('');
  }
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

function keyUsageText(usage: BackupKeyVaultAccessPlan['keyUsage'], t: Translate): string {
  switch (usage) {
    case 'bekOnly': return t('BEK only (secrets)');
    case 'kekOnly': return t('KEK only (keys)');
    default: return t('BEK + KEK (secrets and keys)');
  }
}

/** Before → after as a unified diff: unchanged lines with two spaces, removed with "-", added with "+". */
function diffLines(plan: BackupKeyVaultAccessPlan, t: Translate, named: TranslateNamed): string[] {
  const none = t(BACKUP_ACCESS_STEP_TEXT.none);
  if (plan.diff.kind === 'accessPolicy') {
    const { before, after } = plan.diff;
    const line = (template: string, list: string[]) => named(template, { permissions: list.length ? list.join(', ') : none });
    const lines = [`  ${t('Access policy of the Backup Management Service')}`];
    for (const [template, b, a] of [
      [BACKUP_ACCESS_STEP_TEXT.keyPermissionsLine, before.keys, after.keys],
      [BACKUP_ACCESS_STEP_TEXT.secretPermissionsLine, before.secrets, after.secrets],
    ] as const) {
      if (b.join() === a.join()) lines.push(`  ${line(template, b)}`);
      else lines.push(`- ${line(template, b)}`, `+ ${line(template, a)}`);
    }
    return lines;
  }
  const { before, after } = plan.diff;
  const row = (s: RoleAssignmentSummary) => named(BACKUP_ACCESS_STEP_TEXT.roleAssignmentLine, { roleName: s.roleName, scope: s.scope });
  const lines = [`  ${t('Role assignments of the Backup Management Service')}`];
  for (const s of before) lines.push(`  ${row(s)}`);
  if (before.length === 0) lines.push(`  ${none}`);
  for (const s of after.slice(before.length)) lines.push(`+ ${row(s)}`);
  return lines;
}

function findingLines(f: BackupAccessFinding, named: TranslateNamed): string[] {
  const l = localizeFinding(f, named);
  const lines = [`- ${SEVERITY_MARK[l.severity]} ${l.message}`];
  if (l.why) lines.push(`  ${l.why}`);
  if (l.fix) lines.push(`  → ${l.fix}`);
  return lines;
}

/** The codicon for a finding's severity in quick picks and messages. */
export function severityIcon(severity: BackupAccessFinding['severity']): string {
  return ICON[severity];
}
