import type { KeyVaultLike } from '../../core/backupAccess/backupAccessTypes.ts';
import { parseResourceId } from '../../core/resources/parseResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { keyVaultClient } from '../clients.ts';

/** The vault as ARM has it now (permission model, access policies, tenant), for the planner. */
export async function readKeyVault(session: SubscriptionSession, vaultId: string): Promise<KeyVaultLike & { location?: string }> {
  const parts = parseResourceId(vaultId);
  if (!parts) throw new Error(`Not an ARM resource id: ${vaultId}`);
  const vault = await (await keyVaultClient(session)).vaults.get(parts.resourceGroup, parts.name);
  return { ...vault, id: vault.id ?? vaultId };
}
