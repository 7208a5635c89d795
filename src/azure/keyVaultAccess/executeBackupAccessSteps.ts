import type { BackupAccessStep } from '../../core/backupAccess/backupAccessTypes.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { createCustomRoleDefinition, createRoleAssignment } from '../authorization/createBackupRoleResources.ts';
import { addAccessPolicyPermissions } from './addAccessPolicyPermissions.ts';

/**
 * Runs a plan's steps in order (a custom role must exist before it is assigned). Stops at the first failure:
 * what ran stays in place, and planning again yields only what is still missing.
 */
export async function executeBackupAccessSteps(
  session: SubscriptionSession,
  steps: readonly BackupAccessStep[],
  onStep: (step: BackupAccessStep, index: number) => void = () => {},
  isCancelled: () => boolean = () => false,
): Promise<BackupAccessStep[]> {
  const done: BackupAccessStep[] = [];
  for (const [index, step] of steps.entries()) {
    if (isCancelled()) break;
    onStep(step, index);
    switch (step.kind) {
      case 'addAccessPolicyPermissions':
        await addAccessPolicyPermissions(session, step);
        break;
      case 'createCustomRoleDefinition':
        await createCustomRoleDefinition(session, step);
        break;
      case 'createRoleAssignment':
        await createRoleAssignment(session, step);
        break;
    }
    done.push(step);
  }
  return done;
}
