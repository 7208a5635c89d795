// Creating a role definition needs Microsoft.Authorization/roleDefinitions/write (Owner, User Access
// Administrator); many people who may assign roles at a vault may not. ARM answers 403 AuthorizationFailed. The
// article allows the built-in Key Vault Administrator as well, so that denial is a reason to offer it, not a dead end.

import type { BackupAccessStep } from './backupAccessTypes.ts';

export function isCustomRoleCreationDenied(step: BackupAccessStep | undefined, error: { statusCode?: number; code?: string }): boolean {
  if (step?.kind !== 'createCustomRoleDefinition') return false;
  return error.statusCode === 403 || error.code === 'AuthorizationFailed' || error.code === 'LinkedAuthorizationFailed';
}
