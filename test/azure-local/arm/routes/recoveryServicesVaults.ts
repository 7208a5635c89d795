// Microsoft.RecoveryServices/vaults (@azure/arm-recoveryservices 6.0.0, api-version 2024-04-01): listBySubscriptionId,
// listByResourceGroup, get, and create (PUT answers 201 with the vault already Succeeded, as PUTVault_*.json show).
import { armId } from '../../state/LocalAzureState.ts';
import type { ArmResource } from '../../state/model.ts';
import { recoveryServicesBackupStateOf } from '../../state/RecoveryServicesBackupState.ts';
import { apiVersions } from '../apiVersions.ts';
import { ArmError, invalidParameter, missingParameter } from '../armError.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route } from '../route.ts';
import { requireResource, snapshotOf } from './lookup.ts';

const TYPE = 'Microsoft.RecoveryServices/vaults';
const common = { apiVersions: apiVersions.recoveryServices, resourceType: TYPE } as const;
const VAULT = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.RecoveryServices/vaults';

export const recoveryServicesVaultRoutes: Route[] = [
  {
    name: 'recoveryServicesVaults.listBySubscriptionId',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.RecoveryServices/vaults',
    ...common,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('recoveryServicesVaults', ctx.params.subscriptionId).map((r) => snapshotOf(r.resource)))),
  },
  {
    name: 'recoveryServicesVaults.listByResourceGroup',
    method: 'GET',
    template: VAULT,
    ...common,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('recoveryServicesVaults', ctx.params.subscriptionId, ctx.params.resourceGroupName).map((r) => snapshotOf(r.resource)))),
  },
  {
    name: 'recoveryServicesVaults.get',
    method: 'GET',
    template: `${VAULT}/{vaultName}`,
    ...common,
    handler: (ctx) => ok(snapshotOf(requireResource(ctx, 'recoveryServicesVaults', TYPE, 'vaultName').resource)),
  },
  {
    name: 'recoveryServicesVaults.createOrUpdate',
    method: 'PUT',
    template: `${VAULT}/{vaultName}`,
    ...common,
    handler: (ctx) => {
      const { subscriptionId, resourceGroupName, vaultName } = ctx.params;
      const body = (ctx.body ?? {}) as { location?: string; sku?: { name?: string }; tags?: Record<string, string>; properties?: Record<string, unknown> };
      if (!/^[A-Za-z][A-Za-z0-9-]{1,49}$/.test(vaultName)) {
        throw new ArmError(400, 'InvalidResourceName', `The vault name '${vaultName}' is invalid. It must be 2 to 50 characters long, start with a letter and contain only letters, numbers and hyphens.`);
      }
      if (!body.location) throw missingParameter('location');
      if (!body.sku?.name) throw missingParameter('sku');
      const id = armId(subscriptionId, resourceGroupName, TYPE, vaultName);
      const existing = ctx.env.state.get('recoveryServicesVaults', id);
      const location = body.location.replace(/\s+/g, '').toLowerCase();
      if (existing && existing.resource.location !== location) {
        throw invalidParameter('location', `The location of vault '${vaultName}' can't be changed from '${existing.resource.location}'.`);
      }
      const vault: ArmResource = {
        id,
        name: vaultName,
        type: TYPE,
        location,
        tags: body.tags ?? existing?.resource.tags ?? {},
        etag: `W/"datetime'${encodeURIComponent(new Date().toISOString())}'"`,
        sku: { name: 'RS0', tier: 'Standard' },
        properties: {
          ...(existing?.resource.properties ?? {}),
          ...(body.properties ?? {}),
          provisioningState: 'Succeeded',
          publicNetworkAccess: (body.properties?.publicNetworkAccess as string | undefined) ?? 'Enabled',
          redundancySettings: { standardTierStorageRedundancy: 'GeoRedundant', crossRegionRestore: 'Disabled' },
          securitySettings: { softDeleteSettings: { softDeleteRetentionPeriodInDays: 14, softDeleteState: 'Enabled' } },
        },
      };
      ctx.env.state.put('recoveryServicesVaults', { resource: vault });
      recoveryServicesBackupStateOf(ctx.env.state).policiesOf(id); // a new vault comes with its default policies
      return { status: existing ? 200 : 201, body: snapshotOf(vault) };
    },
  },
];
