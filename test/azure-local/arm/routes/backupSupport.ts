// Helpers the Azure Backup routes share: the addressed vault, operation URLs, filters.
import { armId } from '../../state/LocalAzureState.ts';
import type { ArmResource } from '../../state/model.ts';
import { recoveryServicesBackupStateOf, type RecoveryServicesBackupState } from '../../state/RecoveryServicesBackupState.ts';
import { resourceNotFound } from '../armError.ts';
import type { RouteContext } from '../route.ts';

export const VAULT_PATH = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults/{vaultName}';
export const ITEM_PATH = `${VAULT_PATH}/backupFabrics/{fabricName}/protectionContainers/{containerName}/protectedItems/{protectedItemName}`;

/** The vault addressed by the path (ARM's 404 otherwise) and the backup state, settled to now. */
export function backupContext(ctx: RouteContext): { vault: ArmResource; backup: RecoveryServicesBackupState } {
  const { subscriptionId, resourceGroupName, vaultName } = ctx.params;
  const record = ctx.env.state.get('recoveryServicesVaults', armId(subscriptionId, resourceGroupName, 'Microsoft.RecoveryServices/vaults', vaultName));
  if (!record) throw resourceNotFound('Microsoft.RecoveryServices/vaults', vaultName, resourceGroupName);
  const backup = recoveryServicesBackupStateOf(ctx.env.state);
  backup.settle();
  return { vault: record.resource, backup };
}

/** Every listing the extension makes filters on AzureIaasVM; a filter naming another workload gets nothing. */
export function filterAllowsIaasVm(ctx: RouteContext): boolean {
  const filter = ctx.query.get('$filter');
  return !filter || !/backupManagementType\s+eq\s+'/i.test(filter) || /backupManagementType\s+eq\s+'AzureIaasVM'/i.test(filter);
}

/** An absolute URL on the stand-in for a path under the vault, with the api-version the SDK sent. */
export function vaultUrl(ctx: RouteContext, vault: ArmResource, suffix: string): string {
  return `${ctx.env.baseUrl}${vault.id}${suffix}?api-version=${ctx.apiVersion}`;
}

export function retryAfter(ctx: RouteContext): Record<string, string> {
  return { 'Retry-After': String(ctx.env.settings.retryAfterSeconds) };
}

export function sameLocation(a: unknown, b: unknown): boolean {
  return typeof a === 'string' && typeof b === 'string' && a.replace(/\s+/g, '').toLowerCase() === b.replace(/\s+/g, '').toLowerCase();
}
