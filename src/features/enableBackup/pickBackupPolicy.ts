import * as vscode from 'vscode';
import type { ProtectionPolicyResource } from '@azure/arm-recoveryservicesbackup';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { listVmBackupPolicies } from '../../azure/recoveryServices/listVmBackupPolicies.ts';
import { backupPolicyProblem, describeBackupPolicy, preferredPolicyName } from '../../core/enableBackup/describeBackupPolicy.ts';
import { parseRecoveryVaultId } from '../../core/enableBackup/iaasVmBackupNames.ts';
import type { VmForBackup } from '../../core/enableBackup/recoveryServicesTypes.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { t } from './translate.ts';

export type PickedPolicy = ProtectionPolicyResource & { id: string; scheduleText: string };

/** The vault's VM policies with their schedule and retention (as the portal lists them), the preferred one first. */
export async function pickBackupPolicy(session: SubscriptionSession, vaultId: string, vm: VmForBackup): Promise<PickedPolicy> {
  const { vaultName, resourceGroup } = parseRecoveryVaultId(vaultId);
  const policies = (await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Reading the policies of {0}…', vaultName) },
    () => listVmBackupPolicies(session, vaultName, resourceGroup),
  )).filter((p): p is ProtectionPolicyResource & { id: string } => typeof p.id === 'string');
  if (policies.length === 0) throw new Error(vscode.l10n.t('Vault {0} has no backup policy for virtual machines.', vaultName));
  const preferred = preferredPolicyName(policies, vm, t);
  const items = policies
    .map((policy) => {
      const summary = describeBackupPolicy(policy, t);
      const problem = backupPolicyProblem(policy, vm, t);
      return {
        label: `${problem ? '$(circle-slash)' : '$(shield)'} ${summary.name}`,
        description: `${summary.tier} · ${summary.schedule}`,
        detail: problem ?? summary.retention,
        policy: { ...policy, scheduleText: `${summary.schedule}, ${summary.retention}` },
        problem,
      };
    })
    .sort((a, b) => Number(a.policy.name !== preferred) - Number(b.policy.name !== preferred));
  const picked = await vscode.window.showQuickPick(items, {
    title: vscode.l10n.t('Backup policy for {0} in {1}', vm.name ?? '', vaultName),
    placeHolder: vscode.l10n.t('When to back up and how long to keep recovery points'),
    ignoreFocusOut: true,
    matchOnDescription: true,
  });
  if (!picked) throw new UserCancelledError();
  if (picked.problem) throw new Error(picked.problem);
  return picked.policy;
}
