// Runs every article rule over one VM and returns their findings with the vault finder's, errors first, so the
// shell shows one list before the user confirms the plan.

import type { BackupAccessFinding } from './backupAccessTypes.ts';
import { usesAde, type BackupCheckContext, type BackupCheckRule } from './rules/backupCheckContext.ts';
import { checkAdeRestoreLimits } from './rules/checkAdeRestoreLimits.ts';
import { checkAdeWithServerSideCmk } from './rules/checkAdeWithServerSideCmk.ts';
import { checkAlreadyProtected } from './rules/checkAlreadyProtected.ts';
import { checkBackupPrincipalResolved } from './rules/checkBackupPrincipalResolved.ts';
import { checkEntraIdDataAccessDisks } from './rules/checkEntraIdDataAccessDisks.ts';
import { checkGuestUser } from './rules/checkGuestUser.ts';
import { checkKeyVaultPlacement } from './rules/checkKeyVaultPlacement.ts';
import { checkRecoveryServicesVaultPlacement } from './rules/checkRecoveryServicesVaultPlacement.ts';
import { checkStandaloneKeyEncryptionKey } from './rules/checkStandaloneKeyEncryptionKey.ts';
import { checkUnreadableDisks } from './rules/checkUnreadableDisks.ts';
import { checkVmAgentReady } from './rules/checkVmAgentReady.ts';

export const ENCRYPTED_VM_BACKUP_RULES: readonly BackupCheckRule[] = [
  checkEntraIdDataAccessDisks,
  checkUnreadableDisks,
  checkStandaloneKeyEncryptionKey,
  checkRecoveryServicesVaultPlacement,
  checkKeyVaultPlacement,
  checkAdeWithServerSideCmk,
  (context) => (usesAde(context) ? checkBackupPrincipalResolved(context) : []),
  (context) => (usesAde(context) ? checkGuestUser(context) : []),
  checkVmAgentReady,
  checkAlreadyProtected,
  checkAdeRestoreLimits,
];

const ORDER = { error: 0, warning: 1, info: 2 } as const;

export function findEncryptedVmBackupFindings(context: BackupCheckContext): BackupAccessFinding[] {
  const findings = [...context.encryption.findings, ...ENCRYPTED_VM_BACKUP_RULES.flatMap((rule) => rule(context))];
  // Stable sort keeps each rule's own order within a severity.
  return findings.sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}

/** From a key vault node there is no VM: only the rules about the principal and the signed-in user apply. */
export function findKeyVaultBackupFindings(context: Pick<BackupCheckContext, 'signedInUser' | 'backupPrincipalResolved'>): BackupAccessFinding[] {
  return [...checkBackupPrincipalResolved(context), ...checkGuestUser(context)].sort((a, b) => ORDER[a.severity] - ORDER[b.severity]);
}
