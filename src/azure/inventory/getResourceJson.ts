import type { ResourceKind } from '../../core/resources/models.ts';
import { parseResourceId } from '../../core/resources/parseResourceId.ts';
import type { SubscriptionSession } from '../auth/AccountProvider.ts';
import { computeClient, imageBuilderClient, keyVaultClient } from '../clients.ts';
import { localizable } from '../../core/l10n/Translate.ts';
import { LocalizableError } from '../../core/errors/LocalizableError.ts';

/**
 * The resource exactly as ARM returns it (the portal's "JSON View"), fetched fresh through the SDK's own `get`
 * and read from the raw response, so the document shows ARM's property names rather than the SDK's flattening.
 */
export async function getResourceJson(session: SubscriptionSession, kind: ResourceKind, id: string): Promise<unknown> {
  const parts = parseResourceId(id);
  if (!parts) throw new LocalizableError(localizable('Not an Azure resource ID: {0}'), id);
  let raw: unknown;
  const onResponse = (response: { parsedBody?: unknown; bodyAsText?: string | null }) => {
    raw = response.parsedBody ?? (response.bodyAsText ? JSON.parse(response.bodyAsText) : undefined);
  };
  const { resourceGroup: rg, name } = parts;
  let model: unknown;
  switch (kind) {
    case 'virtualMachine':
      model = await (await computeClient(session)).virtualMachines.get(rg, name, { onResponse });
      break;
    case 'disk':
      model = await (await computeClient(session)).disks.get(rg, name, { onResponse });
      break;
    case 'snapshot':
      model = await (await computeClient(session)).snapshots.get(rg, name, { onResponse });
      break;
    case 'keyVault':
      model = await (await keyVaultClient(session)).vaults.get(rg, name, { onResponse });
      break;
    case 'imageTemplate':
      model = await (await imageBuilderClient(session)).virtualMachineImageTemplates.get(rg, name, { onResponse });
      break;
  }
  return raw ?? model;
}
