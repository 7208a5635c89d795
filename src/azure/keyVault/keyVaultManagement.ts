import type { Vault, VaultCreateOrUpdateParameters, VaultPatchParameters } from '@azure/arm-keyvault';
import { parseArmResourceId } from '../../core/encryption/armResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { keyVaultClient, resourcesClient } from '../clients.ts';
import { collectPages } from '../inventory/collectPages.ts';

// Management-plane calls of the key vault step (Microsoft.KeyVault/vaults through @azure/arm-keyvault): read one
// vault fresh (the inventory may be minutes old when deciding fixes), create one, PATCH the properties a fix turns
// on, ask whether a name is free; and the resource groups a new vault can go to (@azure/arm-resources).

function vaultAddress(vaultId: string): { resourceGroup: string; name: string } {
  const parts = parseArmResourceId(vaultId);
  if (!parts?.resourceGroup || !parts.name) throw new Error(`Not a key vault resource ID: ${vaultId}`);
  return { resourceGroup: parts.resourceGroup, name: parts.name };
}

export async function getVault(session: SubscriptionSession, vaultId: string): Promise<Vault> {
  const { resourceGroup, name } = vaultAddress(vaultId);
  return (await keyVaultClient(session)).vaults.get(resourceGroup, name);
}

export async function createVault(
  session: SubscriptionSession, resourceGroup: string, name: string, body: VaultCreateOrUpdateParameters, abortSignal?: AbortSignal,
): Promise<Vault> {
  // Key Vault answers the PUT with the finished vault (201), so the poller ends on its first response.
  return (await keyVaultClient(session)).vaults.createOrUpdate(resourceGroup, name, body, { updateIntervalInMs: 1000, abortSignal });
}

export async function updateVault(session: SubscriptionSession, vaultId: string, patch: VaultPatchParameters): Promise<Vault> {
  const { resourceGroup, name } = vaultAddress(vaultId);
  return (await keyVaultClient(session)).vaults.update(resourceGroup, name, patch);
}

/** undefined when the name is free, else Key Vault's reason (invalid, or taken anywhere in Azure). */
export async function checkVaultName(session: SubscriptionSession, name: string): Promise<string | undefined> {
  const result = await (await keyVaultClient(session)).vaults.checkNameAvailability({ name, type: 'Microsoft.KeyVault/vaults' });
  return result.nameAvailable ? undefined : result.message ?? result.reason ?? 'unavailable';
}

export interface ResourceGroupChoice {
  readonly name: string;
  readonly location: string;
}

export async function listResourceGroups(session: SubscriptionSession): Promise<ResourceGroupChoice[]> {
  const groups = await collectPages((await resourcesClient(session)).resourceGroups.list());
  return groups
    .filter((g): g is typeof g & { name: string } => typeof g.name === 'string')
    .map((g) => ({ name: g.name, location: g.location }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
