import * as vscode from 'vscode';
import type { SubscriptionSession } from '../../azure/auth/AccountProvider.ts';
import { readBackupAccessStateFor } from '../../azure/keyVaultAccess/readBackupAccessState.ts';
import { readKeyBacksCertificate } from '../../azure/keyVaultAccess/readKeyBacksCertificate.ts';
import { readVmBackupProtection } from '../../azure/recoveryServices/readVmBackupProtection.ts';
import { lastSegment, subscriptionIdOf } from '../../core/backupAccess/armResourceIds.ts';
import type { BackupAccessFinding, BackupKeyVaultAccessPlan } from '../../core/backupAccess/backupAccessTypes.ts';
import { findEncryptedVmBackupFindings, findKeyVaultBackupFindings } from '../../core/backupAccess/findEncryptedVmBackupFindings.ts';
import type { Services } from '../../services.ts';
import { UserCancelledError } from '../../shell/UserCancelledError.ts';
import { untilCancelled } from '../../shell/untilCancelled.ts';
import { gatherBackupCheckFacts } from './gatherBackupCheckFacts.ts';
import { gatherVaultUses, type VaultUse } from './gatherVaultUses.ts';
import { isCustomRoleCreationDenied } from '../../core/backupAccess/isCustomRoleCreationDenied.ts';
import { describeAzureError } from '../../core/errors/describeAzureError.ts';
import { applyPlans, BackupAccessStepFailed, withGrantProgress, type GrantProgress } from './applyPlansWithProgress.ts';
import { localizeFinding } from './localizeBackupAccessText.ts';
import { offerKeyVaultAdministrator } from './offerKeyVaultAdministrator.ts';
import { pickRbacRole } from './pickRbacRole.ts';
import { renderBackupAccessReport, type BackupAccessReportInput } from './renderBackupAccessReport.ts';
import { planVaultStates, sessionForTenant, type PlannableVault } from './planVaultStates.ts';
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
  const principals = principalsByTenant(s, vm.session);
  // One progress notification for every read: VS Code shows at most three toasts in a short while, and separate
  // ones for each read would use them up and hide the result ("Already in place") that follows.
  const read = await withReadProgress(t('Finding the key vaults of {0}…', vmName), async (say) => {
    const uses = await gatherVaultUses(s, vm.session, vm.resource.id);
    if (uses.encryption.keyKind === 'notEncrypted') return { encrypted: false, uses } as const;
    say(t('Reading the permissions of Azure Backup…'));
    const principal = await principals(vm.session.tenantId);
    const states = await readStates(s, vm.session, uses.vaults, principals);
    const vmLocation = uses.sources.vm.location ?? '';
    const facts = await gatherBackupCheckFacts(uses.encryption, {
      keyBacksCertificate: (keyUrl) => readKeyBacksCertificate(vm.session, keyUrl),
      vmIsProtected: async () => (await readVmBackupProtection(vm.session, { id: vm.resource.id, name: vmName, location: vmLocation })) !== undefined,
      warn: (message) => s.logger.warn(message),
    }, { vmAlreadyProtected: options.vmAlreadyProtected });
    return { encrypted: true, uses, principal, states, facts } as const;
  });
  if (!read.encrypted) {
    void vscode.window.showInformationMessage(localizeFinding(read.uses.encryption.findings[0], named).message);
    return { status: 'notEncrypted', vaultIds: [] };
  }
  const { uses, principal, states, facts } = read;
  const articleFindings = findEncryptedVmBackupFindings({
    vm: uses.sources.vm,
    encryption: uses.encryption,
    disks: uses.sources.disks,
    unreadableDiskIds: uses.sources.unreadableDiskIds,
    keyVaults: states.map((x) => ({ id: x.state.vault.id, name: x.state.vault.name, location: x.state.vault.location })),
    signedInUser: principal.isGuest === undefined ? undefined : { isGuest: principal.isGuest },
    backupPrincipalResolved: principal.resolvedBy === 'graph',
    kekBacksCertificate: facts.kekBacksCertificate,
    certificateKeyUrl: facts.certificateKeyUrl,
    recoveryServicesVault: options.recoveryServicesVault,
    vmAlreadyProtected: facts.vmAlreadyProtected,
  });
  return grantPlannedAccess(s, { vmName, principal, states, findings: [...articleFindings, ...facts.findings] });
}

/** From a key vault node: nothing says which keys it holds, so the portal template's BEK + KEK is planned. */
export async function ensureBackupAccessForVault(s: Services, session: SubscriptionSession, vaultId: string): Promise<BackupAccessOutcome> {
  const principals = principalsByTenant(s, session);
  const principal = await principals(session.tenantId);
  const states = await withReadProgress(t('Reading the permissions of Azure Backup…'), () =>
    readStates(s, session, [{ vaultId, keyUsage: 'bekAndKek' }], principals));
  const findings = findKeyVaultBackupFindings({
    signedInUser: principal.isGuest === undefined ? undefined : { isGuest: principal.isGuest },
    backupPrincipalResolved: principal.resolvedBy === 'graph',
  });
  return grantPlannedAccess(s, { principal, states, findings });
}

interface VaultState extends PlannableVault {
  session: SubscriptionSession;
  use: VaultUse;
}

type PrincipalForTenant = (tenantId: string) => Promise<ResolvedBackupPrincipal>;

/**
 * The Backup Management Service's object id per tenant, resolved once each: with the signed-in session for its own
 * tenant, with a subscription of the vault's tenant otherwise. Without one, the session's principal is used and the
 * planner reports the tenant mismatch instead of granting an id that means nothing in the vault's tenant.
 */
function principalsByTenant(s: Services, session: SubscriptionSession): PrincipalForTenant {
  const resolved = new Map<string, Promise<ResolvedBackupPrincipal>>();
  const forTenant: PrincipalForTenant = (tenantId) => {
    const key = tenantId.toLowerCase();
    let principal = resolved.get(key);
    if (!principal) {
      principal = (async () => {
        const { subscriptions } = await s.accounts.getSubscriptions();
        const tenantSession = sessionForTenant(session, subscriptions, tenantId);
        if (!tenantSession) {
          s.logger.warn(`No subscription of tenant ${tenantId} is signed in: the Backup Management Service of tenant ${session.tenantId} is planned`);
          return forTenant(session.tenantId);
        }
        return resolveBackupPrincipal(s, tenantSession);
      })();
      resolved.set(key, principal);
    }
    return principal;
  };
  return forTenant;
}

async function readStates(s: Services, session: SubscriptionSession, uses: VaultUse[], principals: PrincipalForTenant): Promise<VaultState[]> {
  const { subscriptions } = await s.accounts.getSubscriptions();
  const out: VaultState[] = [];
  // One vault after the other: resolving a principal may ask the user to paste it, and one question at a time.
  for (const use of uses) {
    // A vault in another subscription is read (and changed) with that subscription's session.
    const sub = subscriptionIdOf(use.vaultId)?.toLowerCase();
    const vaultSession = subscriptions.find((x) => x.subscriptionId.toLowerCase() === sub) ?? session;
    const { state, principal } = await readBackupAccessStateFor(vaultSession, use.vaultId, principals);
    out.push({ session: vaultSession, use, state, principal });
  }
  return out;
}

async function grantPlannedAccess(
  s: Services,
  input: { vmName?: string; principal: ResolvedBackupPrincipal; states: VaultState[]; findings: BackupAccessFinding[] },
): Promise<BackupAccessOutcome> {
  const { principal, states } = input;
  const vaultIds = states.map((x) => x.state.vault.id);
  let plans = planVaultStates(states);
  const rbacToChange = plans.filter((p) => p.permissionModel === 'rbac' && p.steps.length > 0);
  if (rbacToChange.length > 0) {
    const role = await pickRbacRole(rbacToChange.map((p) => lastSegment(p.vaultId)));
    plans = planVaultStates(states, role);
  }
  const report: BackupAccessReportInput = { vmName: input.vmName, principal, plans, findings: input.findings };
  const uri = s.documents.put(`backup-access-${input.vmName ?? lastSegment(vaultIds[0])}.md`, renderBackupAccessReport(report, { t, named }));
  const document = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(document, { preview: false });

  const stepCount = plans.reduce((n, p) => n + p.steps.length, 0);
  const vaultNames = plans.map((p) => lastSegment(p.vaultId)).join(', ');
  // A finding that means Azure Backup cannot back up this VM (an Entra-ID disk, a certificate's KEK, a vault of
  // another region): granting would change the vault for a backup that cannot work, so nothing is changed.
  const blocking = input.findings.filter((f) => f.severity === 'error' && f.rule.startsWith('backup.'));
  if (blocking.length > 0) {
    throw new Error(t('Azure Backup cannot back up {0}: {1} Nothing was changed; see the document.', input.vmName ?? vaultNames, localizeFinding(blocking[0], named).message));
  }
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

  const samePrincipals: PrincipalForTenant = async (tenantId) =>
    states.find((x) => x.state.vault.properties.tenantId.toLowerCase() === tenantId.toLowerCase())?.principal ?? principal;
  // Re-read, changes and read back share the one notification of withGrantProgress (see there why).
  // After a Cancel between changes the read back still runs, so the document says what was applied.
  const checkResult = async (progress: GrantProgress) => {
    const read = () => readStates(s, states[0].session, states.map((x) => x.use), samePrincipals);
    return planVaultStates(progress.token.isCancellationRequested ? await read() : await progress.read(t('Checking the result…'), read));
  };
  let applied: number;
  let expected = stepCount;
  let verify: BackupKeyVaultAccessPlan[];
  try {
    ({ applied, verify } = await withGrantProgress(async (progress) => {
      const done = await applyPlans(s.logger, states.map((x) => x.session), plans, progress);
      return { applied: done, verify: await checkResult(progress) };
    }));
  } catch (error) {
    const failure = error instanceof BackupAccessStepFailed ? error : undefined;
    const cause = describeAzureError(failure?.error ?? error);
    if (!failure || !isCustomRoleCreationDenied(failure.step, cause)) throw failure?.error ?? error;
    // No right to create role definitions: explain, and with the user's consent assign Key Vault Administrator.
    s.logger.warn(`Backup access: the custom role could not be created: ${cause.code ?? ''} ${cause.message}`);
    await offerKeyVaultAdministrator(failure.step, cause.message);
    ({ applied, verify } = await withGrantProgress(async (progress) => {
      const current = await progress.read(t('Reading the permissions of Azure Backup…'), () => readStates(s, states[0].session, states.map((x) => x.use), samePrincipals));
      plans = planVaultStates(current, 'keyVaultAdministrator');
      report.plans = plans;
      s.documents.update(uri, renderBackupAccessReport(report, { t, named }));
      expected = failure.applied + plans.reduce((n, p) => n + p.steps.length, 0);
      const done = await applyPlans(s.logger, current.map((x) => x.session), plans, progress);
      return { applied: failure.applied + done, verify: await checkResult(progress) };
    }));
  }
  // Read back: the same planner must now find nothing to do (that is also what a second run would see).
  const verified = verify.every((p) => p.alreadyGranted);
  s.documents.update(uri, renderBackupAccessReport({ ...report, plans: verify, outcome: { applied, verified } }, { t, named }));
  if (applied < expected) throw new UserCancelledError();
  if (!verified) throw new Error(t('The changes were applied, but Azure Backup\'s access to {0} is still incomplete.', vaultNames));
  void vscode.window.showInformationMessage(t('Azure Backup can now read the encryption keys and secrets in {0} ({1} change(s)).', vaultNames, applied));
  return { status: 'granted', vaultIds };
}

/** Reads under one cancellable progress notification; `say` replaces its title with what is being read now. */
async function withReadProgress<T>(title: string, task: (say: (message: string) => void) => Promise<T>): Promise<T> {
  return vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, async (progress, token) => {
    const say = (message: string) => progress.report({ message });
    return untilCancelled(task(say), token);
  });
}
