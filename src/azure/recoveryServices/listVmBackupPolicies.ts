import type { ProtectionPolicyResource } from '@azure/arm-recoveryservicesbackup';
import { IAAS_VM_FILTER } from '../../core/enableBackup/iaasVmBackupNames.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { recoveryServicesBackupClient } from '../clients.ts';

/** The vault's policies for Azure VMs (Standard and Enhanced), every page. */
export async function listVmBackupPolicies(session: SubscriptionSession, vaultName: string, resourceGroup: string): Promise<ProtectionPolicyResource[]> {
  const client = await recoveryServicesBackupClient(session);
  const policies: ProtectionPolicyResource[] = [];
  for await (const policy of client.backupPolicies.list(vaultName, resourceGroup, { filter: IAAS_VM_FILTER })) policies.push(policy);
  return policies;
}
