import type { Vault } from '@azure/arm-recoveryservices';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { recoveryServicesClient } from '../clients.ts';

/** Every Recovery Services vault of the subscription (all pages). */
export async function listRecoveryVaults(session: SubscriptionSession): Promise<Vault[]> {
  const client = await recoveryServicesClient(session);
  const vaults: Vault[] = [];
  for await (const vault of client.vaults.listBySubscriptionId()) vaults.push(vault);
  return vaults;
}

/**
 * Creates a Standard vault with public network access, as the portal's defaults do, and waits for ARM to finish.
 * A new vault comes with DefaultPolicy (and EnhancedPolicy), so protection can follow at once.
 */
export async function createRecoveryVault(
  session: SubscriptionSession,
  resourceGroup: string,
  name: string,
  location: string,
  options: { updateIntervalInMs?: number; abortSignal?: AbortSignal } = {},
): Promise<Vault> {
  const client = await recoveryServicesClient(session);
  return client.vaults.beginCreateOrUpdateAndWait(
    resourceGroup,
    name,
    { location, sku: { name: 'Standard' }, properties: { publicNetworkAccess: 'Enabled' } },
    options,
  );
}
