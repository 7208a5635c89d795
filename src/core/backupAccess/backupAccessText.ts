// English text of every backup-access finding, keyed by rule id. Templates use `{name}` placeholders, the form
// `vscode.l10n.t(template, params)` accepts, so the shell can localize a finding from `rule` + `params` alone;
// `localizable()` marks each for the translation test (l10n/bundle.l10n.ja.json must translate it).
// Wording follows the article (002_c38db0b56ade4317.txt) where it states a limit.

import { localizable } from '../l10n/Translate.ts';
import type { BackupAccessFinding, FindingSeverity } from './backupAccessTypes.ts';

export interface FindingText {
  message: string;
  why?: string;
  fix?: string;
}

export const BACKUP_ACCESS_TEXT = {
  // ---- finding the vaults
  'ade.notEncrypted': {
    message: localizable('No Azure Disk Encryption found on this VM: Azure Backup needs no key vault access for it.'),
    why: localizable('Disks encrypted at rest with platform-managed or customer-managed keys (server-side encryption) are backed up without any extra step.'),
  },
  'ade.keyVaultNotFound': {
    message: localizable('The VM uses Azure Disk Encryption, but no key vault could be found in the extension settings or the disks\' encryption settings.'),
    fix: localizable('Pick the key vault that holds the disk encryption secret (the vault of the SecretUrl in the VM\'s status or the disk\'s encryption settings).'),
  },
  'ade.vaultResourceIdUnknown': {
    message: localizable('Only the address of key vault {vaultName} ({vaultUri}) is known, not its resource ID.'),
    fix: localizable('Select key vault {vaultName} so its permission model and permissions can be read.'),
  },
  'ade.kekOnlyInSettings': {
    message: localizable('The ADE extension settings name a key encryption key ({keyUrl}), but no disk records one.'),
    why: localizable('The disks record what encryption actually applied; a KEK only in the settings usually means encryption is still running or failed. Key access is planned too, so backups keep working once it completes.'),
  },
  'ade.kekOnlyOnDisks': {
    message: localizable('Disk {disk} is wrapped with a key encryption key ({keyUrl}) that the ADE extension settings do not name.'),
    why: localizable('The settings were probably changed after encryption; the disks need the KEK, so key access is planned.'),
  },
  'ade.keyKindUnknown': {
    message: localizable('Could not tell whether the VM uses a BEK only or BEK + KEK; planning for BEK + KEK (keys and secrets).'),
    why: localizable('Neither the ADE extension settings nor the disks\' encryption settings name the keys.'),
  },
  'ade.withServerSideCmk': {
    message: localizable('Disk {disk} uses Azure Disk Encryption together with server-side encryption with a customer-managed key.'),
    why: localizable('Combining ADE with SSE + customer-managed keys is not a supported ADE scenario.'),
    fix: localizable('Use one of the two: ADE, or server-side encryption with a customer-managed key (which Azure Backup handles without key vault access).'),
  },
  // ---- planning
  'access.alreadyGranted': {
    message: localizable('Azure Backup already has the access it needs on key vault {vault}.'),
  },
  'access.coveredAtHigherScope': {
    message: localizable('Azure Backup\'s access to key vault {vault} comes from role {roleName} assigned at {scope}.'),
    why: localizable('Assignments on a resource group, subscription or management group apply to the vault too; removing that assignment later would break backups of this VM.'),
  },
  'access.tenantMismatch': {
    message: localizable('The Backup Management Service object id was resolved in tenant {principalTenant}, but key vault {vault} belongs to tenant {vaultTenant}.'),
    why: localizable('Its object id differs in every tenant, and an access policy must name an object of the vault\'s tenant.'),
    fix: localizable('Resolve the Backup Management Service in tenant {vaultTenant}.'),
  },
  'access.policyLimitReached': {
    message: localizable('Key vault {vault} already has 1024 access policies, the maximum; no entry for Azure Backup can be added.'),
    fix: localizable('Remove an unused access policy, or switch the vault to the Azure RBAC permission model.'),
  },
  'access.compoundEntryIgnored': {
    message: localizable('The access policy for {objectId} bound to application {applicationId} does not grant Azure Backup on its own and is not counted.'),
  },
  'access.rbacIgnoresAccessPolicies': {
    message: localizable('Key vault {vault} uses Azure RBAC, so its access policies (including one for Azure Backup) are ignored.'),
  },
  'access.conditionalAssignmentIgnored': {
    message: localizable('The assignment of role {roleName} at {scope} has a condition and is not counted as granting Azure Backup\'s access.'),
  },
  'access.roleDefinitionUnreadable': {
    message: localizable('The definition of role {roleDefinitionId} (assigned at {scope}) could not be read and is not counted.'),
  },
  'access.customRoleNameTaken': {
    message: localizable('A custom role named {roleName} already exists with other permissions.'),
    why: localizable('Custom role names are unique in a tenant, and changing an existing role would change it for everyone it is assigned to.'),
    fix: localizable('Choose Key Vault Administrator, or another name for the custom role.'),
  },
  'access.keyVaultAdministratorIsBroad': {
    message: localizable('Key Vault Administrator lets the Backup Management Service do everything with the keys, secrets and certificates of {vault}.'),
    why: localizable('The article allows it, but the custom role with five data actions (get, list and back up keys and secrets) is enough.'),
  },
  // ---- the article's limits and notes
  'backup.guestUser': {
    message: localizable('You are signed in as a guest user: Azure Backup gets no access to the key vault unless you grant it here.'),
    why: localizable('For member users Azure Backup gets access to the key vault without further action; guest users must give Azure Backup permissions, and backup of an encrypted VM can only be configured with access to the key vault.'),
  },
  'backup.guestOrMemberNote': {
    message: localizable('Your key vault is associated with the Microsoft Entra tenant of your subscription. For member users, Azure Backup gets access to the key vault without further action; for guest users, you must give Azure Backup permissions to access the key vault.'),
    why: localizable('Shown because your user type in this tenant is not known, or the Backup Management Service had to be entered by hand. Backup of an encrypted VM can only be configured with access to the key vault.'),
  },
  'backup.principalUnresolved': {
    message: localizable('The object id of the Backup Management Service in this tenant could not be read from Microsoft Graph.'),
    why: localizable('Guest users and restricted tenants often cannot read service principals.'),
    fix: localizable('Paste the object id of the enterprise application "Backup Management Service" (application id {appId}).'),
  },
  'backup.sameSubscriptionOnly': {
    message: localizable('ADE-encrypted VMs can be backed up and restored only within the same subscription.'),
  },
  'backup.recoveryVaultOtherSubscription': {
    message: localizable('Recovery Services vault {rsVault} is in another subscription than the VM.'),
    why: localizable('ADE-encrypted VMs can be backed up and restored only within the same subscription.'),
    fix: localizable('Use a Recovery Services vault in the VM\'s subscription.'),
  },
  'backup.recoveryVaultOtherRegion': {
    message: localizable('Recovery Services vault {rsVault} is in {rsLocation}, but the VM is in {vmLocation}.'),
    why: localizable('Azure Backup protects a VM only with a vault in the VM\'s region.'),
    fix: localizable('Pick or create a Recovery Services vault in {vmLocation}.'),
  },
  'backup.keyVaultOtherSubscriptionOrRegion': {
    message: localizable('Key vault {vault} is in {vaultLocation} (subscription {vaultSubscription}), the VM in {vmLocation} (subscription {vmSubscription}).'),
    why: localizable('Azure Disk Encryption expects the key vault in the VM\'s region and subscription, and encrypted VMs are backed up and restored only within one subscription.'),
  },
  'backup.noFileLevelRestore': {
    message: localizable('ADE-encrypted VMs cannot be recovered at file or folder level; to get files back, restore the whole VM.'),
  },
  'backup.noReplaceExisting': {
    message: localizable('Restoring an ADE-encrypted VM cannot use "Replace existing"; that option is supported only for unencrypted managed disks.'),
    fix: localizable('Restore as a new VM or restore the disks.'),
  },
  'backup.crossRegionRestorePairedOnly': {
    message: localizable('Encrypted VMs can be restored across regions only to the Azure paired region.'),
  },
  'backup.standaloneKeysOnly': {
    message: localizable('The key encryption key {keyUrl} belongs to a certificate; Azure Backup supports only standalone keys.'),
    fix: localizable('Re-encrypt the VM with a standalone key as key encryption key.'),
  },
  'backup.standaloneKeyUnchecked': {
    message: localizable('Key encryption key {keyUrl} could not be read, so it is not known whether it is a standalone key: {reason}'),
    why: localizable('Azure Backup supports only standalone keys; a key that belongs to a certificate is not supported.'),
  },
  'backup.entraIdDataAccessDisk': {
    message: localizable('Disk {disk} requires Microsoft Entra ID authorization for data access; Azure Backup does not support such disks.'),
    fix: localizable('Set the disk\'s data access authentication mode to None (dataAccessAuthMode) before enabling backup.'),
  },
  'backup.diskUnreadable': {
    message: localizable('Disk {disk} could not be read, so it is not known whether Azure Backup supports it.'),
    why: localizable('Azure Backup does not support disks whose data access requires Microsoft Entra ID authorization; this disk\'s setting could not be checked.'),
    fix: localizable('Check the disk\'s data access authentication mode (dataAccessAuthMode) in its subscription before relying on this backup.'),
  },
  'backup.vmAgentNotReady': {
    message: localizable('The Azure VM agent is not reporting as ready on this VM.'),
    why: localizable('Azure Backup backs up a VM by installing an extension through the VM agent; VMs from custom images or migrated machines may need the agent installed by hand.'),
    fix: localizable('Install and start the Azure Linux VM agent (waagent).'),
  },
  'backup.alreadyProtected': {
    message: localizable('This VM is already protected by Azure Backup: grant the key vault access so backups continue without interruption.'),
  },
} as const satisfies Record<string, FindingText>;

export type BackupAccessRule = keyof typeof BACKUP_ACCESS_TEXT;

function fill(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? params[name] : whole));
}

/** Builds a finding from the text table; the only place findings get their wording. */
export function backupAccessFinding(
  rule: BackupAccessRule,
  severity: FindingSeverity,
  params: Record<string, string> = {},
  path?: string,
): BackupAccessFinding {
  const text: FindingText = BACKUP_ACCESS_TEXT[rule];
  const finding: BackupAccessFinding = { rule, severity, message: fill(text.message, params) };
  if (text.why) finding.why = fill(text.why, params);
  if (text.fix) finding.fix = fill(text.fix, params);
  if (path !== undefined) finding.path = path;
  if (Object.keys(params).length > 0) finding.params = params;
  return finding;
}

/**
 * Templates for plan step descriptions and diff lines, keyed by step kind / line kind, localized like findings
 * (template + the step's `descriptionParams`).
 */
export const BACKUP_ACCESS_STEP_TEXT = {
  addAccessPolicyPermissions: localizable('Grant Backup Management Service on key vault {vault}: {permissions}'),
  createCustomRoleDefinition: localizable('Create custom role "{roleName}" (assignable in {scope}) with the five data actions Azure Backup needs'),
  createRoleAssignment: localizable('Assign role "{roleName}" to Backup Management Service on key vault {vault}'),
  keyPermissionsLine: localizable('Key permissions: {permissions}'),
  secretPermissionsLine: localizable('Secret permissions: {permissions}'),
  roleAssignmentLine: localizable('{roleName} at {scope}'),
  none: localizable('(none)'),
} as const;

export function fillBackupAccessText(template: string, params: Record<string, string>): string {
  return fill(template, params);
}
