// The names Azure Backup gives an Azure VM inside a vault. The REST guide builds them from the protectable item's
// name ("iaasvmcontainerv2;{rg};{vm}"); they are fixed by the VM's resource group and name, so we build them
// directly and skip a listing when the item is already known.

import { parseResourceId } from '../resources/parseResourceId.ts';

/** Azure VMs always live in the "Azure" fabric. */
export const AZURE_BACKUP_FABRIC = 'Azure';

/** The filter every IaaS VM listing uses (policies, protectable items, protected items, containers). */
export const IAAS_VM_FILTER = "backupManagementType eq 'AzureIaasVM'";

export function iaasVmItemKey(vmId: string): string {
  const parts = parseResourceId(vmId);
  if (!parts) throw new Error(`Not a virtual machine resource ID: ${vmId}`);
  return `iaasvmcontainerv2;${parts.resourceGroup};${parts.name}`;
}

export function iaasVmContainerName(vmId: string): string {
  return `iaasvmcontainer;${iaasVmItemKey(vmId)}`;
}

export function iaasVmProtectedItemName(vmId: string): string {
  return `vm;${iaasVmItemKey(vmId)}`;
}

/** `{vaultName, resourceGroup, subscriptionId}` of a Recovery Services vault id. */
export function parseRecoveryVaultId(vaultId: string): { vaultName: string; resourceGroup: string; subscriptionId: string } {
  const parts = parseResourceId(vaultId);
  if (!parts || parts.type.toLowerCase() !== 'vaults') throw new Error(`Not a Recovery Services vault ID: ${vaultId}`);
  return { vaultName: parts.name, resourceGroup: parts.resourceGroup, subscriptionId: parts.subscriptionId };
}

/** The operation id at the end of an Azure-AsyncOperation or Location URL (".../operationsStatus/{id}?api-version=…"). */
export function operationIdFromUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  const path = url.split('?')[0].replace(/\/+$/, '');
  const id = path.slice(path.lastIndexOf('/') + 1);
  return id ? decodeURIComponent(id) : undefined;
}
