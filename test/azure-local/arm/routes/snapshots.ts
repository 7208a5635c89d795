// Microsoft.Compute/snapshots (@azure/arm-compute 25.1.1, api-version 2026-03-02): listings, get, create from a
// disk or snapshot (createOption Copy, full or incremental; the page blob is really copied in Azurite),
// delete, and export access.
import { randomUUID } from 'node:crypto';
import { armId, parseArmId, type StoredResource } from '../../state/LocalAzureState.ts';
import { activeSasStates, type ArmResource } from '../../state/model.ts';
import { ArmError, invalidParameter, invalidRequestContent, missingParameter, operationNotAllowed } from '../armError.ts';
import { apiVersions } from '../apiVersions.ts';
import { pageOf } from '../paging.ts';
import { ok, type Route, type RouteContext, type RouteResult } from '../route.ts';
import { diskJson } from './disks.ts';
import { grantAccess, revokeAccess } from './diskAccess.ts';
import { requireResource } from './lookup.ts';

const TYPE = 'Microsoft.Compute/snapshots';
const SNAPSHOT = '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/snapshots/{snapshotName}';
const common = { apiVersions: apiVersions.computeDisks, resourceType: TYPE } as const;

interface SnapshotBody {
  location?: string;
  tags?: Record<string, string>;
  sku?: { name?: string };
  properties?: { creationData?: { createOption?: string; sourceResourceId?: string }; incremental?: boolean; [key: string]: unknown };
}

function createOrUpdate(ctx: RouteContext): RouteResult {
  const body = ctx.body as SnapshotBody | undefined;
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw invalidRequestContent('The snapshot body must be a JSON object.');
  const { subscriptionId, resourceGroupName, snapshotName } = ctx.params;
  const id = armId(subscriptionId, resourceGroupName, TYPE, snapshotName);
  const existing = ctx.env.state.get('snapshots', id);
  if (!body.location) throw new ArmError(400, 'LocationRequired', 'The location property is required for this definition.');
  if (existing) return updateTags(ctx, existing, body);

  const creation = body.properties?.creationData;
  if (!creation) throw missingParameter('creationData');
  if (!creation.createOption) throw missingParameter('creationData.createOption');
  if (creation.createOption !== 'Copy') {
    throw invalidParameter('creationData.createOption', `Create option '${creation.createOption}' is not simulated by the local Azure; use 'Copy' with a sourceResourceId.`);
  }
  if (!creation.sourceResourceId) throw missingParameter('creationData.sourceResourceId');
  const sourceRef = parseArmId(creation.sourceResourceId);
  const source = ctx.env.state.get('disks', creation.sourceResourceId) ?? ctx.env.state.get('snapshots', creation.sourceResourceId);
  if (!sourceRef || !source) {
    throw new ArmError(404, 'NotFound', `Resource ${creation.sourceResourceId} is not found.`, { target: 'creationData.sourceResourceId' });
  }
  if (source.resource.location?.toLowerCase() !== body.location.toLowerCase()) {
    throw invalidParameter('location', `Source resource location '${source.resource.location}' does not match the snapshot location '${body.location}'. Use CopyStart to copy across regions.`);
  }
  const incremental = body.properties?.incremental === true;
  const src = source.resource.properties ?? {};
  const snapshot: ArmResource = {
    name: snapshotName,
    id,
    type: TYPE,
    location: source.resource.location,
    ...(body.tags ? { tags: body.tags } : {}),
    sku: { name: body.sku?.name ?? 'Standard_LRS', tier: 'Standard' },
    properties: {
      osType: src.osType,
      hyperVGeneration: src.hyperVGeneration,
      creationData: { createOption: 'Copy', sourceResourceId: source.resource.id, sourceUniqueId: src.uniqueId },
      diskSizeGB: src.diskSizeGB,
      diskSizeBytes: src.diskSizeBytes ?? src.diskSizeGB * 1024 ** 3,
      uniqueId: randomUUID(),
      encryption: src.encryption ?? { type: 'EncryptionAtRestWithPlatformKey' },
      incremental,
      ...(incremental ? { incrementalSnapshotFamilyId: randomUUID(), completionPercent: 100 } : {}),
      ...(src.securityProfile ? { securityProfile: src.securityProfile } : {}),
      ...(src.supportedCapabilities ? { supportedCapabilities: src.supportedCapabilities } : {}),
      networkAccessPolicy: 'AllowAll',
      publicNetworkAccess: 'Enabled',
      ...(src.dataAccessAuthMode ? { dataAccessAuthMode: src.dataAccessAuthMode } : {}),
      timeCreated: new Date().toISOString(),
      provisioningState: 'Updating',
      diskState: 'Unattached',
    },
  };
  const record = ctx.env.state.put('snapshots', { resource: snapshot });
  return ctx.env.operations.start({
    subscriptionId,
    location: snapshot.location!,
    kind: 'DiskOperations',
    apiVersion: ctx.apiVersion,
    override: ctx.operationOverride,
    acceptedBody: diskJson(record),
    complete: async () => {
      await ctx.env.blobs.ensureBlob(snapshot, source.resource);
      snapshot.properties!.provisioningState = 'Succeeded';
      return diskJson(record);
    },
    abandon: () => {
      snapshot.properties!.provisioningState = 'Failed';
    },
  });
}

/** PUT on an existing snapshot: Azure lets tags change; its source and kind are fixed. */
function updateTags(ctx: RouteContext, existing: StoredResource, body: SnapshotBody): RouteResult {
  const was = existing.resource.properties ?? {};
  const source = body.properties?.creationData?.sourceResourceId;
  if (source && source.toLowerCase() !== String(was.creationData?.sourceResourceId).toLowerCase()) {
    throw new ArmError(409, 'PropertyChangeNotAllowed', "Changing property 'sourceResourceId' is not allowed.", { target: 'sourceResourceId' });
  }
  if (body.properties?.incremental !== undefined && body.properties.incremental !== was.incremental) {
    throw new ArmError(409, 'PropertyChangeNotAllowed', "Changing property 'incremental' is not allowed.", { target: 'incremental' });
  }
  if (body.tags) existing.resource.tags = body.tags;
  return ok(diskJson(existing));
}

/** PATCH (SnapshotUpdate): a few properties, as a long-running operation like the disk's update. */
const patchableSnapshotProperties = new Set(['dataAccessAuthMode', 'networkAccessPolicy', 'publicNetworkAccess', 'diskAccessId', 'encryption', 'supportsHibernation', 'supportedCapabilities']);

function updateSnapshot(ctx: RouteContext): RouteResult {
  const record = requireResource(ctx, 'snapshots', TYPE, 'snapshotName');
  const patch = ctx.body as { tags?: Record<string, string>; properties?: Record<string, unknown> } | undefined;
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) throw invalidRequestContent('The snapshot update body must be a JSON object.');
  for (const key of Object.keys(patch.properties ?? {})) {
    if (!patchableSnapshotProperties.has(key)) throw new ArmError(400, 'PropertyChangeNotAllowed', `Changing property '${key}' is not allowed.`, { target: key });
  }
  const props = record.resource.properties!;
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
      Object.assign(props, patch.properties ?? {});
      props.provisioningState = 'Succeeded';
      return diskJson(record);
    },
    abandon: () => {
      props.provisioningState = 'Succeeded';
    },
  });
}

function deleteSnapshot(ctx: RouteContext): RouteResult {
  const { subscriptionId, resourceGroupName, snapshotName } = ctx.params;
  const record = ctx.env.state.get('snapshots', armId(subscriptionId, resourceGroupName, TYPE, snapshotName));
  if (!record) return { status: 204 };
  if (activeSasStates.has(record.resource.properties?.diskState)) {
    throw operationNotAllowed(`Snapshot '${snapshotName}' cannot be deleted while it has an active SAS. Revoke access first.`);
  }
  return ctx.env.operations.start({
    subscriptionId,
    location: record.resource.location ?? 'eastus',
    kind: 'DiskOperations',
    apiVersion: ctx.apiVersion,
    override: ctx.operationOverride,
    complete: async () => {
      ctx.env.state.delete('snapshots', record.resource.id);
      await ctx.env.blobs.delete(record.resource);
      return undefined;
    },
  });
}

export const snapshotRoutes: Route[] = [
  {
    name: 'snapshots.list',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/providers/Microsoft.Compute/snapshots',
    ...common,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('snapshots', ctx.params.subscriptionId).map(diskJson))),
  },
  {
    name: 'snapshots.listByResourceGroup',
    method: 'GET',
    template: '/subscriptions/{subscriptionId}/resourceGroups/{resourceGroupName}/providers/Microsoft.Compute/snapshots',
    ...common,
    handler: (ctx) => ok(pageOf(ctx, ctx.env.state.list('snapshots', ctx.params.subscriptionId, ctx.params.resourceGroupName).map(diskJson))),
  },
  { name: 'snapshots.get', method: 'GET', template: SNAPSHOT, ...common, handler: (ctx) => ok(diskJson(requireResource(ctx, 'snapshots', TYPE, 'snapshotName'))) },
  { name: 'snapshots.createOrUpdate', method: 'PUT', template: SNAPSHOT, ...common, handler: createOrUpdate },
  { name: 'snapshots.update', method: 'PATCH', template: SNAPSHOT, ...common, handler: updateSnapshot },
  { name: 'snapshots.delete', method: 'DELETE', template: SNAPSHOT, ...common, handler: deleteSnapshot },
  {
    name: 'snapshots.grantAccess',
    method: 'POST',
    template: `${SNAPSHOT}/beginGetAccess`,
    ...common,
    handler: (ctx) => grantAccess(ctx, 'snapshots', requireResource(ctx, 'snapshots', TYPE, 'snapshotName')),
  },
  {
    name: 'snapshots.revokeAccess',
    method: 'POST',
    template: `${SNAPSHOT}/endGetAccess`,
    ...common,
    handler: (ctx) => revokeAccess(ctx, requireResource(ctx, 'snapshots', TYPE, 'snapshotName')),
  },
];
