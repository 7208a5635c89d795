import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { executeBackupAccessSteps } from '../../azure/keyVaultAccess/executeBackupAccessSteps.ts';
import { readBackupAccessState, type BackupAccessState } from '../../azure/keyVaultAccess/readBackupAccessState.ts';
import { lastSegment, subscriptionIdOf } from '../../core/backupAccess/armResourceIds.ts';
import type { BackupAccessFinding, BackupKeyVaultAccessPlan, RbacRoleChoice } from '../../core/backupAccess/backupAccessTypes.ts';
import { findEncryptedVmBackupFindings } from '../../core/backupAccess/findEncryptedVmBackupFindings.ts';
import { planBackupKeyVaultAccess } from '../../core/backupAccess/planBackupKeyVaultAccess.ts';
import type { Services } from '../../services.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { gatherVaultUses, type VaultUse } from './gatherVaultUses.ts';
import { localizeFinding, localizeStep } from './localizeBackupAccessText.ts';
import { pickRbacRole } from './pickRbacRole.ts';
import { renderBackupAccessReport, type BackupAccessReportInput } from './renderBackupAccessReport.ts';
import { resolveBackupPrincipal, type ResolvedBackupPrincipal } from './resolveBackupPrincipal.ts';

export interface BackupAccessOutcome {
  /** notEncrypted: no ADE, nothing needed; alreadyInPlace: nothing changed; granted: the missing access was added. */
  status: 'notEncrypted' | 'alreadyInPlace' | 'granted';
  vaultIds: string[];
}

export interface EnsureBackupAccessOptions {
  /** The Recovery Services vault the backup will use (checked: same subscription and region as the VM). */
  recoveryServicesVault?: { id: string; name?: string; location?: string };
  vmAlreadyProtected?: boolean;
}

const named = (template: string, params: Record<string, string>) => vscode.l10n.t(template, params);
const t = (message: string, ...args: Array<string | number | boolean>) => vscode.l10n.t(message, ...args);

/**
 * Makes sure Azure Backup can read the keys and secrets of a VM's Azure Disk Encryption: finds the vault(s),
 * plans what is missing, shows the difference, asks, applies only that, and reads back. Resolves without asking
 * when everything is already in place. Throws UserCancelledError when the user declines. Used by "Enable Backup".
 */
export async function ensureBackupKeyVaultAccess(
  s: Services,
  vm: { session: SubscriptionSession; resource: { id: string; name?: string } },
  options: EnsureBackupAccessOptions = {},
): Promise<BackupAccessOutcome> {
  const vmName = vm.resource.name ?? lastSegment(vm.resource.id);
  const uses = await withReadProgress(t('Finding the key vaults of {0}…', vmName), () => gatherVaultUses(s, vm.session, vm.resource.id));
  if (uses.encryption.keyKind === 'notEncrypted') {
    void vscode.window.showInformationMessage(localizeFinding(uses.encryption.findings[0], named).message);
    return { status: 'notEncrypted', vaultIds: [] };
  }
  const principal = await resolveBackupPrincipal(s, vm.session);
  const states = await withReadProgress(t('Reading the permissions of Azure Backup…'), () => readStates(s, vm.session, uses.vaults, principal.objectId));
  const articleFindings = findEncryptedVmBackupFindings({
    vm: uses.sources.vm,
    encryption: uses.encryption,
    disks: uses.sources.disks,
    keyVaults: states.map((x) => ({ id: x.state.vault.id, name: x.state.vault.name, location: x.state.vault.location })),
    signedInUser: principal.isGuest === undefined ? undefined : { isGuest: principal.isGuest },
    backupPrincipalResolved: principal.resolvedBy === 'graph',
    recoveryServicesVault: options.recoveryServicesVault,
    vmAlreadyProtected: options.vmAlreadyProtected,
  });
  return grantPlannedAccess(s, { vmName, principal, states, findings: articleFindings });
}

/** From a key vault node: nothing says which keys it holds, so the portal template's BEK + KEK is planned. */
export async function ensureBackupAccessForVault(s: Services, session: SubscriptionSession, vaultId: string): Promise<BackupAccessOutcome> {
  const principal = await resolveBackupPrincipal(s, session);
  const states = await withReadProgress(t('Reading the permissions of Azure Backup…'), () =>
    readStates(s, session, [{ vaultId, keyUsage: 'bekAndKek' }], principal.objectId));
  const findings: BackupAccessFinding[] = [];
  return grantPlannedAccess(s, { principal, states, findings });
}

interface VaultState {
  session: SubscriptionSession;
  use: VaultUse;
  state: BackupAccessState;
}

async function readStates(s: Services, session: SubscriptionSession, uses: VaultUse[], principal: string): Promise<VaultState[]> {
  const { subscriptions } = await s.accounts.getSubscriptions();
  return Promise.all(uses.map(async (use) => {
    // A vault in another subscription is read (and changed) with that subscription's session.
    const sub = subscriptionIdOf(use.vaultId)?.toLowerCase();
    const vaultSession = subscriptions.find((x) => x.subscriptionId.toLowerCase() === sub) ?? session;
    return { session: vaultSession, use, state: await readBackupAccessState(vaultSession, use.vaultId, principal) };
  }));
}

function plan(states: VaultState[], principal: string, rbacRole?: RbacRoleChoice): BackupKeyVaultAccessPlan[] {
  return states.map(({ use, state }) => planBackupKeyVaultAccess({
    vault: state.vault,
    keyUsage: use.keyUsage,
    backupPrincipal: { objectId: principal },
    roleAssignments: state.roleAssignments,
    roleDefinitions: state.roleDefinitions,
    rbacRole,
  }));
}

async function grantPlannedAccess(
  s: Services,
  input: { vmName?: string; principal: ResolvedBackupPrincipal; states: VaultState[]; findings: BackupAccessFinding[] },
): Promise<BackupAccessOutcome> {
  const { principal, states } = input;
  const vaultIds = states.map((x) => x.state.vault.id);
  let plans = plan(states, principal.objectId);
  const rbacToChange = plans.filter((p) => p.permissionModel === 'rbac' && p.steps.length > 0);
  if (rbacToChange.length > 0) {
    const role = await pickRbacRole(rbacToChange.map((p) => lastSegment(p.vaultId)));
    plans = plan(states, principal.objectId, role);
  }
  const report: BackupAccessReportInput = { vmName: input.vmName, principal, plans, findings: input.findings };
  const uri = s.documents.put(`backup-access-${input.vmName ?? lastSegment(vaultIds[0])}.md`, renderBackupAccessReport(report, { t, named }));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });

  const stepCount = plans.reduce((n, p) => n + p.steps.length, 0);
  const vaultNames = plans.map((p) => lastSegment(p.vaultId)).join(', ');
  if (stepCount === 0) {
    const blocked = plans.some((p) => !p.alreadyGranted);
    if (blocked) throw new Error(t('Azure Backup\'s access to {0} cannot be planned: see the problems in the document.', vaultNames));
    void vscode.window.showInformationMessage(t('Already in place: Azure Backup can read the encryption keys and secrets in {0}. Nothing was changed.', vaultNames));
    return { status: 'alreadyInPlace', vaultIds };
  }
  const grant = t('Grant Access');
  const choice = await vscode.window.showWarningMessage(
    t('Grant the Backup Management Service access on {0}?', vaultNames),
    { modal: true, detail: t('{0} change(s), shown in the document: only what is missing is added; nothing is removed.', stepCount) },
    grant,
  );
  if (choice !== grant) throw new UserCancelledError();

  let applied = 0;
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: t('Granting Azure Backup access'), cancellable: true },
    async (progress, token) => {
      for (const [i, p] of plans.entries()) {
        const done = await executeBackupAccessSteps(states[i].session, p.steps, (step) => {
          s.logger.info(`Backup access: ${step.description}`);
          progress.report({ message: localizeStep(step, named), increment: 100 / stepCount });
        }, () => token.isCancellationRequested);
        applied += done.length;
      }
    },
  );
  // Read back: the same planner must now find nothing to do (that is also what a second run would see).
  const after = await withReadProgress(t('Checking the result…'), () => readStates(s, states[0].session, states.map((x) => x.use), principal.objectId));
  const verify = plan(after, principal.objectId, undefined);
  const verified = verify.every((p) => p.alreadyGranted);
  s.documents.update(uri, renderBackupAccessReport({ ...report, plans: verify, outcome: { applied, verified } }, { t, named }));
  if (applied < stepCount) throw new UserCancelledError();
  if (!verified) throw new Error(t('The changes were applied, but Azure Backup\'s access to {0} is still incomplete.', vaultNames));
  void vscode.window.showInformationMessage(t('Azure Backup can now read the encryption keys and secrets in {0} ({1} change(s)).', vaultNames, applied));
  return { status: 'granted', vaultIds };
}

async function withReadProgress<T>(title: string, task: () => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (_p, token) => {
    const result = await Promise.race([task(), new Promise<never>((_, reject) => token.onCancellationRequested(() => reject(new UserCancelledError())))]);
    return result;
  });
}
