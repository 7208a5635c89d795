import type { ProtectionPolicyResource, WorkloadProtectableItemResource } from '@azure/arm-recoveryservicesbackup';
import { recoveryVaultProblem } from '../../core/enableBackup/chooseRecoveryVault.ts';
import { backupPolicyProblem } from '../../core/enableBackup/describeBackupPolicy.ts';
import {
  AZURE_BACKUP_FABRIC, IAAS_VM_FILTER, iaasVmContainerName, iaasVmProtectedItemName, operationIdFromUrl, parseRecoveryVaultId,
} from '../../core/enableBackup/iaasVmBackupNames.ts';
import type { RecoveryVaultLike, VmBackupProtection, VmForBackup } from '../../core/enableBackup/recoveryServicesTypes.ts';
import type { Translate } from '../../core/l10n/Translate.ts';
import { sameResourceId } from '../../core/resources/parseResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { BackupOperationError, delay } from './backupOperationError.ts';
import { recoveryServicesBackupClient } from '../clients.ts';
import { captureOperationUrl, DEFAULT_POLL_INTERVAL_MS, waitForProtectedItemOperation, type PollOptions } from './waitForBackupOperation.ts';

export type ProtectionStep = 'checking' | 'discovering' | 'protecting';

export interface EnableVmProtectionInput {
  readonly vm: VmForBackup;
  readonly vault: RecoveryVaultLike & { id: string };
  readonly policy: ProtectionPolicyResource & { id: string };
  /** The VM uses Azure Disk Encryption (stricter subscription rule; key access checked by the caller). */
  readonly usesAde: boolean;
}

/**
 * Protects a VM with a vault and policy as the REST guide does: refresh the vault's view of the subscription's VMs
 * (POST refreshContainers, then its operation result until 204), find the VM among the protectable items, PUT the
 * protected item and follow its operation. The vault and policy rules run first, so a vault of another region is
 * refused before anything changes.
 */
export async function enableVmProtection(
  session: SubscriptionSession,
  input: EnableVmProtectionInput,
  t: Translate,
  options: PollOptions & { onStep?: (step: ProtectionStep) => void } = {},
): Promise<VmBackupProtection> {
  const { vm, vault, policy } = input;
  options.onStep?.('checking');
  const problem = recoveryVaultProblem(vm, vault, input.usesAde, t) ?? backupPolicyProblem(policy, vm, t);
  if (problem) throw new BackupOperationError(problem);

  const client = await recoveryServicesBackupClient(session);
  const { vaultName, resourceGroup } = parseRecoveryVaultId(vault.id);
  const abortSignal = options.abortSignal;

  options.onStep?.('discovering');
  const refresh = captureOperationUrl();
  await client.protectionContainers.refresh(vaultName, resourceGroup, AZURE_BACKUP_FABRIC, { filter: IAAS_VM_FILTER, abortSignal, onResponse: refresh.onResponse });
  const refreshId = operationIdFromUrl(refresh.url());
  if (refreshId) {
    for (;;) {
      let status = 0;
      await client.protectionContainerRefreshOperationResults.get(vaultName, resourceGroup, AZURE_BACKUP_FABRIC, refreshId, {
        abortSignal,
        onResponse: (raw) => { status = raw.status; },
      });
      if (status !== 202) break;
      await delay(options.pollIntervalMs ?? DEFAULT_POLL_INTERVAL_MS, abortSignal);
    }
  }
  const protectable = await findProtectableVm(session, vaultName, resourceGroup, vm.id, abortSignal);
  if (!protectable) {
    throw new BackupOperationError(t('Vault {0} does not list {1} among the VMs it can protect: the VM may already be protected by another vault, or it is not in the vault\'s region.', vaultName, vm.name ?? vm.id));
  }

  options.onStep?.('protecting');
  const containerName = iaasVmContainerName(vm.id);
  const protectedItemName = iaasVmProtectedItemName(vm.id);
  const put = captureOperationUrl();
  await client.protectedItems.createOrUpdate(vaultName, resourceGroup, AZURE_BACKUP_FABRIC, containerName, protectedItemName, {
    properties: { protectedItemType: 'Microsoft.Compute/virtualMachines', sourceResourceId: vm.id, policyId: policy.id },
  }, { abortSignal, onResponse: put.onResponse });
  const operationId = operationIdFromUrl(put.url());
  if (operationId) {
    await waitForProtectedItemOperation(client, { vaultName, resourceGroup, containerName, protectedItemName }, operationId, options);
  }
  const item = await client.protectedItems.get(vaultName, resourceGroup, AZURE_BACKUP_FABRIC, containerName, protectedItemName, { abortSignal });
  return {
    vaultId: vault.id,
    vaultName,
    vaultResourceGroup: resourceGroup,
    containerName,
    protectedItemName: item.name ?? protectedItemName,
    policyName: item.properties?.policyName ?? policy.name,
  };
}

async function findProtectableVm(
  session: SubscriptionSession, vaultName: string, resourceGroup: string, vmId: string, abortSignal?: AbortSignal,
): Promise<WorkloadProtectableItemResource | undefined> {
  const client = await recoveryServicesBackupClient(session);
  for await (const item of client.backupProtectableItems.list(vaultName, resourceGroup, { filter: IAAS_VM_FILTER, abortSignal })) {
    const vmIdOfItem = (item.properties as { virtualMachineId?: string } | undefined)?.virtualMachineId;
    if (sameResourceId(vmIdOfItem, vmId)) return item;
  }
  return undefined;
}
