// Microsoft.Compute/disks (@azure/arm-compute 25.1.1, api-version 2026-03-02): listings, get, PATCH (LRO)
// and export access (beginGetAccess / endGetAccess).
import type { StoredResource } from '../../state/LocalAzureState.ts';
import { activeSasStates } from '../../state/model.ts';
import { ArmError, invalidRequestContent, operationNotAllowed } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../route.ts';
import { expireGrant, grantAccess, revokeAccess } from './diskAccess.ts';
import { requireResource, snapshotOf } from './lookup.ts';

const TYPE = 'Microsoft.Compute/disks';
const DISK = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/disks/{diskName}';
const common = { apiVersions: apiVersions.computeDisks, resourceType: TYPE } as const;

export function diskJson(record: StoredResource): Record<string, unknown> {
  expireGrant(record);
  return snapshotOf(record.resource);
}

/** Properties a PATCH may change on this stand-in (the ones the extension touches, plus harmless ones). */
const patchableProperties = new Set([
  'diskSizeGB', 'networkAccessPolicy', 'publicNetworkAccess', 'dataAccessAuthMode', 'diskAccessId', 'encryption',
  'burstingEnabled', 'tier', 'supportsHibernation', 'supportedCapabilities', 'optimizedForFrequentAttach', 'diskIOPSReadWrite', 'diskMBpsReadWrite',
]);

function updateDisk(ctx: RouteContext): RouteResult {
  const record = requireResource(ctx, 'disks', TYPE, 'diskName');
  const patch = ctx.body as { tags?: Record<string, string>; sku?: { name?: string }; properties?: Record<string, unknown> } | undefined;
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw invalidRequestContent('The disk update body must be a JSON object.');
  const props = record.resource.properties!;
  for (const key of Object.keys(patch.properties ?? {})) {
    if (!patchableProperties.has(key)) throw new ArmError(400, 'PropertyChangeNotAllowed', `Changing property '${key}' is not allowed.`, { target: key });
  }
  const newSize = patch.properties?.diskSizeGB as number | undefined;
  if (newSize !== undefined) {
    if (!Number.isInteger(newSize) || newSize < props.diskSizeGB) {
      throw new ArmError(400, 'BadRequest', `Disk size can only be increased. Current size ${props.diskSizeGB} GB, requested ${String(newSize)} GB.`, { target: 'diskSizeGB' });
    }
    if (props.diskState === 'Attached' || activeSasStates.has(props.diskState)) {
      throw operationNotAllowed(`Disk '${record.resource.name}' cannot be resized while in state '${props.diskState}'. Resizing is allowed only when the disk is unattached or the VM is deallocated.`);
    }
  }
  props.provisioningState = 'Updating';
  return ctx.env.operations.start({
    subscriptionId: ctx.params.subscriptionId,
    location: record.resource.location ?? 'eastus',
    kind: 'DiskOperations',
    apiVersion: ctx.apiVersion,
    override: ctx.operationOverride,
    acceptedBody: diskJson(record),
    complete: () => {
      if (patch.tags) record.resource.tags = patch.tags;
      if (patch.sku) record.resource.sku = { ...(record.resource.sku as object), ...patch.sku };
      Object.assign(props, patch.properties ?? {});
      if (newSize !== undefined) props.diskSizeBytes = newSize * 1024 ** 3;
      props.provisioningState = 'Succeeded';
      return diskJson(record);
    },
    abandon: () => {
      props.provisioningState = 'Succeeded';
    },
  });
}

export const diskRoutes: Route[] = [
  {
    name: 'disks.list',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/disks',
    ...common,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('disks', ctx.params.subscriptionId).map(diskJson))),
  },
  {
    name: 'disks.listByResourceGroup',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/disks',
    ...common,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('disks', ctx.params.subscriptionId, ctx.params.resourceGroupName).map(diskJson))),
  },
  { name: 'disks.get', method: 'GET', template: DISK, ...common, handler: (ctx) => ok(diskJson(requireResource(ctx, 'disks', TYPE, 'diskName'))) },
  { name: 'disks.update', method: 'PATCH', template: DISK, ...common, handler: updateDisk },
  {
    name: 'disks.grantAccess',
    method: 'POST',
    template: `${DISK}/beginGetAccess`,
    ...common,
    handler: (ctx) => grantAccess(ctx, 'disks', requireResource(ctx, 'disks', TYPE, 'diskName')),
  },
  {
    name: 'disks.revokeAccess',
    method: 'POST',
    template: `${DISK}/endGetAccess`,
    ...common,
    handler: (ctx) => revokeAccess(ctx, requireResource(ctx, 'disks', TYPE, 'diskName')),
  },
];
